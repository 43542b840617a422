package org.medfund.prepayment;

/**
 * What an issued in-province region plan moves after the netting against last year's plan (henan-2023 二(二)
 * "与上年预付金额进行清算轧差"): a top-up from province finance to the region, a recovery back from the region, or
 * nothing when the netting is zero. A reduction is never a negative transfer.
 */
public enum PlanMove {
    TOP_UP("补拨"),
    RECOVERY("收回"),
    NONE("轧差为零");

    private final String label;

    PlanMove(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
