package org.medfund.crossregion;

/** A direct settlement's state: settled at the discharge desk, or reversed (冲正) as a whole. */
public enum SettlementState {
    SETTLED("已结算"),
    REVERSED("已冲正");

    private final String label;

    SettlementState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
