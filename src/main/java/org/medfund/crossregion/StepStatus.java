package org.medfund.crossregion;

/** Status of one obligation on the monthly clearing timeline. */
public enum StepStatus {
    OPEN("待办"),
    DONE("已完成"),
    OVERDUE("已逾期");

    private final String label;

    StepStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
