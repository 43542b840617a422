package org.medfund.ledger.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A stored entry with every column the hash covers. */
record EntryRow(String orgCode, long sequenceNo, LocalDate date, String period, String memo, String ruleType,
                String documentType, String documentId, String packId, String article, Long reversesSequenceNo,
                String transferId, String requestId, LocalDateTime postedAt, String prevHash, String hash,
                List<LineRow> lines) {

    EntryRow {
        lines = List.copyOf(lines);
    }
}
