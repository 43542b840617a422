package org.medfund.ledger;

import java.time.LocalDate;
import java.util.List;

/**
 * A manual journal entry (手工凭证) of one book, e.g. an adjustment an accountant makes with a document of their own.
 * It passes the same checks as rule postings (balanced, accounts exist and are open, period open, amounts positive,
 * forbidden negatives not crossed); the account names in the lines are ignored and taken from the chart.
 */
public record JournalEntry(String orgCode, LocalDate date, String memo, List<EntryLine> lines, String documentType,
                           String documentId, String requestId) {

    public JournalEntry {
        lines = List.copyOf(lines);
    }
}
