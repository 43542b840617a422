package org.medfund.crossregion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;

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
}
