package org.medfund.crossregion;

/** A resident reserve's state: sized by the province bureau/centre, then approved by province finance and withheld (henan-2023 一(二)). */
public enum ReserveState {
    SIZED("已测算待财政审核"),
    WITHHELD("已审核并预留");

    private final String label;

    ReserveState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
