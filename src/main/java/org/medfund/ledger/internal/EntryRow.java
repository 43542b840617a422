package org.medfund.ledger.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A stored entry with every column the hash covers, its hash and its seal (the keyed HMAC of the hash, see
 * {@link LedgerKey}; null before the writer seals it, or on a row nobody sealed).
 */
record EntryRow(String orgCode, long sequenceNo, LocalDate date, String period, String memo, String ruleType,
                String documentType, String documentId, String packId, String article, Long reversesSequenceNo,
                String transferId, String requestId, LocalDateTime postedAt, String prevHash, String hash,
                String seal, List<LineRow> lines) {

    EntryRow {
        lines = List.copyOf(lines);
    }

    /** This entry with its hash and seal set. */
    EntryRow sealed(String newHash, String newSeal) {
        return new EntryRow(orgCode, sequenceNo, date, period, memo, ruleType, documentType, documentId, packId,
                article, reversesSequenceNo, transferId, requestId, postedAt, prevHash, newHash, newSeal, lines);
    }

    EntryRow withLines(List<LineRow> newLines) {
        return new EntryRow(orgCode, sequenceNo, date, period, memo, ruleType, documentType, documentId, packId,
                article, reversesSequenceNo, transferId, requestId, postedAt, prevHash, hash, seal, newLines);
    }
}
