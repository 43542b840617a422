package org.medfund.cli.prepayment;

import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The command line records and confirms the inputs that decide prepayment money (maker-checker by user name, with
 * evidence): {@code prepayment agreement-record|agreement-confirm|agreements} and {@code prepayment
 * fund-status-record|fund-status-confirm|fund-status}. Bad input is one Chinese line and a non-zero exit.
 */
@DatabaseTest
class PrepaymentInputsCommandTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Agreements agreements;
    @Autowired
    FundStatuses fundStatuses;

    @Test
    @DisplayName("henan-2023 二(二): agreement recorded by one user, confirmed by another, listed with its evidence")
    void agreementCommands() {
        String hospital = Fixtures.hospital(jdbc, "410481", 2, false, "（测试）舞钢医院");
        CliRun recorded = CliRun.of(context, "prepayment", "agreement-record", "--hospital", hospital,
                "--agreement-no", "WG-1", "--valid-from", "2024-01-01", "--terms", "按年核定预拨",
                "--evidence", "舞医保协〔2024〕1号", "--org", "410481-AGENCY", "--user", "wg-clerk",
                "--request-id", "cli-ag-" + hospital);
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        assertThat(recorded.out()).contains("待复核");
        long id = agreements.records(hospital, org.medfund.registry.Actor.system("410481-AGENCY")).get(0).id();
        CliRun self = CliRun.of(context, "prepayment", "agreement-confirm", "--id", Long.toString(id), "--date",
                "2024-01-02", "--org", "410481-AGENCY", "--user", "wg-clerk");
        assertThat(self.exitCode()).isNotZero();
        assertThat(self.err()).contains("复核人不能与登记人为同一人").doesNotContain("Exception");
        CliRun confirmed = CliRun.of(context, "prepayment", "agreement-confirm", "--id", Long.toString(id), "--date",
                "2024-01-02", "--org", "410481-AGENCY", "--user", "wg-reviewer");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        CliRun list = CliRun.of(context, "prepayment", "agreements", "--hospital", hospital, "--org",
                "410481-AGENCY");
        assertThat(list.out()).contains("WG-1", "已复核", "舞医保协〔2024〕1号");
        CliRun missing = CliRun.of(context, "prepayment", "agreement-record", "--hospital", hospital,
                "--agreement-no", "WG-2", "--valid-from", "2024-01-01", "--terms", " ", "--evidence", "x",
                "--org", "410481-AGENCY", "--user", "wg-clerk", "--request-id", "cli-ag2-" + hospital);
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("预付金条款");
    }

    @Test
    @DisplayName("xinyang-2025 art. 7: fund status recorded from CSV files, confirmed by another user, shown with its source")
    void fundStatusCommands() throws Exception {
        Path dir = Files.createTempDirectory("fund-status");
        StringBuilder actual = new StringBuilder("month,income,expenditure\n");
        StringBuilder forecast = new StringBuilder("month,income,expenditure\n");
        for (int m = 1; m <= 12; m++) {
            actual.append(String.format("2027-%02d,110.00,100.00%n", m));
            forecast.append(String.format("2028-%02d,110.00,100.00%n", m));
        }
        Path actualFile = Files.writeString(dir.resolve("actual.csv"), actual, StandardCharsets.UTF_8);
        Path forecastFile = Files.writeString(dir.resolve("forecast.csv"), forecast, StandardCharsets.UTF_8);
        CliRun recorded = CliRun.of(context, "prepayment", "fund-status-record", "--region", "411500", "--fund",
                "310", "--year", "2028", "--balance", "1200.00", "--last-year", actualFile.toString(), "--forecast",
                forecastFile.toString(), "--evidence", "2027 年度决算", "--date", "2028-01-03", "--org",
                "411500-AGENCY", "--user", "xy-cli-clerk", "--request-id", "cli-fs-2028-310");
        assertThat(recorded.exitCode()).as(recorded.err()).isZero();
        long id = fundStatuses.records("411500", 2028, org.medfund.registry.Actor.system("411500-AGENCY")).get(0).id();
        CliRun before = CliRun.of(context, "prepayment", "fund-status", "--region", "411500", "--fund", "310",
                "--year", "2028");
        assertThat(before.exitCode()).isNotZero();
        assertThat(before.err()).contains("未登记经复核");
        CliRun confirmed = CliRun.of(context, "prepayment", "fund-status-confirm", "--id", Long.toString(id),
                "--org", "411500-AGENCY", "--user", "xy-cli-reviewer");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        CliRun shown = CliRun.of(context, "prepayment", "fund-status", "--region", "411500", "--fund", "310",
                "--year", "2028");
        assertThat(shown.out()).contains("累计结余 1,200.00 元", "经复核的登记", "2027-12");
        Files.writeString(forecastFile, "2028-01;1;1\n", StandardCharsets.UTF_8);
        CliRun bad = CliRun.of(context, "prepayment", "fund-status-record", "--region", "411500", "--fund", "310",
                "--year", "2028", "--forecast", forecastFile.toString(), "--evidence", "x", "--date", "2028-01-03",
                "--org", "411500-AGENCY", "--user", "xy-cli-clerk", "--request-id", "cli-fs-bad");
        assertThat(bad.exitCode()).isNotZero();
        assertThat(bad.err()).contains("每行须为").doesNotContain("Exception");
    }
}
