package org.medfund.claims.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.medfund.claims.FundPay;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementRecord;
/**
 * The content hash of a settlement record that tells a re-sent record (same hash: a no-op) from a conflicting one:
 * {@link org.medfund.common.Fingerprint#of} over the canonical text of its fields ({@link SettlementFields#values}),
 * each field's UTF-8 bytes followed by a 0 byte. Written here byte by byte with one digest per intake run, because
 * it is computed for every row. Not thread-safe.
 */
final class ContentHash {

    private final MessageDigest digest;
    private final TextBytes text = new TextBytes(512);

    ContentHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Equal to {@code Fingerprint.of(SettlementFields.values(record))}. */
    String of(SettlementRecord r) {
        text.clear();
        text.text(r.setlId()).zero().text(r.visitId()).zero().text(r.personNo()).zero().text(r.hospitalCode()).zero()
                .text(r.insuranceType()).zero().text(r.medicalType()).zero().text(r.clearingType()).zero()
                .text(r.clearingWay()).zero().text(r.clearingAgencyRegion()).zero().text(r.place().payLoc()).zero()
                .text(r.insuredRegion()).zero().text(r.treatmentRegion()).zero().time(r.settledAt()).zero()
                .yuan(r.medfeeSum().fen()).zero().yuan(r.pooledFundPay().fen()).zero().yuan(r.fundPaySum().fen())
                .zero().yuan(r.personPart().fen()).zero().yuan(r.accountPay().fen()).zero()
                .yuan(r.personCashPay().fen()).zero().yuan(r.hospitalPart().fen()).zero();
        for (int i = 0; i < r.fundDetail().size(); i++) {
            FundPay line = r.fundDetail().get(i);
            if (i > 0) {
                text.ascii('|');
            }
            text.text(line.fundPayType()).ascii(':').yuan(line.amount().fen());
        }
        text.zero().text(r.reversesSetlId() == null ? "" : r.reversesSetlId()).zero();
        digest.update(text.bytes(), 0, text.length());
        return HexFormat.of().formatHex(digest.digest());
    }
}
