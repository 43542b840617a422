package org.medfund.prepayment;

/** The money of one region plan: not moved yet, sent and in transit, received by the payee, or nothing to move. */
public enum PlanPaymentState {
    PENDING("待划拨"),
    SENT("已划拨（在途）"),
    RECEIVED("已到账"),
    NOTHING_DUE("无需划拨");

    private final String label;

    PlanPaymentState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
