package org.medfund.prepayment;

/**
 * The state of a recovery, persisted by name in {@code prepayment_recovery.status}; UNRECOVERABLE, IN_COURT and
 * LOSS_CONFIRMED are the xinyang-2025 art. 11 steps during which the hospital's settlement payments stop.
 */
public enum RecoveryStatus {
    OPEN("待收回"),
    RECOVERED("已收回"),
    UNRECOVERABLE("无法收回，已停止拨付"),
    IN_COURT("已申请法院强制执行"),
    LOSS_CONFIRMED("法院文书已确认损失"),
    WRITTEN_OFF("已核销");

    private final String label;

    RecoveryStatus(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }

    /** xinyang-2025 art. 11: from the decision until it is recovered or written off, settlement payments stop. */
    public boolean stopsPayments() {
        return this == UNRECOVERABLE || this == IN_COURT || this == LOSS_CONFIRMED;
    }

    /** Still owed: open, or stopped under art. 11. */
    public boolean owed() {
        return this == OPEN || stopsPayments();
    }
}
