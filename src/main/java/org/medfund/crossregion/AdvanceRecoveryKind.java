package org.medfund.crossregion;

/**
 * How part of a hospital's advance came back (henan-2023 三(三) "及时向定点医药机构进行追回，追回资金退回到各统筹区社会保障基金
 * 财政专户"): deducted from a later month's positive plan of the same hospital and insurance type, or returned by the
 * hospital. Either way the money ends in the region's special account.
 */
public enum AdvanceRecoveryKind {
    OFFSET("抵扣后续月份拨付计划"),
    RETURN("定点医药机构退回");

    private final String label;

    AdvanceRecoveryKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
