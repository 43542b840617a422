package org.medfund.prepayment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundStatus;

/** xinyang-2025 art. 7: months payable thresholds exactly and just below, deficits last year and projected. */
class FundGateTest {

    private static final BigDecimal TWELVE = new BigDecimal("12");
    private static final BigDecimal SIX = new BigDecimal("6");

    private static List<FundMonth> months(int year, long incomeFen, long expenditureFen) {
        List<FundMonth> list = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            list.add(new FundMonth(YearMonth.of(year, m), Money.ofFen(incomeFen), Money.ofFen(expenditureFen)));
        }
        return list;
    }

    @Test
    @DisplayName("xinyang-2025 art. 7: employee fund exactly 12.0 months payable is open, one fen less is closed")
    void employeeThreshold() {
        // average expenditure 1,000,001 fen a month (odd, so 12 × average is not round)
        var exact = new FundStatus("310", Money.ofFen(12_000_012), months(2025, 1_000_001, 1_000_001),
                months(2026, 1_000_001, 1_000_001));
        var result = FundGate.evaluate(exact, TWELVE, true, "xinyang-2025 art. 7");
        assertThat(result.open()).isTrue();
        assertThat(result.monthsPayable()).isEqualByComparingTo("12.00");
        var below = new FundStatus("310", Money.ofFen(12_000_011), exact.lastYear(), exact.forecast());
        var closed = FundGate.evaluate(below, TWELVE, true, "xinyang-2025 art. 7");
        assertThat(closed.open()).isFalse();
        assertThat(closed.monthsPayable()).isEqualByComparingTo("11.99"); // rounded down, never shown as 12.00
        assertThat(closed.reasons()).singleElement().asString().contains("低于 12 个月", "xinyang-2025 art. 7");
    }

    @Test
    @DisplayName("xinyang-2025 art. 7: resident fund exactly 6.0 months open, just below closed")
    void residentThreshold() {
        var exact = new FundStatus("390", Money.ofFen(6_000_006), months(2025, 1_000_001, 1_000_001),
                months(2026, 1_000_001, 1_000_001));
        assertThat(FundGate.evaluate(exact, SIX, true, "a7").open()).isTrue();
        var below = new FundStatus("390", Money.ofFen(6_000_005), exact.lastYear(), exact.forecast());
        assertThat(FundGate.evaluate(below, SIX, true, "a7").open()).isFalse();
    }

    @Test
    @DisplayName("xinyang-2025 art. 7: last year's current deficit or a projected deficit closes the fund")
    void deficits() {
        var lastYearDeficit = new FundStatus("310", Money.ofYuan("100000000"), months(2025, 99, 100),
                months(2026, 100, 100));
        var result = FundGate.evaluate(lastYearDeficit, TWELVE, true, "a7");
        assertThat(result.open()).isFalse();
        assertThat(result.lastYearResult()).isEqualTo(Money.ofFen(-12));
        assertThat(result.reasons()).singleElement().asString().contains("上年出现当期赤字");
        List<FundMonth> forecast = months(2026, 100, 100);
        forecast.set(11, new FundMonth(YearMonth.of(2026, 12), Money.ofFen(100), Money.ofFen(101)));
        var projected = FundGate.evaluate(new FundStatus("310", Money.ofYuan("100000000"),
                months(2025, 100, 100), forecast), TWELVE, true, "a7");
        assertThat(projected.open()).isFalse();
        assertThat(projected.projectedResult()).isEqualTo(Money.ofFen(-1));
        assertThat(projected.reasons()).singleElement().asString().contains("滚动测算");
        // prepayment.deficit-blocks: a pack without the deficit rule judges the months payable alone.
        assertThat(FundGate.evaluate(lastYearDeficit, TWELVE, false, "a7").open()).isTrue();
    }
}
