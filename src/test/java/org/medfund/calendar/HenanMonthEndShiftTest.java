package org.medfund.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 二(二) "遇节假日顺延，下同" reaches 三(三) 每月月底前 and 三(四) 每年3月底前: a month end that is not a working
 * day moves to the next working day, into the next month if need be. Dates checked against the notices by hand.
 */
class HenanMonthEndShiftTest {

    private final BusinessCalendar calendar = BusinessCalendar.official(OfficialCalendarTest.TODAY);
    private final DeadlineRule monthEnd = DeadlineRule.parse("month-end:shift");
    private final DeadlineRule endOfMarch = DeadlineRule.parse("quarter-month-end:3:shift");

    private LocalDate monthEnd(int year, int month) {
        return calendar.deadline(monthEnd, YearMonth.of(year, month));
    }

    @Test
    @DisplayName("henan-2023 三(三): 30 Sep 2024 (Mon, after the 调休 Sunday 29th) and 30 Sep 2025 (Tue) stand")
    void septemberEnds() {
        // 2024 notice: 29 Sep (Sunday) is worked, 1–7 Oct are the holiday; 30 Sep is an ordinary Monday.
        assertThat(calendar.day(LocalDate.of(2024, 9, 29)).kind()).isEqualTo(CalendarDay.Kind.ADJUSTED_WORKDAY);
        assertThat(monthEnd(2024, 9)).isEqualTo(LocalDate.of(2024, 9, 30));
        // 2025 notice: 28 Sep (Sunday) is worked, the holiday starts 1 Oct; 30 Sep is a Tuesday.
        assertThat(monthEnd(2025, 9)).isEqualTo(LocalDate.of(2025, 9, 30));
        // The same day as the end of the quarter's third month (quarter-month-end:3:shift for Q3).
        assertThat(calendar.deadline(endOfMarch, YearMonth.of(2025, 8))).isEqualTo(LocalDate.of(2025, 9, 30));
    }

    @Test
    @DisplayName("henan-2023 三(三): a month end on a weekend or holiday moves to the next working day, next month")
    void shiftedIntoNextMonth() {
        assertThat(monthEnd(2025, 5)).isEqualTo(LocalDate.of(2025, 6, 3)); // Sat 31 May: 端午 31 May–2 June
        assertThat(monthEnd(2024, 8)).isEqualTo(LocalDate.of(2024, 9, 2)); // Saturday
        assertThat(monthEnd(2026, 1)).isEqualTo(LocalDate.of(2026, 2, 2)); // Saturday
        assertThat(monthEnd(2026, 2)).isEqualTo(LocalDate.of(2026, 2, 28)); // Saturday, but 调休上班
        assertThat(monthEnd(2025, 10)).isEqualTo(LocalDate.of(2025, 10, 31)); // Friday
        // The unshifted rule keeps the calendar day.
        assertThat(calendar.deadline(DeadlineRule.parse("month-end"), YearMonth.of(2025, 5)))
                .isEqualTo(LocalDate.of(2025, 5, 31));
    }

    @Test
    @DisplayName("henan-2023 三(四): 每年3月底前 — Sunday 31 Mar 2024 → Mon 1 Apr; 31 Mar 2025 (Mon) stands")
    void endOfMarch() {
        assertThat(calendar.deadline(endOfMarch, YearMonth.of(2024, 1))).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(calendar.deadline(endOfMarch, YearMonth.of(2025, 2))).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(calendar.deadline(endOfMarch, YearMonth.of(2026, 3))).isEqualTo(LocalDate.of(2026, 3, 31));
        // 2023 (the pack's first year ends before its March): Friday 31 March 2023.
        assertThat(calendar.deadline(endOfMarch, YearMonth.of(2023, 1))).isEqualTo(LocalDate.of(2023, 3, 31));
    }
}
