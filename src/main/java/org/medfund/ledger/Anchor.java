package org.medfund.ledger;

import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * A sealed record of a book's chain head: which entry ended the chain and its hash, sealed with the ledger key
 * (kept outside the database). Written when a period closes and at every {@value #INTERVAL_ENTRIES}th entry, and
 * printed on the period's trial balance so that a paper copy of the chain head exists outside the database too.
 *
 * @param anchorNo 1, 2, … per book, without gaps
 * @param period the closed period (close anchors) or the anchored entry's accounting period (interval anchors)
 * @param sequenceNo the anchored entry (0 for a book without entries)
 * @param keyId the public id of the key that sealed it
 */
public record Anchor(long anchorNo, Reason reason, YearMonth period, long sequenceNo, String entryHash,
                     LocalDateTime anchoredAt, String keyId, String seal) {

    /**
     * Entries between interval anchors. Every entry is sealed on its own, so this does not bound what tampering is
     * found; it bounds how far apart the chain heads that reach paper (the trial balance) and the verifier's
     * count-independent checkpoints lie.
     */
    public static final long INTERVAL_ENTRIES = 1_000;

    public enum Reason {
        INTERVAL("定期锚点"),
        PERIOD_CLOSE("结账锚点");

        private final String label;

        Reason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
