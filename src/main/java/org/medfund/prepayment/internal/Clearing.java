package org.medfund.prepayment.internal;

import org.medfund.common.Money;
import org.medfund.prepayment.ClearingMethod;
import org.medfund.prepayment.ClearingRule;

/**
 * Year-end clearing (xinyang-2025 art. 6(五)) under the pack's {@code prepayment.clearing} rule: all or nothing — if the
 * settlement due to the hospital absorbs the whole prepayment it is offset in full, otherwise the hospital returns
 * the whole prepayment — or partial, where offsets may take what a settlement allows.
 */
final class Clearing {

    private Clearing() {
    }

    /** All or nothing: offset when the settlement due covers the whole outstanding amount, else return it all. */
    static ClearingMethod decide(Money outstanding, Money settlementDue) {
        if (outstanding.isNegative() || settlementDue.isNegative()) {
            throw new IllegalStateException("clearing needs non-negative amounts");
        }
        return settlementDue.compareTo(outstanding) >= 0 ? ClearingMethod.OFFSET : ClearingMethod.RETURN;
    }

    /**
     * What one settlement offsets of a recovery: under {@link ClearingRule#ALL_OR_NOTHING} the whole amount owed or
     * nothing (then the hospital returns it, art. 6(五) "不能全额冲抵的全额交回"), otherwise as much as the settlement
     * allows. {@code settlementDue} may be negative (a settlement that nets to less than nothing offsets nothing).
     */
    static Money offset(ClearingRule rule, Money owed, Money settlementDue) {
        Money due = settlementDue.max(Money.ZERO);
        if (rule == ClearingRule.ALL_OR_NOTHING) {
            return decide(owed, due) == ClearingMethod.OFFSET ? owed : Money.ZERO;
        }
        return owed.min(due);
    }
}
