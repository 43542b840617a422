package org.medfund.web;

import jakarta.servlet.http.HttpSession;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.medfund.common.Rejection;

/**
 * The month a staff page is filtered on, remembered for the session: a page given {@code ?period=2026-09} shows that
 * month and remembers it, so the next page opened without a period (settlements, statement, to-do, dashboard,
 * ledger) opens on the same month; {@code ?period=} (empty) clears it and shows every month where the page can.
 * A period that is not {@code YYYY-MM} is bad input, refused naming the field.
 */
public final class MonthFilter {

    /** The session attribute holding the remembered month. */
    static final String SESSION_KEY = "medfund.period";
    /** Months outside these years are typing mistakes, not business periods. */
    static final int YEAR_MIN = 2000;
    static final int YEAR_MAX = 2099;

    private MonthFilter() {
    }

    /**
     * The month asked for ({@code text} present), else the one remembered; empty when neither (or when the user
     * cleared the filter with an empty value).
     */
    public static Optional<YearMonth> resolve(HttpSession session, String text) {
        if (text == null) {
            return Optional.ofNullable(session == null ? null : (YearMonth) session.getAttribute(SESSION_KEY));
        }
        if (text.isBlank()) {
            if (session != null) {
                session.removeAttribute(SESSION_KEY);
            }
            return Optional.empty();
        }
        YearMonth month = parse(text);
        if (session != null) {
            session.setAttribute(SESSION_KEY, month);
        }
        return Optional.of(month);
    }

    /** A period typed by a user: {@code YYYY-MM} within {@link #YEAR_MIN}–{@link #YEAR_MAX}. */
    public static YearMonth parse(String text) {
        try {
            YearMonth month = YearMonth.parse(text.strip());
            if (month.getYear() < YEAR_MIN || month.getYear() > YEAR_MAX) {
                throw new Rejection("period.out-of-range", "period", "月份须在 " + YEAR_MIN + "–" + YEAR_MAX
                        + " 年之间：" + text);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw new Rejection("period.invalid", "period", "月份格式应为 YYYY-MM（例如 2026-09）：" + text);
        }
    }
}
