package org.medfund.ledger;

/**
 * The first thing wrong with a book's chain, its seals or its anchors. It names the entry and what is wrong, never
 * a hash or seal the verifier computed: those are what a forger would copy into the database.
 *
 * @param sequenceNo the entry where the chain breaks (for a deleted entry: the missing sequence number; for an
 *                   anchor: the entry it anchors)
 * @param detail more about this break in Chinese (which anchor, which period), or null
 */
public record ChainBreak(String orgCode, long sequenceNo, Kind kind, String detail) {

    /** What is wrong, with the words a clerk or auditor reads. */
    public enum Kind {
        GAP("凭证缺失（序号不连续）"),
        PREVIOUS_HASH("上一凭证哈希不符（凭证被插入、删除或调换）"),
        CONTENT("凭证内容与哈希不符（凭证或分录行被改动、增删）"),
        SEAL("凭证封签不符（凭证被改动后重算了哈希，或由不持有账簿密钥者写入）"),
        UNSEALED("凭证无封签（不是经记账程序写入的）"),
        HEAD("账套链尾与最后凭证不符（链尾凭证被删除或账套记录被改动）"),
        ANCHOR("锚点不符");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Override
    public String toString() {
        return "账套 " + orgCode + " 第 " + sequenceNo + " 号凭证：" + kind.label()
                + (detail == null ? "" : "：" + detail);
    }
}
