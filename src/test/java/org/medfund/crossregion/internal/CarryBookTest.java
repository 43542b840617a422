package org.medfund.crossregion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;
import org.medfund.crossregion.CarryState;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarrySource;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryTarget;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryUse;

/** henan-2023 三(四): what an allocation takes of last year's carry; the rest of a larger surplus is forwarded. */
class CarryBookTest {

    private static final Money QUARTER = Money.ofYuan("1000000.00");

    @Test
    @DisplayName("henan-2023 三(四): a surplus smaller than, equal to and larger than the quarter; a shortfall; zero")
    void taken() {
        assertThat(CarryBook.taken(QUARTER, Money.ofYuan("-400000.00"))).isEqualTo(Money.ofYuan("-400000.00"));
        assertThat(CarryBook.taken(QUARTER, Money.ofYuan("-1000000.00"))).isEqualTo(Money.ofYuan("-1000000.00"));
        assertThat(CarryBook.taken(QUARTER, Money.ofYuan("-1000000.01"))).isEqualTo(Money.ofYuan("-1000000.00"));
        assertThat(CarryBook.taken(QUARTER, Money.ofYuan("300000.00"))).isEqualTo(Money.ofYuan("300000.00"));
        assertThat(CarryBook.taken(QUARTER, Money.ZERO)).isEqualTo(Money.ZERO);
        assertThat(CarryBook.taken(Money.ZERO, Money.ofYuan("-0.01"))).isEqualTo(Money.ZERO);
    }

    private static CarryLine carry(int clearYear, String amount) {
        return new CarryLine(clearYear, new CarrySource("410400", "平顶山市", "310", "职工基本医疗保险", clearYear,
                CarryBook.CITATION), new CarryTarget(YearMonth.of(2025, 7), "2025 年第 3 季度", Money.ofYuan(amount)),
                new CarryUse(CarryState.OPEN, Money.ZERO, Money.ZERO, null, null, null));
    }

    @Test
    @DisplayName("henan-2023 三(四): the rest of two surpluses in one quarter is forwarded from the newer one first")
    void forwarded() {
        List<CarryLine> carries = List.of(carry(2023, "-10.00"), carry(2024, "-10.00"), carry(2024, "3.00"));
        // Quarter 2.00: net −17.00, taken −2.00, rest −15.00: −10.00 of 2024's, −5.00 of 2023's.
        Money rest = Money.ofYuan("-17.00").minus(CarryBook.taken(Money.ofYuan("2.00"), Money.ofYuan("-17.00")));
        assertThat(CarryBook.forwarded(carries, rest)).containsExactly(Money.ofYuan("-5.00"),
                Money.ofYuan("-10.00"), Money.ZERO);
        assertThat(CarryBook.forwarded(carries, Money.ZERO)).containsOnly(Money.ZERO);
    }
}
