package org.medfund.prepayment;

import java.util.Locale;

/**
 * The pack's {@code prepayment.clearing} value (xinyang-2025 art. 6(五)).
 */
public enum ClearingRule {
    /** 结算费用能全额冲抵的进行冲抵，不能全额冲抵的全额交回 (xinyang-2025 art. 6(五)). */
    ALL_OR_NOTHING("全额冲抵或全额交回"),
    /** Offsets take what each settlement allows; returns of any part are accepted. */
    PARTIAL("可部分冲抵");

    private final String label;

    ClearingRule(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }

    /** The pack's spelling ("all-or-nothing"). */
    static ClearingRule parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
