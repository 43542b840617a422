package org.medfund.crossregion;

/**
 * Where an annual clearing's carry stands (henan-2023 三(四)): waiting for the allocation it targets, taken into it
 * (a surplus larger than the allocation forwards its rest to the next one), or — when the allocation was already
 * made before the clearing, e.g. this year's resident reserve withheld in January — counted as that year's money and
 * settled in that year's own clearing.
 */
public enum CarryState {
    OPEN("待计入"),
    APPLIED("已计入"),
    CLEARED("已计入本年资金，随本年度清算结算");

    private final String label;

    CarryState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
