package org.medfund.prepayment;

/**
 * Where the balance and last year's months the art. 7 gate used came from (xinyang-2025 art. 7).
 */
public enum FundDataSource {
    BOOKS("基金账簿"),
    RECORDED("经复核的登记");

    private final String label;

    FundDataSource(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface (pages, exports, notices, command line) prints. */
    public String label() {
        return label;
    }
}
