package org.medfund.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedMap;

/**
 * The one calendar of working days: official holidays and adjusted working weekends (调休) from the State Council's
 * yearly notices, shipped as data with the years covered. A date outside those years is an error
 * ({@link org.medfund.common.Rejection} with code {@code calendar.out-of-range}), never a guess.
 */
public interface BusinessCalendar {

    boolean isWorkingDay(LocalDate date);

    /** The date itself when it is a working day, else the next working day after it. */
    LocalDate nextWorkingDayOnOrAfter(LocalDate date);

    /**
     * N working days after the date (N ≥ 0; the date itself is not counted, N = 0 answers the date unchanged).
     * Negative N is a Rejection with code {@code calendar.bad-working-days}.
     */
    LocalDate addWorkingDays(LocalDate date, int workingDays);

    /**
     * The last day of "within N working days of X" (…之日起N个工作日内): X itself is not counted, so this is
     * {@code addWorkingDays(start, n)}. Seeds counting "from the day of receipt" mean the same; see decisions.md.
     */
    default LocalDate withinWorkingDays(LocalDate start, int workingDays) {
        return addWorkingDays(start, workingDays);
    }

    /** The due date of a deadline rule for a period (the month or quarter the obligation belongs to). */
    LocalDate deadline(DeadlineRule rule, YearMonth period);

    /** What kind of day a covered date is, with the festival it belongs to. */
    CalendarDay day(LocalDate date);

    /** Covered year → the State Council notice its holidays come from, in year order. */
    SortedMap<Integer, String> sourceNotices();

    /** First and last covered dates, e.g. 2020-01-01 .. 2026-12-31. */
    LocalDate coveredFrom();

    LocalDate coveredUntil();

    /** The calendar loaded from the shipped data file, for code and plain tests that run without Spring. */
    static BusinessCalendar official() {
        return OfficialCalendar.shipped();
    }
}
