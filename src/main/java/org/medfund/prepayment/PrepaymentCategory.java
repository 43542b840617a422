package org.medfund.prepayment;

/**
 * The category of a prepayment, persisted by name in {@code prepayment.category}: xinyang-2025 art. 8 prepays the
 * general category only (一般预付金), and Henan has no other.
 */
public enum PrepaymentCategory {
    GENERAL("一般预付金");

    private final String label;

    PrepaymentCategory(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
