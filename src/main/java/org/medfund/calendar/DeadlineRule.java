package org.medfund.calendar;

/**
 * The deadline shapes the seeds use. Each resolves against a period (a {@link java.time.YearMonth}); rules that
 * speak of "the following month" or "the quarter" say so in their fields. A day of month past the month's length
 * (Guizhou's "30th" in February) means the month's last day.
 *
 * <p>Text form (CLI, policy data): {@code day-of-month:15:shift}, {@code day-of-month:30}, {@code month-end},
 * {@code month-end:shift}, {@code working-days-after:10}, {@code quarter-month-end:2},
 * {@code quarter-month-end:3:shift}, {@code first-working-days-of-month:5},
 * {@code first-working-days-of-quarter:5}; an optional {@code +Nm} suffix moves the month (e.g.
 * {@code day-of-month:5:shift+1m} is "by the 5th of the next month, holiday-shifted").
 */
public sealed interface DeadlineRule {

    /** Months added to the period before the rule is applied ("by the 5th of next month" = 1). */
    int monthOffset();

    /** By day D of the month; when {@code shifted}, moved to the next working day if D is not one (遇节假日顺延). */
    record DayOfMonth(int day, boolean shifted, int monthOffset) implements DeadlineRule {
    }

    /**
     * By the month's last calendar day; when {@code shifted} (遇节假日顺延), a last day that is not worked moves to
     * the next working day, which may be in the following month (a Saturday 31 May is due on Monday 2 June).
     */
    record MonthEnd(boolean shifted, int monthOffset) implements DeadlineRule {
    }

    /** Within N working days after the first day of the (offset) month; used with an explicit start elsewhere. */
    record WorkingDaysAfterMonthStart(int workingDays, int monthOffset) implements DeadlineRule {
    }

    /** By the end of the Nth month (1..3) of the quarter containing the period; {@code shifted} as for month end. */
    record QuarterMonthEnd(int monthOfQuarter, boolean shifted, int monthOffset) implements DeadlineRule {
    }

    /** Within the first N working days of the (offset) month. */
    record FirstWorkingDaysOfMonth(int workingDays, int monthOffset) implements DeadlineRule {
    }

    /** Within the first N working days of the quarter containing the (offset) period. */
    record FirstWorkingDaysOfQuarter(int workingDays, int monthOffset) implements DeadlineRule {
    }

    /** Parses the text form above; bad text is a Rejection with code {@code calendar.bad-rule}. */
    static DeadlineRule parse(String text) {
        return DeadlineRules.parse(text);
    }

    /** The text form of this rule. */
    default String text() {
        return DeadlineRules.format(this);
    }
}
