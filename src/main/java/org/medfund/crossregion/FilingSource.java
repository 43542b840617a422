package org.medfund.crossregion;

/** Where a filing record came from: filed here by the insured region's agency, or imported from an exchange file. */
public enum FilingSource {
    FILED("本地备案"),
    IMPORTED("导入");

    private final String label;

    FilingSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
