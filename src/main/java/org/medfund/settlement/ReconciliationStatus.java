package org.medfund.settlement;

/**
 * Where a hospital's reconciliation of a month stands (henan-2023 三(一) 专人对账), persisted by name in
 * {@code stl_reconciliation.status}: applied by the hospital, checked by its named clerk, confirmed by a different
 * reviewer, paid with a payment batch. {@link #NOT_APPLIED} is never stored: it is what the obligations list shows for
 * a month the hospital has not applied for yet.
 */
public enum ReconciliationStatus {
    NOT_APPLIED("未申请"),
    APPLIED("已申请"),
    CHECKED("已核对"),
    CONFIRMED("已复核确认"),
    PAID("已结算");

    private final String label;

    ReconciliationStatus(String label) {
        this.label = label;
    }

    /** The Chinese word every surface prints (pages, exports, notices, CLI). */
    public String label() {
        return label;
    }
}
