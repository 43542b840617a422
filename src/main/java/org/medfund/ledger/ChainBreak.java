package org.medfund.ledger;

/**
 * The first broken link of a book's hash chain.
 *
 * @param sequenceNo the entry where the chain breaks (for a deleted entry: the missing sequence number)
 * @param expected what the chain says should be there (a hash, or a sequence number)
 * @param found what is stored
 */
public record ChainBreak(String orgCode, long sequenceNo, String expected, String found, String reason) {

    @Override
    public String toString() {
        return "账套 " + orgCode + " 第 " + sequenceNo + " 号凭证: " + reason + " (expected " + expected + ", found "
                + found + ")";
    }
}
