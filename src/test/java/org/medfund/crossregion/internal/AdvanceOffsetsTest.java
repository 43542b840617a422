package org.medfund.crossregion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;
import org.medfund.crossregion.AdvanceRecoveryKind;
import org.medfund.crossregion.MonthlyClearing.Advance;
import org.medfund.crossregion.MonthlyClearing.AdvanceReceivable;
import org.medfund.crossregion.MonthlyClearing.AdvanceRecovery;

/**
 * henan-2023 三(三): the rule that deducts a hospital's outstanding advances from a later positive plan, oldest first,
 * never more than an advance's rest nor more than the plan. The engine's planned and posted offsets both come from it.
 */
class AdvanceOffsetsTest {

    static final YearMonth MARCH = YearMonth.of(2025, 3);

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    /** An advance of {@code month}, {@code recovered} of it already back. */
    private static AdvanceReceivable open(YearMonth month, String amount, String recovered) {
        List<AdvanceRecovery> parts = recovered == null ? List.of() : List.of(new AdvanceRecovery(month,
                AdvanceRecoveryKind.RETURN, month, yuan(recovered), month.atEndOfMonth(), "r-" + month));
        return new AdvanceReceivable("411500", "信阳市", "H1", "测试医院", "310", month,
                new Advance(yuan(amount), month.atDay(25), null, "a-" + month, parts));
    }

    @Test
    @DisplayName("henan-2023 三(三): plan equal to, smaller and larger than the advance")
    void oneAdvance() {
        List<AdvanceReceivable> one = List.of(open(YearMonth.of(2025, 2), "500.00", null));
        assertThat(AdvanceOffsets.allocate(MARCH, yuan("500.00"), one)).extracting(AdvanceRecovery::amount)
                .containsExactly(yuan("500.00"));
        assertThat(AdvanceOffsets.allocate(MARCH, yuan("499.99"), one)).extracting(AdvanceRecovery::amount)
                .containsExactly(yuan("499.99"));
        assertThat(AdvanceOffsets.allocate(MARCH, yuan("500.01"), one)).singleElement().satisfies(o -> {
            assertThat(o.amount()).isEqualTo(yuan("500.00"));
            assertThat(o.kind()).isEqualTo(AdvanceRecoveryKind.OFFSET);
            assertThat(o.advancePeriod()).isEqualTo(YearMonth.of(2025, 2));
            assertThat(o.offsetPeriod()).isEqualTo(MARCH);
            assertThat(o.posted()).isFalse();
        });
    }

    @Test
    @DisplayName("henan-2023 三(三): the oldest advance first, only the rest of a partly recovered one, none left over")
    void oldestFirst() {
        List<AdvanceReceivable> two = List.of(open(YearMonth.of(2024, 12), "400.00", "100.00"),
                open(YearMonth.of(2025, 1), "700.00", null), open(YearMonth.of(2025, 2), "50.00", null));
        assertThat(AdvanceOffsets.allocate(MARCH, yuan("600.00"), two))
                .extracting(AdvanceRecovery::advancePeriod, AdvanceRecovery::amount)
                .containsExactly(tuple(YearMonth.of(2024, 12), yuan("300.00")),
                        tuple(YearMonth.of(2025, 1), yuan("300.00")));
        assertThat(AdvanceOffsets.allocate(MARCH, yuan("0.01"), List.of())).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 三(三): a negative or zero plan, or an advance of the same or a later month, is a bug")
    void refused() {
        List<AdvanceReceivable> one = List.of(open(YearMonth.of(2025, 2), "500.00", null));
        assertThatThrownBy(() -> AdvanceOffsets.allocate(MARCH, Money.ZERO, one))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AdvanceOffsets.allocate(YearMonth.of(2025, 2), yuan("1.00"), one))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> AdvanceOffsets.allocate(MARCH, yuan("1.00"), List.of(open(YearMonth.of(2025, 2),
                "1.00", null), open(YearMonth.of(2025, 1), "1.00", null)))).isInstanceOf(IllegalStateException.class);
    }
}
