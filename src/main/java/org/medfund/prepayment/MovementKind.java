package org.medfund.prepayment;

/**
 * A money movement of the register, persisted by name in {@code prepayment_movement.kind}; each is one ledger posting
 * (xinyang-2025 art. 15). Everything but DISBURSED reduces what the hospital holds.
 */
public enum MovementKind {
    DISBURSED("拨付"),
    RECOVERED_OFFSET("结算冲抵收回"),
    RECOVERED_RETURN("医疗机构交回"),
    WRITTEN_OFF("核销");

    private final String label;

    MovementKind(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
