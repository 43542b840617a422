package org.medfund.cli.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.CliRun;
import org.medfund.cli.demo.TestDemo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * {@code medfund crossregion annual-clearing} (henan-2023 三(四)) on the demo's 2026 clearing: printed with names,
 * outcomes and the document number; a malformed cost is one Chinese line and exit 2; only the province centre clears.
 * And {@code medfund prepayment region-plan-money} (二(二)) on the demo's paid region plans.
 */
@DatabaseTest
class AnnualClearingCommandTest {

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("henan-2023 三(四): print the year's clearing; refuse a malformed cost in one line")
    void annualClearing() {
        TestDemo.ensure(context);
        CliRun shown = CliRun.of(context, "crossregion", "annual-clearing", "--year", "2026", "--org", "410000-CENTRE",
                "--user", "t-cli-ac");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("2026 年度异地就医资金年度清算：应于 2027-03-31 前完成",
                "豫财社〔2023〕178号 三(四)", "信阳市 城乡居民基本医疗保险", "不足，在下次分配资金中补足 234,567.89 元")
                .doesNotContain("SHORTFALL", "henan-2023 v1");

        CliRun bad = CliRun.of(context, "crossregion", "annual-clearing", "--year", "2026", "--cost", "410400:310",
                "--source", "核对", "--date", "2027-03-26", "--org", "410000-CENTRE", "--user", "t-cli-ac");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip()).contains("清算费用格式应为").doesNotContain("\n");

        CliRun notCentre = CliRun.of(context, "crossregion", "annual-clearing", "--year", "2026", "--cost",
                "410400:310:1.00", "--source", "核对", "--date", "2027-03-26", "--org", "410400-AGENCY", "--user",
                "t-cli-ac");
        assertThat(notCentre.exitCode()).isNotZero();
        assertThat(notCentre.err()).contains("省医保中心");

        // The demo's region plans: 信阳's 2024 top-up, received; paying again answers the first payment.
        CliRun plans = CliRun.of(context, "prepayment", "region-plan-money", "--year", "2024", "--org", "411500-AGENCY",
                "--user", "t-cli-rp");
        assertThat(plans.exitCode()).as(plans.err()).isZero();
        assertThat(plans.out()).contains("信阳市", "补拨", "已到账").doesNotContain("TOP_UP", "RECEIVED");
        CliRun again = CliRun.of(context, "prepayment", "region-plan-money", "--plan", "RP-2024-411500-310", "--pay",
                "--date", "2024-01-12", "--org", "410000-FINANCE", "--user", "t-cli-rp");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("已到账");
        CliRun neither = CliRun.of(context, "prepayment", "region-plan-money", "--plan", "RP-2024-411500-310", "--org",
                "410000-FINANCE", "--user", "t-cli-rp");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--pay");
    }
}
