package org.medfund.crossregion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;
import org.medfund.crossregion.UsageWarning;

/** The quota rules as pure functions: guizhou-2017 三(三) sizing and 五(二) warnings, with their edges. */
class QuotaSizingTest {

    private static final BigDecimal YELLOW = new BigDecimal("0.70");
    private static final BigDecimal RED = new BigDecimal("0.90");
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final String CITATION = "guizhou-2017 v1, guizhou-2017 三(三)";

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    @Test
    @DisplayName("guizhou-2017 三(三): the first quota pays four months of the past years' yearly fund pay")
    void firstQuotaFourMonths() {
        QuotaSizing.Sized first = QuotaSizing.first(yuan("14400.00"), 4, CITATION);
        assertThat(first.amount()).isEqualTo(yuan("4800.00"));
        assertThat(first.level()).isEqualTo(yuan("4800.00"));
        assertThat(first.derivation().citation()).isEqualTo(CITATION);
        // 1,000.01 × 4 ÷ 12 = 333.3366…, rounded once half-up.
        assertThat(QuotaSizing.first(yuan("1000.01"), 4, CITATION).amount()).isEqualTo(yuan("333.34"));
    }

    @Test
    @DisplayName("guizhou-2017 三(三): the re-size tops the balance up to the weighted level, never below zero")
    void resize() {
        // Level 0.5 × 3,400.08 + 0.5 × 14,400.00 ÷ 4 = 3,500.04; balance 4,800.00 − 3,400.08 = 1,399.92.
        QuotaSizing.Sized sized = QuotaSizing.resize(yuan("3400.08"), yuan("1399.92"), yuan("14400.00"), HALF, HALF,
                CITATION);
        assertThat(sized.amount()).isEqualTo(yuan("2100.12"));
        assertThat(sized.level()).isEqualTo(yuan("3500.04"));
        // A balance above the level carries the quarter alone: nothing to remit, the level is the balance.
        QuotaSizing.Sized carried = QuotaSizing.resize(yuan("100.00"), yuan("9000.00"), yuan("400.00"), HALF, HALF,
                CITATION);
        assertThat(carried.amount()).isEqualTo(Money.ZERO);
        assertThat(carried.level()).isEqualTo(yuan("9000.00"));
        // An overdrawn balance (cleared more than prepaid) is made good in the remittance.
        assertThat(QuotaSizing.resize(yuan("1000.00"), yuan("-200.00"), yuan("4000.00"), HALF, HALF, CITATION)
                .amount()).isEqualTo(yuan("1200.00"));
        assertThatThrownBy(() -> QuotaSizing.resize(yuan("1.00"), Money.ZERO, yuan("1.00"), HALF, RED, CITATION))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    @DisplayName("guizhou-2017 五(二): usage 69.99 % none, 70.00 % yellow, 89.99 % yellow, 90.00 % red")
    void warningEdges() {
        Money prepaid = yuan("10000.00");
        assertThat(QuotaSizing.warning(prepaid, yuan("6999.00"), YELLOW, RED)).isEqualTo(UsageWarning.NONE);
        assertThat(QuotaSizing.warning(prepaid, yuan("6999.99"), YELLOW, RED)).isEqualTo(UsageWarning.NONE);
        assertThat(QuotaSizing.warning(prepaid, yuan("7000.00"), YELLOW, RED)).isEqualTo(UsageWarning.YELLOW);
        assertThat(QuotaSizing.warning(prepaid, yuan("8999.00"), YELLOW, RED)).isEqualTo(UsageWarning.YELLOW);
        assertThat(QuotaSizing.warning(prepaid, yuan("9000.00"), YELLOW, RED)).isEqualTo(UsageWarning.RED);
        assertThat(QuotaSizing.warning(prepaid, yuan("12000.00"), YELLOW, RED)).isEqualTo(UsageWarning.RED);
        assertThat(QuotaSizing.rate(prepaid, yuan("6999.99"))).isEqualByComparingTo("0.6999");
        assertThat(QuotaSizing.rate(prepaid, yuan("7000.00"))).isEqualByComparingTo("0.7000");
        assertThat(QuotaSizing.rate(prepaid, yuan("8999.00"))).isEqualByComparingTo("0.8999");
        assertThat(QuotaSizing.rate(prepaid, yuan("9000.00"))).isEqualByComparingTo("0.9000");
        assertThat(QuotaSizing.warning(Money.ZERO, Money.ZERO, YELLOW, RED)).isEqualTo(UsageWarning.NONE);
        assertThat(QuotaSizing.warning(Money.ZERO, yuan("0.01"), YELLOW, RED)).isEqualTo(UsageWarning.RED);
        assertThat(QuotaSizing.rate(Money.ZERO, yuan("0.01"))).isNull();
    }

    @Test
    @DisplayName("guizhou-2017 五(二): the emergency top-up brings usage back to the yellow share")
    void topUp() {
        // 3,400.08 ÷ 0.70 = 4,857.257… → 4,857.26; less 3,700.00 prepaid.
        QuotaSizing.Sized top = QuotaSizing.topUp(yuan("3700.00"), yuan("3400.08"), YELLOW, CITATION);
        assertThat(top.amount()).isEqualTo(yuan("1157.26"));
        // Afterwards 3,400.08 ÷ 4,857.26 = 0.69999…: back at the yellow line, just under it.
        assertThat(QuotaSizing.rate(yuan("3700.00").plus(top.amount()), yuan("3400.08"))).isEqualByComparingTo("0.6999");
        assertThat(QuotaSizing.warning(yuan("3700.00").plus(top.amount()), yuan("3400.08"), YELLOW, RED))
                .isEqualTo(UsageWarning.NONE);
    }
}
