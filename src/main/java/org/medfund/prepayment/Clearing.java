package org.medfund.prepayment;

import org.medfund.common.Money;

/**
 * Xinyang year-end clearing (seed 002 art. 6(五)): if the settlement due to the hospital absorbs the whole
 * prepayment it is offset in full, otherwise the hospital returns the whole prepayment — never a partial offset.
 */
public final class Clearing {

    public enum Method {
        /** 冲抵结算金额. */
        OFFSET,
        /** 全额交回支出户. */
        RETURN
    }

    private Clearing() {
    }

    public static Method decide(Money outstanding, Money settlementDue) {
        if (outstanding.isNegative() || settlementDue.isNegative()) {
            throw new IllegalStateException("clearing needs non-negative amounts");
        }
        return settlementDue.compareTo(outstanding) >= 0 ? Method.OFFSET : Method.RETURN;
    }
}
