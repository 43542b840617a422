package org.medfund.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;
import org.medfund.settlement.internal.ReconciliationRules.Figures;

/** Pure reconciliation rules: 3201/3202 comparison, roll-over of late applications, true-up after fallback. */
class ReconciliationRulesTest {

    static ReconciliationRules.GroupKey k(String insutype, String clrType) {
        return new ReconciliationRules.GroupKey(insutype, clrType);
    }

    static Figures f(long n, long medfee, long fund, long acct) {
        return new Figures(n, Money.ofFen(medfee), Money.ofFen(fund), Money.ofFen(acct));
    }

    @Test
    @DisplayName("3201: a group matches only when count and all three amounts are equal; one-sided groups differ")
    void totals() {
        var results = ReconciliationRules.compareTotals(
                Map.of(k("310", "21"), f(2, 100, 80, 10), k("390", "11"), f(1, 5, 3, 0)),
                Map.of(k("310", "21"), f(2, 100, 80, 10), k("390", "11"), f(1, 5, 3, 1), k("310", "11"), f(1, 1, 1, 0)));
        assertThat(results).extracting(ReconciliationRules.GroupResult::clearingType,
                ReconciliationRules.GroupResult::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("11", "1"), org.assertj.core.groups.Tuple.tuple("21", "0"),
                org.assertj.core.groups.Tuple.tuple("11", "1"));
    }

    @Test
    @DisplayName("3202: stmt_rslt 1 agency only, 2 hospital only, 3 amounts differ; matched records not listed")
    void records() {
        var diffs = ReconciliationRules.compareRecords(
                Map.of("A", f(1, 10, 8, 0), "B", f(1, 10, 8, 0), "C", f(1, 10, 8, 1)),
                Map.of("A", f(1, 10, 8, 0), "C", f(1, 10, 8, 0), "D", f(1, 1, 1, 0)));
        assertThat(diffs).extracting(ReconciliationRules.RecordResult::setlId,
                ReconciliationRules.RecordResult::result).containsExactly(
                org.assertj.core.groups.Tuple.tuple("B", "2"), org.assertj.core.groups.Tuple.tuple("C", "3"),
                org.assertj.core.groups.Tuple.tuple("D", "1"));
    }

    @Test
    @DisplayName("henan-2023 三(一): applied on the due date → same cycle; a day late → next; later still → further")
    void cycle() {
        YearMonth sep = YearMonth.of(2024, 9);
        java.util.function.Function<YearMonth, LocalDate> due = m -> m.plusMonths(1).atDay(5);
        assertThat(ReconciliationRules.cycle(sep, LocalDate.of(2024, 10, 5), due)).isEqualTo(sep);
        assertThat(ReconciliationRules.cycle(sep, LocalDate.of(2024, 10, 6), due)).isEqualTo(YearMonth.of(2024, 10));
        assertThat(ReconciliationRules.cycle(sep, LocalDate.of(2024, 11, 6), due)).isEqualTo(YearMonth.of(2024, 11));
        assertThat(ReconciliationRules.cycle(sep, LocalDate.of(2025, 3, 1), m -> null)).isEqualTo(sep);
    }

    @Test
    @DisplayName("true-up: settled − advance is paid; an excess is carried, never negative; exact to the fen")
    void trueUp() {
        TrueUp more = TrueUp.of(Money.ofFen(1_000_01), Money.ofFen(900_00), Money.ZERO);
        assertThat(more.due()).isEqualTo(Money.ofFen(100_01));
        assertThat(more.carriedOut()).isEqualTo(Money.ZERO);
        TrueUp less = TrueUp.of(Money.ofFen(800_00), Money.ofFen(900_00), Money.ofFen(50_00));
        assertThat(less.due()).isEqualTo(Money.ZERO);
        assertThat(less.carriedOut()).isEqualTo(Money.ofFen(150_00));
        TrueUp exact = TrueUp.of(Money.ofFen(900_00), Money.ofFen(900_00), Money.ZERO);
        assertThat(exact.due()).isEqualTo(Money.ZERO);
        assertThat(exact.carriedOut()).isEqualTo(Money.ZERO);
        TrueUp negative = TrueUp.of(Money.ofFen(-10_00), Money.ZERO, Money.ZERO);
        assertThat(negative.carriedOut()).isEqualTo(Money.ofFen(10_00));
    }
}
