package org.medfund.cli.settlement;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medfund generate …}: synthetic workloads, contributed as {@link NestedSubcommand}s with parent "generate". */
@Component
@Command(name = "generate", mixinStandardHelpOptions = true, description = "生成合成数据（演示、测试与性能基准用）")
class GenerateCommand extends GroupCommand implements MedfundSubcommand {


}
