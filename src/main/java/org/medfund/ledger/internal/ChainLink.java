package org.medfund.ledger.internal;

/**
 * An entry's place in its book's hash chain: the previous entry's hash, its own hash (see {@link EntryHash}) and
 * its seal, the keyed HMAC of the hash (see {@link LedgerKey}; null before the writer seals it, or on a row
 * nobody sealed).
 */
record ChainLink(String prevHash, String hash, String seal) {

    /** The link of an entry not hashed yet: only the previous hash is known. */
    static ChainLink after(String prevHash) {
        return new ChainLink(prevHash, "", null);
    }

    ChainLink sealed(String newHash, String newSeal) {
        return new ChainLink(prevHash, newHash, newSeal);
    }
}
