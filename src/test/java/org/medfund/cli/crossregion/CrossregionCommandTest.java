package org.medfund.cli.crossregion;

import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.registry.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** guizhou-2017 三(一) on the command line: export, import once per request id, every bad line named, exit code 2. */
@DatabaseTest
class CrossregionCommandTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    CrossRegion crossRegion;

    @TempDir
    Path dir;

    @Test
    @DisplayName("guizhou-2017 三(一): filings exported by 毕节 are imported by Henan once; a bad file imports nothing")
    void exchange() throws Exception {
        String card = "52CLI" + (System.nanoTime() % 100_000);
        crossRegion.file(new FilingDraft(card, "命令行测试", "520500", "390", FilingType.RESETTLED_RETIREE, "410000",
                LocalDate.of(2026, 1, 1), null), Actor.system("520500-AGENCY"));
        Path file = dir.resolve("filings.csv");
        CliRun export = CliRun.of(context, "crossregion", "export-filings", "--region", "520500", "--out",
                file.toString(), "--org", "520500-AGENCY", "--user", "cli-bj");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(Files.readString(file)).contains(card);

        String header = Files.readString(file).lines().findFirst().orElseThrow();
        Path fresh = dir.resolve("fresh.csv");
        Files.writeString(fresh, header + "\nCLI-" + card + "," + card + "X,外省,520500,390,REFERRAL,410000,2026-01-01,,"
                + "520500-AGENCY\n");
        String[] importArgs = {"crossregion", "import-filings", fresh.toString(), "--request-id", "cli-" + card,
                "--org", "410000-CENTRE", "--user", "cli-ha"};
        CliRun first = CliRun.of(context, importArgs);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("新增 1 条");
        CliRun again = CliRun.of(context, importArgs);
        assertThat(again.out()).contains("新增 1 条"); // the first result, nothing imported twice
        CliRun lookup = CliRun.of(context, "crossregion", "filings", "--card", card + "X", "--org", "410000-CENTRE",
                "--user", "cli-ha");
        assertThat(lookup.out()).contains("转诊转院人员", "导入");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, header + "\nB1,52B1,甲,520500,390,REFERRAL,410000,2026-01-01,,520500-AGENCY\n"
                + "B2,52B2,乙,999999,390,REFERRAL,410000,2026-01-01,,520500-AGENCY\n");
        CliRun refused = CliRun.of(context, "crossregion", "import-filings", bad.toString(), "--request-id",
                "cli-bad-" + card, "--org", "410000-CENTRE", "--user", "cli-ha");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("第 3 行 insured_region", "未导入任何记录");
        assertThat(crossRegion.filings("52B1", Actor.system("410000-CENTRE"))).isEmpty();
    }
}
