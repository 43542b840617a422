package org.medfund.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import org.medfund.common.Rejection;

/**
 * Due dates of {@link DeadlineRule}s. The rule's month offset moves the period first ("by the 5th of next month" is
 * {@code day-of-month:5+1m} for the period whose obligation it is); then the rule is applied to that month or to the
 * quarter containing it. A day of month past the month's length (Guizhou's "每月30日前" in February) means the
 * month's last day, which is then shifted like any other day when the rule says 遇节假日顺延; so is a month end or
 * the end of a quarter's Nth month whose rule says {@code :shift}.
 */
final class Deadlines {

    private Deadlines() {
    }

    static LocalDate dueDate(BusinessCalendar calendar, DeadlineRule rule, YearMonth period) {
        YearMonth month = period.plusMonths(rule.monthOffset());
        if (rule instanceof DeadlineRule.DayOfMonth d) {
            return shiftedIf(calendar, d.shifted(), month.atDay(Math.min(d.day(), month.lengthOfMonth())));
        }
        if (rule instanceof DeadlineRule.MonthEnd m) {
            return shiftedIf(calendar, m.shifted(), month.atEndOfMonth());
        }
        if (rule instanceof DeadlineRule.WorkingDaysAfterMonthStart w) {
            return calendar.addWorkingDays(month.atDay(1), w.workingDays());
        }
        if (rule instanceof DeadlineRule.QuarterMonthEnd q) {
            return shiftedIf(calendar, q.shifted(),
                    quarterStart(month).plusMonths(q.monthOfQuarter() - 1L).atEndOfMonth());
        }
        if (rule instanceof DeadlineRule.FirstWorkingDaysOfMonth f) {
            return nthWorkingDay(calendar, month, f.workingDays(), month.atEndOfMonth(), rule);
        }
        DeadlineRule.FirstWorkingDaysOfQuarter f = (DeadlineRule.FirstWorkingDaysOfQuarter) rule;
        YearMonth start = quarterStart(month);
        return nthWorkingDay(calendar, start, f.workingDays(), start.plusMonths(2).atEndOfMonth(), rule);
    }

    /** First month of the calendar quarter containing the month. */
    static YearMonth quarterStart(YearMonth month) {
        int firstMonth = (month.getMonthValue() - 1) / 3 * 3 + 1;
        return YearMonth.of(month.getYear(), firstMonth);
    }

    /** The Nth working day counted from the first day of the month; it must fall on or before the limit. */
    private static LocalDate nthWorkingDay(BusinessCalendar calendar, YearMonth from, int n, LocalDate limit,
                                           DeadlineRule rule) {
        LocalDate first = calendar.nextWorkingDayOnOrAfter(from.atDay(1));
        LocalDate nth = calendar.addWorkingDays(first, n - 1);
        if (nth.isAfter(limit)) {
            throw new Rejection("calendar.bad-rule", "rule", "期限规则 " + rule.text() + " 超出期间（" + from + " 起至 "
                    + limit + " 的工作日不足 " + n + " 天）");
        }
        return nth;
    }

    /**
     * 遇节假日顺延: a day that is not worked moves to the next working day, across the month end if need be (a month
     * end on a Saturday is due on the Monday after). Unshifted, the calendar day stands but must be covered.
     */
    private static LocalDate shiftedIf(BusinessCalendar calendar, boolean shifted, LocalDate date) {
        if (shifted) {
            return calendar.nextWorkingDayOnOrAfter(date);
        }
        calendar.day(date);
        return date;
    }
}
