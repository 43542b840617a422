package org.medfund.ledger.internal;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What someone who can write the database but does not hold the ledger key can do after changing rows: recompute
 * the whole public SHA-256 chain of a book (the encoding is open source) and move the book's head to match, exactly
 * what finding 5 of issue 11 did with the hash `ledger verify` used to print. Seals cannot be recomputed: the
 * forger leaves them, copies them, or leaves them out.
 */
public final class Forger {

    private Forger() {
    }

    /** Recomputes every hash and previous hash of the book from its first entry, and its head (count, last hash). */
    public static void rehash(ApplicationContext context, String book) {
        LedgerStore store = context.getBean(LedgerStore.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        String prev = EntryHash.GENESIS;
        long count = 0;
        for (EntryRow e : store.entries(book, 1, Integer.MAX_VALUE)) {
            EntryRow relinked = new EntryRow(e.draft(), e.sequenceNo(), e.period(), e.postedAt(),
                    new ChainLink(prev, "", e.seal()));
            String hash = EntryHash.of(relinked);
            jdbc.sql("update ledger_entry set prev_hash = :prev, hash = :hash where org_code = :book "
                            + "and sequence_no = :seq")
                    .param("prev", prev).param("hash", hash).param("book", book).param("seq", e.sequenceNo()).update();
            prev = hash;
            count = e.sequenceNo();
        }
        jdbc.sql("update ledger_book set next_sequence_no = :next, last_hash = :hash where org_code = :book")
                .param("next", count + 1).param("hash", prev).param("book", book).update();
    }

    /** The SHA-256 a chain walker computes for a stored entry: what the old verifier printed as "expected". */
    public static String recomputedHash(ApplicationContext context, String book, long sequenceNo) {
        return EntryHash.of(context.getBean(LedgerStore.class).entry(book, sequenceNo).orElseThrow());
    }
}
