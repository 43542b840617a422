package org.medfund.prepayment;

import java.time.Instant;

/**
 * Maker-checker state of a recorded input (service agreement, art. 7 fund status): a clerk records it with the
 * evidence seen, a different reviewer confirms it; only a confirmed record decides money.
 *
 * @param confirmedBy null while RECORDED
 */
public record Review(ReviewStatus status, String recordedBy, Instant recordedAt, String confirmedBy,
                     Instant confirmedAt) {

    /** Evidence longer than this is refused: it is a reference to documents, not the documents. */
    public static final int EVIDENCE_CHARS_MAX = 2000;

    public boolean confirmed() {
        return status == ReviewStatus.CONFIRMED;
    }

    /** 待复核 / 已复核, for pages and the command line. */
    public String label() {
        return status.label();
    }
}
