package org.medfund.crossregion;

/**
 * One region's employee remittance under a quarterly notice (henan-2023 一(三)): notified, sent (in transit), received;
 * or nothing to remit, last year's surplus having offset the whole quarter (三(四)).
 */
public enum RemittanceState {
    NOTIFIED("待上解"),
    REMITTED("已上解（在途）"),
    RECEIVED("已到账"),
    OFFSET("上年结余全额抵扣，无需上解");

    private final String label;

    RemittanceState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
