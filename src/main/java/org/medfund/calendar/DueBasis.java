package org.medfund.calendar;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Text form of a {@link Due}'s basis; stored next to due dates, so it is a stable format. */
final class DueBasis {

    /** Long enough for any rule text, a period and the prefix. */
    static final int BASIS_CHARS_MAX = 120;

    private static final String RULE = "rule:";
    private static final String AFTER = "after:";

    private DueBasis() {
    }

    static String rule(DeadlineRule rule, YearMonth period) {
        return RULE + rule.text() + "@" + period;
    }

    static String workingDays(LocalDate start, int workingDays) {
        return AFTER + start + "+" + workingDays;
    }

    static LocalDate evaluate(BusinessCalendar calendar, String basis) {
        try {
            if (basis.startsWith(RULE)) {
                int at = basis.lastIndexOf('@');
                return calendar.deadline(DeadlineRule.parse(basis.substring(RULE.length(), at)),
                        YearMonth.parse(basis.substring(at + 1)));
            }
            if (basis.startsWith(AFTER)) {
                int plus = basis.lastIndexOf('+');
                return calendar.addWorkingDays(LocalDate.parse(basis.substring(AFTER.length(), plus)),
                        Integer.parseInt(basis.substring(plus + 1)));
            }
        } catch (DateTimeParseException | IndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalStateException("stored due-date basis is broken: " + basis, e);
        }
        throw new IllegalStateException("stored due-date basis is broken: " + basis);
    }
}
