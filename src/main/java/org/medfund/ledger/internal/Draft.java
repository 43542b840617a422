package org.medfund.ledger.internal;

import java.time.LocalDate;
import java.util.List;

/** An entry before it has a sequence number and hash: what a rule, a journal entry or a reversal produces. */
record Draft(String orgCode, LocalDate date, String memo, EntrySource source, List<LineRow> lines) {

    Draft {
        lines = List.copyOf(lines);
    }

    Draft withDate(LocalDate newDate) {
        return new Draft(orgCode, newDate, memo, source, lines);
    }

    Draft withLines(List<LineRow> newLines) {
        return new Draft(orgCode, date, memo, source, newLines);
    }
}
