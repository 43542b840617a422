package org.medfund.crossregion;

/**
 * Which way a clearing's money goes for the province: it pays for its insured treated elsewhere (付款通知书), or
 * receives for others' insured treated in its hospitals (收款通知书); a quarterly clearing writes a city's prepayment
 * down for what its insured used (清算拨付通知书).
 */
public enum ClearingDirection {
    PAY("付款"),
    RECEIVE("收款");

    private final String label;

    ClearingDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
