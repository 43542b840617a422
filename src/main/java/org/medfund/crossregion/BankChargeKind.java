package org.medfund.crossregion;

/** What the bank charged for moving cross-region money (guizhou-2017 五(三), henan-2023 四(三)). */
public enum BankChargeKind {
    BANK_FEE("银行手续费"),
    BILL_COST("银行票据工本费");

    private final String label;

    BankChargeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
