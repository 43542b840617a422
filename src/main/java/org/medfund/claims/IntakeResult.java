package org.medfund.claims;

/**
 * What an accepted batch or file did.
 *
 * @param batchId the intake batch; for a repeat, the batch of the first import
 * @param rowsWritten new records stored (reversals included)
 * @param rowsUnchanged records already stored with the same content (re-sent; no-op)
 * @param rowsRolledForward new records whose month was already applied for reconciliation and that went into the
 *                          next open month instead
 * @param repeat the same file under the same request id again: nothing was read or written this time
 */
public record IntakeResult(long batchId, long rowsTotal, long rowsWritten, long rowsUnchanged,
                           long rowsRolledForward, boolean repeat) {

    /** What a repeat of this (first) import did: every row was already there, so nothing changed. */
    public IntakeResult asRepeat() {
        return new IntakeResult(batchId, rowsTotal, 0, rowsTotal, 0, true);
    }

    /** No settlement record was added or reversed. */
    public boolean changedNothing() {
        return rowsWritten == 0;
    }
}
