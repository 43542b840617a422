package org.medfund.crossregion;

/** The result of one region's and insurance type's annual clearing (henan-2023 三(四)). */
public enum ClearingOutcome {
    SURPLUS("结余，抵扣当年资金"),
    SHORTFALL("不足，在下次分配资金中补足"),
    BALANCED("收支相抵");

    private final String label;

    ClearingOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
