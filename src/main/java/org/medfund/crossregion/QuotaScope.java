package org.medfund.crossregion;

/** Which care a prepayment quota funds (guizhou-2017 附件一 一: 含省内和跨省). */
public enum QuotaScope {
    IN_PROVINCE("省内异地就医"),
    CROSS_PROVINCE("跨省异地就医");

    private final String label;

    QuotaScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
