package org.medfund.settlement;

/**
 * Where a payment batch stands, persisted by name in {@code stl_payment_batch.status}: prepared by the agency's clerk
 * (经办制单), then approved and paid by a finance user (财务审核并支付).
 */
public enum BatchStatus {
    PREPARED("已制单，待财务审核"),
    PAID("已支付");

    private final String label;

    BatchStatus(String label) {
        this.label = label;
    }

    /** The Chinese word every surface prints (pages, exports, notices, CLI). */
    public String label() {
        return label;
    }
}
