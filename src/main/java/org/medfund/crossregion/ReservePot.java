package org.medfund.crossregion;

/** The two pots the resident reserve serves as (henan-2023 一(二) "预留资金作为省内异地就医预付金和跨省异地就医预付金"). */
public enum ReservePot {
    IN_PROVINCE("省内异地就医预付金"),
    CROSS_PROVINCE("跨省异地就医预付金");

    private final String label;

    ReservePot(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
