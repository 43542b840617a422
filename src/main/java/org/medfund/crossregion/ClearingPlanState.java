package org.medfund.crossregion;

/** Where a month's cross-region clearing plan stands (henan-2023 三(二)(三)), in order. */
public enum ClearingPlanState {
    GENERATED("已生成拨付计划"),
    SUBMITTED("已提交用款计划"),
    FUNDED("省财政厅已拨付省医保中心"),
    DISBURSED("省医保中心已拨付各统筹区");

    private final String label;

    ClearingPlanState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
