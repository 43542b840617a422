package org.medfund.crossregion;

/** Which of this year's resident subsidies the reserve is withheld from (henan-2023 一(二)); chosen and recorded. */
public enum SubsidySource {
    CENTRAL("中央财政补助资金"),
    PROVINCIAL("省财政补助资金");

    private final String label;

    SubsidySource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
