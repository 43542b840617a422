package org.medfund.prepayment;

import org.medfund.common.Money;

/** One payment instruction: from the payer's expenditure account to the hospital's settlement account. */
public record PaymentLine(String requestId, String prepaymentId, String payerAccountNo, String payerAccountName,
                          String payeeAccountNo, String payeeAccountName, String payeeBank, Money amount,
                          String purpose) {
}
