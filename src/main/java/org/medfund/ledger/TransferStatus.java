package org.medfund.ledger;

/** Where a transfer is (guizhou-2017 annex 2): sent by the payer and in transit, or received by the payee. */
public enum TransferStatus {
    IN_TRANSIT("在途"),
    RECEIVED("已到账");

    private final String label;

    TransferStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
