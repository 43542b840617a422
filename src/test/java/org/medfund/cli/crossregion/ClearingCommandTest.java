package org.medfund.cli.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.cli.CliRun;
import org.medfund.common.Money;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * guizhou-2017 附件一 三(一) on the command line: 黔东南州's visits of November 2025 exported in the 3260 layout, the file
 * answered and imported as 3261 (once per --msgid), a bad file refused whole with its lines named (exit 2), and the
 * whole month rolled back (3262, --otransid 0). 黔东南州 in 2025 is used by no other test.
 */
@DatabaseTest
class ClearingCommandTest {

    private static final String CITY = "522600";

    @Autowired
    ApplicationContext context;
    @Autowired
    CrossRegion crossRegion;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerAudit audit;

    @TempDir
    Path dir;

    @Test
    @DisplayName("附件一 三(一): 3260 file out, 3261 file in once, a bad file named line by line, 3262 for the month")
    void files() throws Exception {
        String hospital = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）命令行清分");
        crossRegion.designate(hospital, LocalDate.of(2025, 1, 1), null, Actor.system("410000-CENTRE"));
        Actor agency = Actor.system(CITY + "-AGENCY");
        crossRegion.setBenefitRule(new BenefitRule(CITY, "310", 2025, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("150000.00")), agency);
        String card = "52CC" + (System.nanoTime() % 100_000);
        crossRegion.file(new FilingDraft(card, "命令行测试", CITY, "310", FilingType.RESETTLED_RETIREE, "410000",
                LocalDate.of(2025, 1, 1), null), agency);
        for (int i = 0; i < 2; i++) {
            crossRegion.settle(new SettlementRequest("CC-" + card + "-" + i, card, CITY, "310",
                    LocalDate.of(2025, 11, 3 + i), List.of(new FeeLine(FeeCategory.BED, CatalogueClass.A,
                    Money.ofYuan("2000.00"), null)), false), Actor.system(hospital));
        }
        String[] where = {"--year", "2025", "--month", "11", "--mdtrtarea", "410000", "--insuplc", CITY,
                "--org", "520000-CENTRE", "--user", "cli-gz"};
        Path file = dir.resolve("3260.csv");
        CliRun export = CliRun.of(context, concat(new String[] {"crossregion", "clearing", "export", "--out",
                file.toString()}, where));
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("已导出 2 条");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("seqno,mdtrtarea,medins_no,certno,mdtrt_id,mdtrt_setl_time,setl_sn,"
                + "fulamt_advpay_flag,medfee_sumamt,optins_pay_sumamt,cnfm_flag");
        assertThat(lines.get(1)).startsWith("1,410400," + hospital + "," + card).contains(",935.00,");

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, lines.get(0) + "\n" + lines.get(1) + "1\n" + lines.get(2) + "7\n");
        CliRun refused = CliRun.of(context, concat(new String[] {"crossregion", "clearing", "import", bad.toString(),
                "--msgid", "cli-bad-" + card, "--date", "2025-12-09"}, where));
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("第 3 行 cnfm_flag");

        Path answered = dir.resolve("3261.csv");
        Files.writeString(answered, lines.get(0) + "\n" + lines.get(1) + "1\n" + lines.get(2) + "0\n");
        String[] importArgs = concat(new String[] {"crossregion", "clearing", "import", answered.toString(),
                "--msgid", "cli-" + card, "--date", "2025-12-09"}, where);
        CliRun first = CliRun.of(context, importArgs);
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("确认 1 条，拒绝 1 条");
        assertThat(CliRun.of(context, importArgs).out()).contains("确认 1 条，拒绝 1 条");

        CliRun rollback = CliRun.of(context, concat(new String[] {"crossregion", "clearing", "rollback",
                "--otransid", "0", "--date", "2025-12-10"}, where));
        assertThat(rollback.exitCode()).as(rollback.err()).isZero();
        assertThat(rollback.out()).contains("已回退 2 条");
        audit.assertSound();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
