package org.medfund.calendar;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The one calendar of working days: official holidays and adjusted working weekends (调休) from the State Council's
 * yearly notices, shipped as data with the years covered. A date outside those years is an error
 * ({@link org.medfund.common.Rejection} with code {@code calendar.out-of-range}), never a guess.
 */
public interface BusinessCalendar {

    boolean isWorkingDay(LocalDate date);

    /** The date itself when it is a working day, else the next working day after it. */
    LocalDate nextWorkingDayOnOrAfter(LocalDate date);

    /** N working days after the date (N ≥ 0; the date itself is not counted). */
    LocalDate addWorkingDays(LocalDate date, int workingDays);

    /** The due date of a deadline rule for a period (the month or quarter the obligation belongs to). */
    LocalDate deadline(DeadlineRule rule, YearMonth period);

    /** First and last covered dates, e.g. 2020-01-01 .. 2026-12-31. */
    LocalDate coveredFrom();

    LocalDate coveredUntil();
}
