/**
 * The official working-day calendar: State Council holidays and adjusted working weekends (调休) from the yearly
 * notices — shipped as the data file {@code calendar/cn-holidays.txt} for 2020–2026, later years loaded by an
 * administrator ({@link org.medfund.calendar.CalendarNotices}, audited) — and for a year after the last notice up to
 * next year a provisional (暂定) calendar from 《全国年节及纪念日放假办法》 art. 2 and art. 6; plus the deadline rules the
 * seeds use — "by day D of the month, 遇节假日顺延" (seed 000 二(二), 三(一)), "by day D" without shift (seed 000
 * 三(二)), "by month end" shifted or not (seed 000 三(三), seed 003 art. 13), "within N working days" (seed 003, seed
 * 002), "by the end of the Nth month of the quarter" (seed 000 一(三), 三(四)), "within the first N working days of
 * the month / quarter" (seed 001, seed 004). {@link org.medfund.calendar.BusinessCalendar} is the API; capabilities
 * that keep due dates take part in a notice load through {@link org.medfund.calendar.DueDateRecompute}.
 */
package org.medfund.calendar;
