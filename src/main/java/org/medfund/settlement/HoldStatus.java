package org.medfund.settlement;

/**
 * Why a payment line was not paid with its batch, persisted by name in {@code stl_payment_line.hold_status} (null
 * when it was paid normally): payments to the hospital are stopped (xinyang-2025 art. 11) and the line is held, or the
 * stop was lifted and the line paid on its release date.
 */
public enum HoldStatus {
    HELD("暂停拨付"),
    RELEASED("解除暂停后拨付");

    private final String label;

    HoldStatus(String label) {
        this.label = label;
    }

    /** The Chinese word every surface prints (pages, exports, notices, CLI). */
    public String label() {
        return label;
    }
}
