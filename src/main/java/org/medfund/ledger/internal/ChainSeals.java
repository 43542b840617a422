package org.medfund.ledger.internal;

import org.springframework.stereotype.Component;

/**
 * What the ledger key seals (docs/decisions.md, ledger: "Sealed chain"): every entry's hash, each book's chain head
 * (so a deleted tail with a rewound book row shows), and the anchors. Each seal starts with its own label, so a
 * seal of one kind never passes for another.
 */
@Component
class ChainSeals {

    private final LedgerKey key;

    ChainSeals(LedgerKey key) {
        this.key = key;
    }

    String keyId() {
        return key.keyId();
    }

    String entry(String orgCode, long sequenceNo, String hash) {
        return key.seal("medfund-ledger-entry-seal-v1", orgCode, Long.toString(sequenceNo), hash);
    }

    String head(String orgCode, long nextSequenceNo, String lastHash) {
        return key.seal("medfund-ledger-head-seal-v1", orgCode, Long.toString(nextSequenceNo), lastHash);
    }

    String anchor(String orgCode, AnchorRow a) {
        return key.seal("medfund-ledger-anchor-seal-v1", orgCode, Long.toString(a.anchorNo()), a.reason(),
                a.period(), Long.toString(a.sequenceNo()), a.entryHash(), a.anchoredAt().toString(), a.keyId());
    }
}
