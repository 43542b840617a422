package org.medfund.ledger.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A stored entry with every column the hash covers: the draft it was written from, its number and period in the
 * book, when it was posted, and its link in the hash chain.
 */
record EntryRow(Draft draft, long sequenceNo, String period, LocalDateTime postedAt, ChainLink link) {

    String orgCode() {
        return draft.orgCode();
    }

    LocalDate date() {
        return draft.date();
    }

    String memo() {
        return draft.memo();
    }

    EntrySource source() {
        return draft.source();
    }

    List<LineRow> lines() {
        return draft.lines();
    }

    String hash() {
        return link.hash();
    }

    String seal() {
        return link.seal();
    }

    /** This entry with its hash and seal set. */
    EntryRow sealed(String newHash, String newSeal) {
        return new EntryRow(draft, sequenceNo, period, postedAt, link.sealed(newHash, newSeal));
    }

    EntryRow withLines(List<LineRow> newLines) {
        return new EntryRow(draft.withLines(newLines), sequenceNo, period, postedAt, link);
    }
}
