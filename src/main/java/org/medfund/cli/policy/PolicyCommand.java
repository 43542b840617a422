package org.medfund.cli.policy;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.medfund.cli.Arguments;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Comparator;
import org.medfund.common.Rejection;
import org.medfund.policy.Citations;
import org.medfund.policy.Parameter;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfund policy …}: the policy packs of the seeds and rule resolution by region and date. */
@Component
@Command(name = "policy", mixinStandardHelpOptions = true, description = "政策包：列表、参数及条款、按地区与日期解析规则",
        subcommands = {PolicyCommand.ListPacks.class, PolicyCommand.Show.class, PolicyCommand.Resolve.class})
public class PolicyCommand extends GroupCommand implements MedfundSubcommand {



    /** "2023-10-24 起" or, when the seed does not state it, "2025-01-01 起（配置）". */
    @Component
    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出政策包（每个包的最新版本）")
    static class ListPacks implements Runnable {

        private final PolicyPacks packs;

        @Spec
        CommandSpec spec;

        ListPacks(PolicyPacks packs) {
            this.packs = packs;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (PolicyPack pack : packs.packs()) {
                out.println(pack.label() + "  地区 " + pack.regionCode() + "  "
                        + pack.documentNo() + "  " + pack.issuers() + "  生效 " + pack.effectiveText() + "  规则 "
                        + pack.parameters().size() + " 条");
            }
            out.flush();
        }
    }

    @Component
    @Command(name = "show", description = "显示政策包的文件信息、参数与条款")
    static class Show implements Runnable {

        // Help only: the standard mixin's --version would clash with the pack version option below.
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
        boolean help;

        private final PolicyPacks packs;
        private final Citations citations;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "PACK", description = "政策包，如 henan-2023")
        String packId;

        @Option(names = "--version", paramLabel = "N", description = "版本（默认最新）")
        Integer version;

        Show(PolicyPacks packs, Citations citations) {
            this.packs = packs;
            this.citations = citations;
        }

        @Override
        public void run() {
            PolicyPack pack = packs.versions(packId).stream()
                    .filter(p -> version == null || p.version() == version)
                    .max(Comparator.comparingInt(PolicyPack::version))
                    .orElseThrow(() -> Rejection.notFound("policy.unknown-pack", "PACK", "未知的政策包或版本："
                            + packId + (version == null ? "" : " v" + version) + "（可用：./medfund policy list）"));
            PrintWriter out = spec.commandLine().getOut();
            out.println(pack.label() + "  " + pack.title());
            out.println("文号：" + pack.documentNo() + "  发文机关：" + pack.issuers());
            out.println("适用地区：" + pack.regionCode() + "（含下级地区）  印发：" + (pack.issuedOn() == null
                    ? "原文未载明" : pack.issuedOn()) + "  生效：" + pack.effectiveText());
            if (!pack.governs().isEmpty()) {
                out.println("完整规定的规则组（不继承上级政策包）：" + String.join(", ", pack.governs()));
            }
            pack.parameters().values().stream().sorted(Comparator.comparing(Parameter::name)).forEach(p ->
                    out.println("  " + p.name() + " = " + p.value() + "（" + citations.meaning(p) + "）  ["
                            + citations.text(p.article()) + "]  " + p.note()));
            out.flush();
        }
    }

    @Component
    @Command(name = "resolve", mixinStandardHelpOptions = true,
            description = "解析某地区某日适用的规则：值、政策包、版本、条款")
    static class Resolve implements Runnable {

        private final PolicyPacks packs;
        private final Registry registry;
        private final Citations citations;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, paramLabel = "CODE", description = "统筹区代码，如 411500")
        String region;

        @Option(names = "--date", required = true, paramLabel = "DATE", description = "业务日期 YYYY-MM-DD")
        String date;

        @Parameters(index = "0", paramLabel = "RULE", description = "规则名，如 prepayment.factor")
        String rule;

        Resolve(PolicyPacks packs, Registry registry, Citations citations) {
            this.packs = packs;
            this.registry = registry;
            this.citations = citations;
        }

        @Override
        public void run() {
            Region found = registry.region(region).orElseThrow(() -> new Rejection("policy.unknown-region",
                    "--region", "未知的统筹区代码：" + region));
            LocalDate day = Arguments.date(date, "--date");
            Resolved resolved = packs.resolve(found.code(), day, rule);
            PolicyPack pack = packs.packInForce(resolved.packId(), day).orElseThrow();
            PrintWriter out = spec.commandLine().getOut();
            out.println(rule + " = " + resolved.parameter().value());
            out.println("地区：" + found.code() + " " + found.name() + "  日期：" + day);
            out.println("政策包：" + resolved.packId() + "  版本：v" + resolved.packVersion() + "  文号："
                    + pack.documentNo() + "  生效：" + pack.effectiveText());
            out.println("条款：" + citations.text(resolved.parameter().article()) + "  " + resolved.parameter().note()
                    + "（" + resolved.parameter().article() + "）");
            out.println("含义：" + citations.meaning(resolved.parameter()));
            out.flush();
        }
    }
}
