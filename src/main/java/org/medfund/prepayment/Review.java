package org.medfund.prepayment;

import java.time.Instant;

/**
 * Maker-checker state of a recorded input (service agreement, art. 7 fund status): a clerk records it with the
 * evidence seen, a different reviewer confirms it; only a confirmed record decides money.
 *
 * @param status RECORDED or CONFIRMED
 * @param confirmedBy null while RECORDED
 */
public record Review(String status, String recordedBy, Instant recordedAt, String confirmedBy, Instant confirmedAt) {

    public static final String RECORDED = "RECORDED";
    public static final String CONFIRMED = "CONFIRMED";
    /** Evidence longer than this is refused: it is a reference to documents, not the documents. */
    static final int EVIDENCE_CHARS_MAX = 2000;

    public boolean confirmed() {
        return status.equals(CONFIRMED);
    }

    /** 待复核 / 已复核, for pages and the command line. */
    public String label() {
        return confirmed() ? "已复核" : "待复核";
    }
}
