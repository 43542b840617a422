package org.medfund.claims;

/**
 * What an accepted batch or file did.
 *
 * @param rowsWritten new records stored (reversals included)
 * @param rowsUnchanged records already stored with the same content (re-sent; no-op)
 * @param rowsRolledForward new records whose month was already applied for reconciliation and that went into the
 *                          next open month instead
 */
public record IntakeResult(long batchId, long rowsTotal, long rowsWritten, long rowsUnchanged,
                           long rowsRolledForward) {
}
