package org.medfund.ledger;

import org.medfund.common.Money;

/**
 * One line of an entry: exactly one of debit and credit is positive, the other zero.
 *
 * @param accountCode e.g. {@code 1211.01} 暂付款—医保预付金
 */
public record EntryLine(String accountCode, String accountName, Money debit, Money credit,
                        String counterpartyOrgCode, String insuranceType, String period, String reference) {
}
