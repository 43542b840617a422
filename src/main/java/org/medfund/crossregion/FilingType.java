package org.medfund.crossregion;

/**
 * Why an insured person is filed for treatment away from home (备案类型). The rollout of each type per region is pack
 * data ({@code crossregion.go-live.<key>}, guizhou-2017 一, 二(一): resettled retirees first, referrals later).
 */
public enum FilingType {
    RESETTLED_RETIREE("resettled-retiree", "异地安置退休人员"),
    LONG_TERM_RESIDENT("long-term-resident", "异地长期居住人员"),
    POSTED_WORKER("posted-worker", "常驻异地工作人员"),
    REFERRAL("referral", "转诊转院人员");

    private final String key;
    private final String label;

    FilingType(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The part of the pack rule name, e.g. {@code resettled-retiree} in {@code crossregion.go-live.resettled-retiree}. */
    public String key() {
        return key;
    }

    public String label() {
        return label;
    }
}
