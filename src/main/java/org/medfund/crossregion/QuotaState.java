package org.medfund.crossregion;

/**
 * The path of a quota from the province centre to the provincial special account (guizhou-2017 附件一 一(一)(二)):
 * published, confirmed by the city agency, reviewed by city finance, remitted (in transit), received.
 */
public enum QuotaState {
    NOTIFIED("已下达"),
    CONFIRMED("市州经办机构已确认"),
    REVIEWED("市州财政部门已审核"),
    REMITTED("已上解（在途）"),
    RECEIVED("省级财政专户已到账");

    private final String label;

    QuotaState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Still owed to the province: not yet remitted. */
    public boolean unpaid() {
        return this == NOTIFIED || this == CONFIRMED || this == REVIEWED;
    }
}
