package org.medfund.crossregion;

/**
 * A hospital's line of the month's cross-region plan (henan-2023 三(三)): paid by the region at month end, or, when the
 * line is negative, advanced by the region's fund and owed back by the hospital until recovered — by offset against
 * its later positive plans and by its own return, in parts (an advance stays ADVANCED until the parts add up to it).
 */
public enum HospitalPayState {
    PLANNED("待拨付"),
    PAID("已拨付"),
    ADVANCED("负值已垫付，待追回"),
    RECOVERED("垫付已追回");

    private final String label;

    HospitalPayState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
