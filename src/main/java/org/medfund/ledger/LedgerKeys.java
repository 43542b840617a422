package org.medfund.ledger;

import java.nio.file.Path;

/**
 * The ledger key's rotation (docs/reliability.md, "The key and what to back up"): after a key may have leaked, or as
 * a routine, the whole ledger is re-sealed under a new key that the operator made, and the old key is then only
 * needed for the backups taken before.
 */
public interface LedgerKeys {

    /**
     * @param rotationNo this rotation's number in {@code ledger_key_rotation}
     * @param oldKeyId the public id of the key the ledger was sealed under
     * @param newKeyId the public id of the key it is sealed under now
     * @param books books re-sealed (their heads and their key ids)
     * @param entries entries re-sealed
     * @param anchors anchors re-sealed
     * @param keyFileReplaced whether the data directory's key file now holds the new key; false when the key comes
     *                        from {@code MEDFUND_LEDGER_KEY}, which the operator then changes on every host
     * @param keySource where this process's key comes from (the key file's path, or {@code MEDFUND_LEDGER_KEY})
     */
    record Rotation(long rotationNo, String oldKeyId, String newKeyId, int books, long entries, long anchors,
                    boolean keyFileReplaced, String keySource) {
    }

    /** The public id of the key this process seals with. */
    String keyId();

    /**
     * Re-seals the ledger under the key in {@code newKeyFile} (base64 of at least 32 random bytes, readable by its
     * owner only). In one transaction every book is locked, verified under the current key — a broken chain is
     * refused, since a rotation must never vouch for tampering — and its entries, head and anchors are sealed again
     * under the new key, which the books then name; then this process seals with the new key, and the data
     * directory's key file is replaced with it. A process still holding the old key refuses to post from then on
     * ({@code ledger.key-rotated}). Nothing changes when anything before the commit fails.
     */
    Rotation rotate(Path newKeyFile);
}
