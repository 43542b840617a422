package org.medfund.ledger.internal;

import org.medfund.common.Rejection;
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

    /**
     * Refuses to seal anything under a key a rotation has replaced: a process still running with the old key would
     * otherwise add entries that fail verification. Null means no rotation yet (the database's only key).
     *
     * @param orgCode the book whose {@code key_id} is checked, or null for the ledger's key row (V411)
     */
    void requireKey(String orgCode, String sealedUnder) {
        if (sealedUnder != null && !sealedUnder.equals(keyId())) {
            throw new Rejection("ledger.key-rotated", null, "账簿密钥已轮换：" + (orgCode == null ? "账簿" : "账套 "
                    + orgCode) + " 现由密钥 " + sealedUnder + " 封签，本进程的密钥为 " + keyId()
                    + "。请为本进程配置新的账簿密钥（MEDFUND_LEDGER_KEY 或数据目录中的 " + LedgerKey.FILE_NAME + "）后重启",
                    503);
        }
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
