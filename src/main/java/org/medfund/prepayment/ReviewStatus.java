package org.medfund.prepayment;

/**
 * Maker-checker state of a recorded input (service agreement, art. 7 fund status), persisted by name.
 */
public enum ReviewStatus {
    RECORDED("待复核"),
    CONFIRMED("已复核");

    private final String label;

    ReviewStatus(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
