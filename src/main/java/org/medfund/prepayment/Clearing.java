package org.medfund.prepayment;

import java.util.Locale;
import org.medfund.common.Money;

/**
 * Year-end clearing (xinyang-2025 art. 6(五)) under the pack's {@code prepayment.clearing} rule: all or nothing — if the
 * settlement due to the hospital absorbs the whole prepayment it is offset in full, otherwise the hospital returns
 * the whole prepayment — or partial, where offsets may take what a settlement allows.
 */
public final class Clearing {

    /** The pack's {@code prepayment.clearing} value. */
    public enum Rule {
        /** 结算费用能全额冲抵的进行冲抵，不能全额冲抵的全额交回 (xinyang-2025 art. 6(五)). */
        ALL_OR_NOTHING,
        /** Offsets take what each settlement allows; returns of any part are accepted. */
        PARTIAL;

        static Rule parse(String text) {
            return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public enum Method {
        /** 冲抵结算金额. */
        OFFSET,
        /** 全额交回支出户. */
        RETURN
    }

    private Clearing() {
    }

    /** All or nothing: offset when the settlement due covers the whole outstanding amount, else return it all. */
    public static Method decide(Money outstanding, Money settlementDue) {
        if (outstanding.isNegative() || settlementDue.isNegative()) {
            throw new IllegalStateException("clearing needs non-negative amounts");
        }
        return settlementDue.compareTo(outstanding) >= 0 ? Method.OFFSET : Method.RETURN;
    }
}
