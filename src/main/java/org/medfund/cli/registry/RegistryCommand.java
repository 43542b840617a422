package org.medfund.cli.registry;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import java.io.PrintWriter;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.registry.Account;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medfund registry …}: browse the reference data (regions, organisations, accounts). The CLI is an operator
 * tool on the server, so it reads the whole registry without a user scope.
 */
@Component
@Command(name = "registry", mixinStandardHelpOptions = true, description = "统筹区、机构与账户（基础数据）",
        subcommands = {RegistryCommand.Regions.class, RegistryCommand.Orgs.class, RegistryCommand.Show.class})
class RegistryCommand extends GroupCommand implements MedfundSubcommand {



    static String levelLabel(Region region) {
        switch (region.level()) {
            case PROVINCE:
                return "省级";
            case CITY:
                return "市级";
            default:
                return "县级";
        }
    }

    static String describe(Org org) {
        StringBuilder line = new StringBuilder(org.code()).append("  ").append(org.name()).append("  ")
                .append(org.kind()).append("  ").append(org.regionCode());
        if (org.grade() != null) {
            line.append("  ").append(new String[] {"", "一级", "二级", "三级"}[org.grade()]);
        }
        if (org.isHospital()) {
            line.append(org.designated() ? "  定点" : "  非定点");
        }
        if (org.cityManaged()) {
            line.append("  市级结算");
        }
        if (org.demo()) {
            line.append("  [演示]");
        }
        return line.toString();
    }

    static Region region(Registry registry, String code, String field) {
        return registry.region(code).orElseThrow(() -> new Rejection("registry.region-unknown", field,
                "未知统筹区编码 " + code));
    }

    @Component
    @Command(name = "regions", mixinStandardHelpOptions = true, description = "列出统筹区（默认各省；--parent 列出下级）")
    static class Regions implements Runnable {

        private final Registry registry;
        private final RegistryAdmin admin;

        @Spec
        CommandSpec spec;

        @Option(names = "--parent", paramLabel = "CODE", description = "上级统筹区编码，例如 411500")
        String parent;

        Regions(Registry registry, RegistryAdmin admin) {
            this.registry = registry;
            this.admin = admin;
        }

        @Override
        public void run() {
            List<Region> regions = parent == null
                    ? admin.regions().stream().filter(r -> r.parentCode() == null).toList()
                    : admin.children(region(registry, parent, "--parent").code());
            PrintWriter out = spec.commandLine().getOut();
            for (Region region : regions) {
                out.println(region.code() + "  " + region.name() + "  " + levelLabel(region)
                        + "  下级 " + admin.children(region.code()).size());
            }
            out.println("共 " + regions.size() + " 个统筹区");
            out.flush();
        }
    }

    @Component
    @Command(name = "orgs", mixinStandardHelpOptions = true, description = "列出某统筹区的机构")
    static class Orgs implements Runnable {

        private final Registry registry;

        @Spec
        CommandSpec spec;

        @Option(names = "--region", required = true, paramLabel = "CODE", description = "统筹区编码")
        String regionCode;

        @Option(names = "--kind", paramLabel = "KIND", description = "机构类型：${COMPLETION-CANDIDATES}")
        OrgKind kind;

        @Option(names = "--all-below", description = "包括下级统筹区的机构")
        boolean allBelow;

        Orgs(Registry registry) {
            this.registry = registry;
        }

        @Override
        public void run() {
            Region region = region(registry, regionCode, "--region");
            List<Region> regions = new java.util.ArrayList<>(List.of(region));
            if (allBelow) {
                regions.addAll(registry.descendants(region.code()));
            }
            PrintWriter out = spec.commandLine().getOut();
            int count = 0;
            for (Region each : regions) {
                for (OrgKind orgKind : kind == null ? OrgKind.values() : new OrgKind[] {kind}) {
                    for (Org org : registry.orgs(each.code(), orgKind)) {
                        out.println(describe(org));
                        count++;
                    }
                }
            }
            out.println("共 " + count + " 个机构");
            out.flush();
        }
    }

    @Component
    @Command(name = "show", mixinStandardHelpOptions = true, description = "显示统筹区（6 位编码）或机构（机构编码）详情")
    static class Show implements Runnable {

        private final Registry registry;
        private final RegistryAdmin admin;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "CODE", description = "统筹区编码（如 411500）或机构编码（如 H41150200001）")
        String code;

        Show(Registry registry, RegistryAdmin admin) {
            this.registry = registry;
            this.admin = admin;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            if (code.matches("\\d{6}")) {
                showRegion(out, region(registry, code, "CODE"));
            } else {
                showOrg(out, registry.org(code).orElseThrow(() -> new Rejection("registry.org-unknown", "CODE",
                        "未知统筹区编码或机构编码 " + code)));
            }
            out.flush();
        }

        private void showRegion(PrintWriter out, Region region) {
            out.println(region.code() + "  " + region.name() + "  " + levelLabel(region));
            out.println("隶属：" + String.join(" → ", registry.lineage(region.code()).stream()
                    .map(r -> r.code() + " " + r.name()).toList()));
            out.println("下级统筹区：" + admin.children(region.code()).size() + " 个");
            for (OrgKind kind : OrgKind.values()) {
                registry.orgs(region.code(), kind).forEach(org -> out.println("  " + describe(org)));
            }
        }

        private void showOrg(PrintWriter out, Org org) {
            out.println(describe(org));
            registry.region(org.regionCode()).ifPresent(r -> out.println("所在统筹区：" + r.code() + " " + r.name()));
            admin.hospitalProfile(org.code()).ifPresent(profile -> {
                out.println("类别：" + (profile.category() == null ? "-" : profile.category()));
                if (profile.medicalCommunity()) {
                    out.println("医共体：" + profile.medicalCommunityName());
                }
            });
            List<Account> accounts = registry.accounts(org.code());
            out.println("账户：" + accounts.size() + " 个");
            for (Account account : accounts) {
                out.println("  " + account.id() + "  " + account.kind().label()
                        + (account.insuranceType() == null ? "" : " " + account.insuranceType())
                        + "  " + account.accountName() + "  " + account.bankName() + "  " + account.accountNo()
                        + (account.provenance() == null ? "" : "  （来源：" + account.provenance() + "）"));
            }
        }
    }
}
