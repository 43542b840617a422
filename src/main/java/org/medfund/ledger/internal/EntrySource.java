package org.medfund.ledger.internal;

/**
 * What an entry was posted for: the posting rule (or {@code journal}, {@code reversal}), the business document,
 * the pack article that called for it, the entry it reverses, the transfer it belongs to and the request that
 * posted it. Built through the named factories, so no call site passes the absent parts by position.
 */
record EntrySource(String ruleType, String documentType, String documentId, String packId, String article,
                   Long reversesSequenceNo, String transferId, String requestId) {

    static final String JOURNAL = "journal";
    static final String REVERSAL = "reversal";

    /** An entry a posting rule produced for a business event (and, for a transfer's stages, its transfer). */
    static EntrySource rule(String ruleType, String documentType, String documentId, String packId, String article,
                            String transferId, String requestId) {
        return new EntrySource(ruleType, documentType, documentId, packId, article, null, transferId, requestId);
    }

    /** A manual journal entry: no rule, pack, reversal or transfer. */
    static EntrySource journal(String documentType, String documentId, String requestId) {
        return new EntrySource(JOURNAL, documentType, documentId, null, null, null, null, requestId);
    }

    /** The reversal of {@code original}: same document and article, pointing back at the reversed entry. */
    static EntrySource reversal(EntrySource original, long reversedSequenceNo, String requestId) {
        return new EntrySource(REVERSAL, original.documentType(), original.documentId(), original.packId(),
                original.article(), reversedSequenceNo, null, requestId);
    }
}
