package org.medfund.ledger.internal;

import org.medfund.ledger.BookType;

/**
 * One account of a chart.
 *
 * @param debitNormal true when the account's balance is debits − credits (assets, expenditure)
 * @param negativeRule which negative balance the account forbids (see chart-of-accounts.txt)
 * @param postable true when the account has no sub-accounts
 */
record AccountDef(BookType bookType, String code, String name, String parentCode, boolean debitNormal,
                  NegativeRule negativeRule, boolean memo, boolean postable) {

    /** Signed balance in the normal direction. */
    long normalBalance(long debitFen, long creditFen) {
        return debitNormal ? debitFen - creditFen : creditFen - debitFen;
    }
}
