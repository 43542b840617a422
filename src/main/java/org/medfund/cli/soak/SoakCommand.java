package org.medfund.cli.soak;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code medfund soak …}: reliability soaks contributed as {@link NestedSubcommand}s with parent "soak". They never
 * open the configured database: {@code MedfundApplication} gives them a throwaway one (see docs/reliability.md).
 */
@Component
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = "可靠性试验（在临时数据库上注入故障，不触碰本机数据；结果记录在 docs/reliability.md）")
class SoakCommand extends GroupCommand implements MedfundSubcommand {


}
