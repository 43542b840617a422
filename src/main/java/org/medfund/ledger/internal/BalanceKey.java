package org.medfund.ledger.internal;

/**
 * One book, account and counterparty ('' when none): the key of ledger_balance. With counterparty '' it also keys
 * an account's whole balance in one book ({@link #accountTotal()}).
 */
record BalanceKey(String orgCode, String accountCode, String counterpartyCode) implements Comparable<BalanceKey> {

    /** The key of a line: counterparty '' when the line has none. */
    static BalanceKey of(String orgCode, LineRow line) {
        return new BalanceKey(orgCode, line.accountCode(),
                line.counterpartyCode() == null ? "" : line.counterpartyCode());
    }

    /** The key of this account's total over all counterparties. */
    BalanceKey accountTotal() {
        return new BalanceKey(orgCode, accountCode, "");
    }

    @Override
    public int compareTo(BalanceKey o) {
        int byOrg = orgCode.compareTo(o.orgCode);
        if (byOrg != 0) {
            return byOrg;
        }
        int byAccount = accountCode.compareTo(o.accountCode);
        return byAccount != 0 ? byAccount : counterpartyCode.compareTo(o.counterpartyCode);
    }

    String describe() {
        return "账套 " + orgCode + " 科目 " + accountCode
                + (counterpartyCode.isEmpty() ? "" : " 往来单位 " + counterpartyCode);
    }
}
