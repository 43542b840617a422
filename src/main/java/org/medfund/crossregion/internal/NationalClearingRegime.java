package org.medfund.crossregion.internal;

import org.medfund.policy.Resolved;

/**
 * How a province books the money of the national clearing detail (pack rule {@code crossregion.national-clearing}):
 * guizhou-2017's centre clears against the national prepayments it holds (附件一 三(一), 附件二 二(二)4; its 付款 side
 * is booked by the 3261 clearing of its own settled visits, so the national file books the 收款 side only), henan-2023
 * pays and receives out of and into the resident reserve's cross-province pot and the employee remittance (四(一),
 * 一(二)(三)), both directions per insurance type.
 */
enum NationalClearingRegime {
    CENTRE_PREPAYMENT("centre-prepayment"),
    RESERVE_AND_REMITTANCE("reserve-and-remittance");

    static final String RULE = "crossregion.national-clearing";

    private final String value;

    NationalClearingRegime(String value) {
        this.value = value;
    }

    static NationalClearingRegime of(Resolved rule) {
        for (NationalClearingRegime r : values()) {
            if (r.value.equals(rule.parameter().value())) {
                return r;
            }
        }
        throw new IllegalStateException("unknown " + RULE + " = " + rule.parameter().value() + " in " + rule.packId());
    }

    /** Whether the national file's 付款 rows (the province's insured treated elsewhere) are booked from it. */
    boolean booksOutbound() {
        return this == RESERVE_AND_REMITTANCE;
    }
}
