package org.medfund.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedMap;

/**
 * The one calendar of working days: official holidays and adjusted working weekends (调休) from the State Council's
 * yearly notices (shipped as data, later years loaded by an administrator), and for the years after the last notice
 * up to next year a provisional (暂定) calendar computed from 《全国年节及纪念日放假办法》. A date before
 * {@link #FIRST_YEAR} or after next year is an error ({@link org.medfund.common.Rejection} with code
 * {@code calendar.out-of-range}), never a guess.
 */
public interface BusinessCalendar {

    /** The first covered year: the earliest notice the project ships. */
    int FIRST_YEAR = 2020;

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

    /** {@link #deadline} with the basis to recompute it once the year's notice is loaded. */
    default Due due(DeadlineRule rule, YearMonth period) {
        return new Due(deadline(rule, period), DueBasis.rule(rule, period));
    }

    /** {@link #addWorkingDays} with the basis to recompute it once the year's notice is loaded. */
    default Due dueAfterWorkingDays(LocalDate start, int workingDays) {
        return new Due(addWorkingDays(start, workingDays), DueBasis.workingDays(start, workingDays));
    }

    /** The date a stored {@link Due#basis()} gives on this calendar. */
    default LocalDate recompute(String basis) {
        return DueBasis.evaluate(this, basis);
    }

    /** What kind of day a covered date is, with the festival it belongs to. */
    CalendarDay day(LocalDate date);

    /**
     * Whether a covered date lies in a provisional year (no notice loaded yet), so that every date computed on it is
     * 暂定. Notice years run without gaps from {@link #FIRST_YEAR}, so a date computed from an earlier start is
     * provisional exactly when it is itself in a provisional year.
     */
    boolean provisional(LocalDate date);

    /** Noticed year → its notice, in year order (consecutive from {@link #FIRST_YEAR}). */
    SortedMap<Integer, HolidayNotice> notices();

    /** The provisional calendar of a year after the last notice, in the form of a notice (for pages and audit). */
    HolidayNotice provisionalNotice(int year);

    /** First and last covered dates, e.g. 2020-01-01 .. 2027-12-31 on 2026-12-01. */
    LocalDate coveredFrom();

    LocalDate coveredUntil();

    /** The calendar of the shipped notices as of the clock's today, for plain tests and code without Spring. */
    static BusinessCalendar official(Clock clock) {
        return new OfficialCalendar(OfficialCalendar.shippedByYear(), LocalDate.now(clock).getYear() + 1);
    }
}
