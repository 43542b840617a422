package org.medfund.prepayment;

/**
 * Why a hospital owes a prepayment back, persisted by name in {@code prepayment_recovery.reason}: Henan 轧差
 * (henan-2023 二(二)), Xinyang year-end clearing (xinyang-2025 art. 6(五)), an art. 10 trigger, or the hospital left the
 * prepayment scope under a pack without art. 10 triggers (henan-2023 二(二) last paragraph).
 */
public enum RecoveryReason {
    NETTING("年度重新核定后轧差收回"),
    CLEARING("年度清算收回"),
    TRIGGER("发生应收回预付金的情形"),
    SCOPE_EXIT("服务协议终止，退出预拨范围收回");

    private final String label;

    RecoveryReason(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
