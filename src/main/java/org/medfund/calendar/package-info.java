/**
 * The official working-day calendar: State Council holidays and adjusted working weekends (调休) for the covered
 * years, shipped as the data file {@code calendar/cn-holidays.txt}, and the deadline rules the seeds use — "by day D
 * of the month, 遇节假日顺延" (seed 000 二(二), 三(一)), "by day D" without shift (seed 000 三(二)(三)), "by month
 * end", "within N working days" (seed 003, seed 002), "by the end of the Nth month of the quarter" (seed 000 一(三)),
 * "within the first N working days of the month / quarter" (seed 001, seed 004). {@link
 * org.medfund.calendar.BusinessCalendar} is the API; everything else is package-private.
 */
package org.medfund.calendar;
