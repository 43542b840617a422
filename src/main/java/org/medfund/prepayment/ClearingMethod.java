package org.medfund.prepayment;

/**
 * How a year-end clearing (xinyang-2025 art. 6(五)) ended, persisted by name in {@code prepayment.clearing_method}:
 * offset from a settlement, returned to the expenditure account, or nothing was left to clear.
 */
public enum ClearingMethod {
    OFFSET("冲抵结算费用"),
    RETURN("交回支出户"),
    NONE("无余额，无需清算");

    private final String label;

    ClearingMethod(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
