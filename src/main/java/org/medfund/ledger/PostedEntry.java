package org.medfund.ledger;

import java.time.LocalDate;
import java.util.List;

/** A posted, immutable journal entry of one book. */
public record PostedEntry(String bookOrgCode, long sequenceNo, LocalDate date, String period, String memo,
                          List<EntryLine> lines, String documentType, String documentId, String ruleType,
                          String packId, String article, Long reversesSequenceNo, String hash) {

    public PostedEntry {
        lines = List.copyOf(lines);
    }
}
