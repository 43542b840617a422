package org.medfund.cli.settlement;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medfund import …}: bulk files, contributed as {@link NestedSubcommand}s with parent "import". */
@Component
@Command(name = "import", mixinStandardHelpOptions = true, description = "导入数据文件（CSV / xlsx）")
class ImportCommand extends GroupCommand implements MedfundSubcommand {


}
