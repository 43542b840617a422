/**
 * The official working-day calendar: State Council holidays and adjusted working weekends (调休) from the yearly
 * notices — shipped as the data file {@code calendar/cn-holidays.txt} for 2020–2026, later years loaded by an
 * administrator ({@link org.medfund.calendar.CalendarNotices}, audited) — and for a year after the last notice up to
 * next year a provisional (暂定) calendar from 《全国年节及纪念日放假办法》 art. 2 and art. 6; plus the deadline rules the
 * seeds use — "by day D of the month, 遇节假日顺延" (henan-2023 二(二), 三(一)), "by day D" without shift (henan-2023
 * 三(二)), "by month end" shifted or not (henan-2023 三(三), hainan-2020 art. 13), "within N working days" (hainan-2020,
 * xinyang-2025), "by the end of the Nth month of the quarter" (henan-2023 一(三), 三(四)), "within the first N working days of
 * the month / quarter" (guizhou-2017, handan-2020). {@link org.medfund.calendar.BusinessCalendar} is the API; capabilities
 * that keep due dates take part in a notice load through {@link org.medfund.calendar.DueDateRecompute}.
 */
package org.medfund.calendar;
