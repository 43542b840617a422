package org.medfund.prepayment;

/**
 * The state of a register row, persisted by name in {@code prepayment.status}: PREPARED (sized, waiting for the
 * reviewer), APPROVED, DISBURSED, CLEARING (xinyang-2025 art. 6(五) year-end clearing open), CLEARED, or CLOSED (sized at
 * zero for the year: gate reasons or refusals, nothing to recover).
 */
public enum PrepaymentStatus {
    PREPARED("待审核"),
    APPROVED("已审核"),
    DISBURSED("已拨付"),
    CLEARING("清算中"),
    CLEARED("已清算"),
    CLOSED("本年不核定");

    private final String label;

    PrepaymentStatus(String label) {
        this.label = label;
    }

    /** The status a filter names by its code; empty for a code no row can have. */
    public static java.util.Optional<PrepaymentStatus> named(String code) {
        return java.util.Arrays.stream(values()).filter(s -> s.name().equals(code)).findFirst();
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
