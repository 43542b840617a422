package org.medfund.calendar;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfund.common.Rejection;

/** Text form of {@link DeadlineRule}s, as written in policy data and on the command line. */
final class DeadlineRules {

    private static final Pattern TEXT = Pattern.compile("([a-z-]+)(?::(\\d{1,2}))?(:shift)?(?:\\+(\\d)m)?");

    private DeadlineRules() {
    }

    static DeadlineRule parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw bad(text);
        }
        String kind = m.group(1);
        Integer number = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        boolean shift = m.group(3) != null;
        int offset = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        DeadlineRule rule = switch (kind) {
            case "day-of-month" -> number != null && number >= 1 && number <= 31
                    ? new DeadlineRule.DayOfMonth(number, shift, offset) : null;
            case "month-end" -> number == null ? new DeadlineRule.MonthEnd(shift, offset) : null;
            case "working-days-after" -> number != null && number >= 1 && !shift
                    ? new DeadlineRule.WorkingDaysAfterMonthStart(number, offset) : null;
            case "quarter-month-end" -> number != null && number >= 1 && number <= 3
                    ? new DeadlineRule.QuarterMonthEnd(number, shift, offset) : null;
            case "first-working-days-of-month" -> number != null && number >= 1 && !shift
                    ? new DeadlineRule.FirstWorkingDaysOfMonth(number, offset) : null;
            case "first-working-days-of-quarter" -> number != null && number >= 1 && !shift
                    ? new DeadlineRule.FirstWorkingDaysOfQuarter(number, offset) : null;
            default -> null;
        };
        if (rule == null) {
            throw bad(text);
        }
        return rule;
    }

    static String format(DeadlineRule rule) {
        String base;
        if (rule instanceof DeadlineRule.DayOfMonth d) {
            base = "day-of-month:" + d.day() + (d.shifted() ? ":shift" : "");
        } else if (rule instanceof DeadlineRule.MonthEnd m) {
            base = "month-end" + (m.shifted() ? ":shift" : "");
        } else if (rule instanceof DeadlineRule.WorkingDaysAfterMonthStart w) {
            base = "working-days-after:" + w.workingDays();
        } else if (rule instanceof DeadlineRule.QuarterMonthEnd q) {
            base = "quarter-month-end:" + q.monthOfQuarter() + (q.shifted() ? ":shift" : "");
        } else if (rule instanceof DeadlineRule.FirstWorkingDaysOfMonth f) {
            base = "first-working-days-of-month:" + f.workingDays();
        } else {
            base = "first-working-days-of-quarter:" + ((DeadlineRule.FirstWorkingDaysOfQuarter) rule).workingDays();
        }
        return rule.monthOffset() == 0 ? base : base + "+" + rule.monthOffset() + "m";
    }

    private static Rejection bad(String text) {
        return new Rejection("calendar.bad-rule", "rule", "无法识别的期限规则：" + text
                + "（例：day-of-month:15:shift、month-end、month-end:shift、quarter-month-end:3:shift、"
                + "first-working-days-of-month:5）");
    }
}
