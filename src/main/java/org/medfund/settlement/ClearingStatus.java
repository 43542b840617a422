package org.medfund.settlement;

/**
 * Where a clearing application (national 3203) stands, persisted by name in {@code stl_clearing_appl.status}:
 * applied by the hospital, approved when the agency pays the cycle, or withdrawn by the hospital before that (3204).
 */
public enum ClearingStatus {
    APPLIED("已申请"),
    APPROVED("已审核"),
    WITHDRAWN("已撤销");

    private final String label;

    ClearingStatus(String label) {
        this.label = label;
    }

    /** The Chinese word every surface prints (pages, exports, notices, CLI). */
    public String label() {
        return label;
    }
}
