package org.medfund.crossregion;

/** The prepayment usage warning (guizhou-2017 五(二)): ≥ yellow share yellow, ≥ red share red and a top-up. */
public enum UsageWarning {
    NONE("正常"),
    YELLOW("黄色预警"),
    RED("红色预警");

    private final String label;

    UsageWarning(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
