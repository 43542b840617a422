package org.medfund.web;

import java.time.LocalDate;
import org.medfund.calendar.BusinessCalendar;
import org.springframework.stereotype.Component;

/**
 * How pages and exports show a date the calendar computed: with "（暂定）" when it lies in a year whose holiday
 * notice is not loaded yet (the provisional calendar of the 放假办法), so nobody mistakes it for a final deadline.
 * Templates call it as {@code ${@dueDates.label(date)}}.
 */
@Component("dueDates")
public class DueDateLabels {

    static final String PROVISIONAL = "（暂定）";

    private final BusinessCalendar calendar;

    DueDateLabels(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** The date as text, marked when provisional; empty for no date. */
    public String label(LocalDate date) {
        if (date == null) {
            return "";
        }
        return provisional(date) ? date + PROVISIONAL : date.toString();
    }

    /** Whether the date is provisional; false for no date or a date the calendar does not cover. */
    public boolean provisional(LocalDate date) {
        return date != null && !date.isBefore(calendar.coveredFrom()) && !date.isAfter(calendar.coveredUntil())
                && calendar.provisional(date);
    }
}
