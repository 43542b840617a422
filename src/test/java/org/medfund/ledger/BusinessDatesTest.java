package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11 #3: the one check every command runs on its business date — inside the calendar, inside an open period
 * of the book (not closed, not before the book's first entry), not before the document it acts on.
 */
@DatabaseTest
class BusinessDatesTest {

    @Autowired
    BusinessDates dates;
    @Autowired
    Ledger ledger;
    @Autowired
    org.medfund.calendar.BusinessCalendar calendar;

    private static String code(Rejection e) {
        return e.code();
    }

    @Test
    @DisplayName("issue 11 #3: outside the calendar, in a closed period, before the book's opening or the document")
    void everyRule() {
        String book = Events.unique("AGENCY");
        ledger.openBook(book, BookType.AGENCY, "日期测试");
        // A book without entries takes any date the calendar covers.
        assertThat(dates.check(LocalDate.of(2020, 1, 1), "date").inBook(book).value()).isEqualTo("2020-01-01");
        ledger.post(Events.event("opening.balance.expenditure-account", LocalDate.of(2025, 1, 1), "100.00",
                Map.of("book", book)));
        ledger.closePeriod(book, YearMonth.of(2025, 2));

        assertThatThrownBy(() -> dates.check(LocalDate.of(2003, 10, 20), "date"))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(code(e)).isEqualTo("date.out-of-calendar"));
        assertThatThrownBy(() -> dates.check(calendar.coveredUntil().plusDays(1), "date"))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(code(e)).isEqualTo("date.out-of-calendar"));
        assertThatThrownBy(() -> dates.check(null, "date"))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(code(e)).isEqualTo("date.missing"));
        assertThatThrownBy(() -> dates.check(LocalDate.of(2025, 2, 28), "date").inBook(book))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(code(e)).isEqualTo("date.period-closed"));
        // The period after the last closed one is open.
        assertThat(dates.check(LocalDate.of(2025, 3, 1), "date").inBook(book).value()).isEqualTo("2025-03-01");

        String fresh = Events.unique("AGENCY");
        ledger.openBook(fresh, BookType.AGENCY, "日期测试");
        ledger.post(Events.event("opening.balance.expenditure-account", LocalDate.of(2025, 6, 1), "100.00",
                Map.of("book", fresh)));
        assertThatThrownBy(() -> dates.check(LocalDate.of(2025, 5, 31), "date").inBook(fresh))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(code(e)).isEqualTo("date.before-book"));

        assertThatThrownBy(() -> dates.check(LocalDate.of(2025, 6, 9), "date")
                .notBefore(LocalDate.of(2025, 6, 10), "批次制单日期"))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(code(e)).isEqualTo("date.before-document");
                    assertThat(e.field()).isEqualTo("date");
                    assertThat(e.getMessage()).contains("批次制单日期 2025-06-10");
                });
        assertThat(dates.check(LocalDate.of(2025, 6, 10), "date").notBefore(LocalDate.of(2025, 6, 10), "x").value())
                .isEqualTo("2025-06-10");
        assertThatThrownBy(() -> dates.checkYear(-100, "year"))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(code(e)).isEqualTo("date.year-out-of-range"));
    }
}
