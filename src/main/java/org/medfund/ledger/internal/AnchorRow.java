package org.medfund.ledger.internal;

import java.time.LocalDateTime;
import java.time.YearMonth;
import org.medfund.ledger.Anchor;

/**
 * An anchor as stored, reason and period as text: the verifier checks the seal over exactly what is stored before
 * anything is parsed, so a tampered row is reported, not a parse error.
 */
record AnchorRow(long anchorNo, String reason, String period, long sequenceNo, String entryHash,
                 LocalDateTime anchoredAt, String keyId, String seal) {

    static AnchorRow of(Anchor a) {
        return new AnchorRow(a.anchorNo(), a.reason().name(), a.period().toString(), a.sequenceNo(), a.entryHash(),
                a.anchoredAt(), a.keyId(), a.seal());
    }

    AnchorRow sealed(String newSeal) {
        return new AnchorRow(anchorNo, reason, period, sequenceNo, entryHash, anchoredAt, keyId, newSeal);
    }

    /** The public form; only for rows whose seal verified or that this process wrote. */
    Anchor toAnchor() {
        return new Anchor(anchorNo, Anchor.Reason.valueOf(reason), YearMonth.parse(period), sequenceNo, entryHash,
                anchoredAt, keyId, seal);
    }
}
