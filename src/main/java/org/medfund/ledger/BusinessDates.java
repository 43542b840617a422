package org.medfund.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.common.Rejection;
import org.springframework.stereotype.Component;

/**
 * The one check of a command's business date (issue 11 #3: a payment approved "on" 2003-10-20 was booked then).
 * Every command that takes a business date runs it, in this order:
 * <ol>
 *   <li>the date lies inside the working-day calendar (the years the State Council's notices cover; deadlines and
 *       working days cannot be computed outside them) — {@code date.out-of-calendar};</li>
 *   <li>{@link BusinessDate#inBook}, for a command that books: the date lies in an open period of the book it
 *       posts to — not in a closed period ({@code date.period-closed}) and not before the book's first entry, its
 *       opening ({@code date.before-book}). Commands that record a step without booking (a check, an approval, a
 *       batch prepared, a recovery raised) do not ask: their money moves later, dated then;</li>
 *   <li>{@link BusinessDate#notBefore}: the date is not before the date of the document the command acts on (an
 *       approval before the batch was prepared, a return before the recovery was raised) —
 *       {@code date.before-document}.</li>
 * </ol>
 * Usage: {@code dates.check(on, "date").inBook(agency.code()).notBefore(batch.preparedOn(), "结算批次制单日期")}.
 * A null date is refused too ({@code date.missing}), though commands usually refuse it first with their own code.
 */
@Component
public class BusinessDates {

    private final BusinessCalendar calendar;
    private final Ledger ledger;

    public BusinessDates(BusinessCalendar calendar, Ledger ledger) {
        this.calendar = calendar;
        this.ledger = ledger;
    }

    /** Starts the check of a date: refuses a missing date or one outside the calendar. */
    public BusinessDate check(LocalDate date, String field) {
        if (date == null) {
            throw new Rejection("date.missing", field, "缺少业务日期 " + field);
        }
        if (date.isBefore(calendar.coveredFrom()) || date.isAfter(calendar.coveredUntil())) {
            throw new Rejection("date.out-of-calendar", field, "业务日期 " + date + " 不在工作日历覆盖范围 "
                    + calendar.coveredFrom() + " 至 " + calendar.coveredUntil() + " 内");
        }
        return new BusinessDate(date, field);
    }

    /** A business year (a prepayment year, a plan year): one the calendar covers. */
    public int checkYear(int year, String field) {
        if (year < calendar.coveredFrom().getYear() || year > calendar.coveredUntil().getYear()) {
            throw new Rejection("date.year-out-of-range", field, "年度 " + year + " 不在工作日历覆盖的 "
                    + calendar.coveredFrom().getYear() + " 至 " + calendar.coveredUntil().getYear() + " 年内");
        }
        return year;
    }

    /** A date that passed {@link #check}; each further step checks at once and answers the same date. */
    public final class BusinessDate {
        private final LocalDate date;
        private final String field;

        private BusinessDate(LocalDate date, String field) {
            this.date = date;
            this.field = field;
        }

        /** The date lies in an open period of the organisation's book (no book yet: any date is open). */
        public BusinessDate inBook(String bookOrgCode) {
            Optional<YearMonth> closed = ledger.lastClosedPeriod(bookOrgCode);
            if (closed.isPresent() && !YearMonth.from(date).isAfter(closed.get())) {
                throw new Rejection("date.period-closed", field, "业务日期 " + date + " 所在会计期间已结账（账套 "
                        + bookOrgCode + " 已结至 " + closed.get() + "）");
            }
            Optional<LocalDate> opening = ledger.firstEntryDate(bookOrgCode);
            if (opening.isPresent() && date.isBefore(opening.get())) {
                throw new Rejection("date.before-book", field, "业务日期 " + date + " 早于账套 " + bookOrgCode
                        + " 的建账日期 " + opening.get());
            }
            return this;
        }

        /** The date is not before the document's own date (null: the document has none yet, nothing to check). */
        public BusinessDate notBefore(LocalDate documentDate, String documentDateName) {
            if (documentDate != null && date.isBefore(documentDate)) {
                throw new Rejection("date.before-document", field, "业务日期 " + date + " 早于" + documentDateName + " "
                        + documentDate);
            }
            return this;
        }

        public LocalDate value() {
            return date;
        }
    }
}
