package org.medfund.cli.bench;

import org.medfund.cli.NestedSubcommand;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund bench registry}: throughput of the lookups every request and intake row makes — region lineage
 * (in-memory tree) and the scope check {@code canSeeOrg} (reads the actor's and the target's organisation).
 * Read-only: it changes nothing.
 */
@Component
@Command(name = "registry", mixinStandardHelpOptions = true, description = "基础数据查询与权限检查的吞吐量")
class RegistryBenchCommand implements Runnable, NestedSubcommand, RunsOnScratchDatabase {

    static final int CALLS_MAX = 10_000_000;

    private final Registry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--calls", description = "每项调用次数（默认 100000）")
    int calls = 100_000;

    RegistryBenchCommand(Registry registry) {
        this.registry = registry;
    }

    @Override
    public String parent() {
        return "bench";
    }

    @Override
    public void run() {
        if (calls < 1 || calls > CALLS_MAX) {
            throw new Rejection("cli.calls-invalid", "--calls", "--calls 须在 1 至 " + CALLS_MAX + " 之间");
        }
        List<String> regions = registry.descendants("410000").stream().map(Region::code).toList();
        List<String> hospitals = regions.stream().flatMap(code -> registry.hospitals(code).stream())
                .map(Org::code).toList();
        Actor city = new Actor("bench", "411500-AGENCY", Set.of(Role.CLERK));
        PrintWriter out = spec.commandLine().getOut();
        long sink = 0;
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += registry.lineage(regions.get(i % regions.size())).size();
        }
        report(out, "lineage", start);
        start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += registry.canSeeOrg(city, hospitals.get(i % hospitals.size())) ? 1 : 0;
        }
        report(out, "canSeeOrg", start);
        start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            sink += registry.orgs(regions.get(i % regions.size()), OrgKind.AGENCY).size();
        }
        report(out, "orgs(region, AGENCY)", start);
        out.println("（校验值 " + sink + "）");
        out.flush();
    }

    private void report(PrintWriter out, String what, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        out.printf("%-22s %,d 次，%.2f 秒，%,.0f 次/秒%n", what, calls, seconds, calls / seconds);
        out.flush();
    }
}
