package org.medfund.prepayment;

import org.medfund.common.Money;

/** Where the ledger and the register disagree for one payer, hospital and fund (must never happen). */
public record InvariantBreak(String payerOrgCode, String hospitalCode, String insuranceType, Money ledger,
                             Money register) {
}
