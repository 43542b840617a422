package org.medfund.claims;

/**
 * Where a visit was settled relative to the insured person's region (本地 / 省内异地 / 跨省异地), the national
 * platform's {@code pay_loc} 支付地点类别: 2 医院 (settled at the hospital, local), 3 省内异地, 4 省外异地 (跨省).
 * Code 1 (中心报销, manual reimbursement by the agency) is not something a hospital sends and is refused.
 */
public enum PlaceOfSettlement {
    LOCAL("2", "本地"), IN_PROVINCE("3", "省内异地"), CROSS_PROVINCE("4", "跨省异地");

    private final String payLoc;
    private final String label;

    PlaceOfSettlement(String payLoc, String label) {
        this.payLoc = payLoc;
        this.label = label;
    }

    /** The national {@code pay_loc} code. */
    public String payLoc() {
        return payLoc;
    }

    public String label() {
        return label;
    }

    /** The place for a {@code pay_loc} code, or null when the code is not one a hospital may send. */
    public static PlaceOfSettlement ofPayLoc(String code) {
        for (PlaceOfSettlement place : values()) {
            if (place.payLoc.equals(code)) {
                return place;
            }
        }
        return null;
    }
}
