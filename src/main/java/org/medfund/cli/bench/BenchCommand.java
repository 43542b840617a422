package org.medfund.cli.bench;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medfund bench …}: throughput benchmarks contributed as {@link NestedSubcommand}s with parent "bench". */
@Component
@Command(name = "bench", mixinStandardHelpOptions = true, description = "性能基准（打印吞吐量，结果记录在 docs/performance.md）")
class BenchCommand extends GroupCommand implements MedfundSubcommand {


}
