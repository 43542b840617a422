package org.medfund.crossregion;

/** How a quota came about: the first quota, a quarterly re-size, or an emergency top-up (guizhou-2017 三(三), 五(二)). */
public enum QuotaKind {
    FIRST("首期预付金"),
    QUARTERLY("季度核定"),
    TOP_UP("紧急调增");

    private final String label;

    QuotaKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
