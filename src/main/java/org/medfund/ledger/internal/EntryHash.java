package org.medfund.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a canonical encoding of an entry's content and the previous entry's hash (DESIGN.md §5). Each field
 * is written as its UTF-8 byte length, a colon and the bytes (null as length -1), so no two different entries
 * encode alike; every stored column of the entry and its lines is covered, so changing any of them breaks the
 * chain at that entry.
 */
final class EntryHash {

    /** The "previous hash" of a book's first entry. */
    static final String GENESIS = "0".repeat(64);

    private EntryHash() {
    }

    static String of(EntryRow e) {
        EntrySource s = e.source();
        MessageDigest digest = sha256();
        put(digest, "medfund-ledger-entry-v1");
        put(digest, e.orgCode());
        put(digest, Long.toString(e.sequenceNo()));
        put(digest, e.date().toString());
        put(digest, e.period());
        put(digest, e.memo());
        put(digest, s.ruleType());
        put(digest, s.documentType());
        put(digest, s.documentId());
        put(digest, s.packId());
        put(digest, s.article());
        put(digest, s.reversesSequenceNo() == null ? null : s.reversesSequenceNo().toString());
        put(digest, s.transferId());
        put(digest, s.requestId());
        put(digest, e.postedAt().toString());
        put(digest, e.link().prevHash());
        put(digest, Integer.toString(e.lines().size()));
        for (LineRow l : e.lines()) {
            put(digest, Integer.toString(l.lineNo()));
            put(digest, l.accountCode());
            put(digest, Long.toString(l.debitFen()));
            put(digest, Long.toString(l.creditFen()));
            put(digest, l.counterpartyCode());
            put(digest, l.insuranceType());
            put(digest, l.dimPeriod());
            put(digest, l.reference());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void put(MessageDigest digest, String value) {
        if (value == null) {
            digest.update("-1:".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
