package org.medfund.prepayment;

/**
 * The state of a Xinyang application (xinyang-2025 art. 6(一)(二)), persisted by name in
 * {@code prepayment_application.status}.
 */
public enum ApplicationStatus {
    SUBMITTED("已申请，待审核"),
    ELIGIBLE("符合第三条条件"),
    REFUSED("不符合第三条条件");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
