package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One obligation of the annex 1 timetable: who must do what by when (guizhou-2017 附件一). {@code subject} names
 * what it is about (a city, a quota id), empty for the province's own steps; {@code dueBasis} is the calendar basis
 * the date was computed from, so a later holiday notice can recompute it; {@code citation} the pack rule's article.
 */
public record Obligation(long id, ObligationKind kind, YearMonth period, String orgCode, String subject,
                         LocalDate dueDate, String dueBasis, LocalDate doneOn, String citation) {

    /** Overdue on a day: not done and the due date has passed. */
    public boolean overdueOn(LocalDate date) {
        return doneOn == null ? date.isAfter(dueDate) : doneOn.isAfter(dueDate);
    }

    public boolean open() {
        return doneOn == null;
    }
}
