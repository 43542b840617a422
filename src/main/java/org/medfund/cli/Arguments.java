package org.medfund.cli;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.medfund.common.Rejection;

/**
 * Command-line values every command parses the same way; a malformed one is bad input naming the option, which
 * {@link OneLineErrors} prints as one Chinese line.
 */
public final class Arguments {

    private Arguments() {
    }

    /** Date (YYYY-MM-DD) from the command line. */
    public static LocalDate date(String text, String option) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("cli.bad-date", option, "日期格式应为 YYYY-MM-DD：" + text);
        }
    }

    /** Month (YYYY-MM) from the command line. */
    public static YearMonth period(String text, String option) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("cli.bad-period", option, "期间格式应为 YYYY-MM：" + text);
        }
    }
}
