package org.medfund.crossregion;

/** The two clearings of guizhou-2017 附件一 三: the monthly cross-province one and the quarterly in-province one. */
public enum ClearingKind {
    MONTH("跨省异地就医费用月度清算"),
    QUARTER("省内异地就医费用季度清算");

    private final String label;

    ClearingKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
