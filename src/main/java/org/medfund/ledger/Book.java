package org.medfund.ledger;

/**
 * One organisation's book.
 *
 * @param entryCount number of entries posted so far (the last sequence number; sequences start at 1)
 * @param lastHash hash of the last entry, or 64 zeros for an empty book
 */
public record Book(String orgCode, BookType type, String name, long entryCount, String lastHash) {
}
