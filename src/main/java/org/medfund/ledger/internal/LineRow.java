package org.medfund.ledger.internal;

/** One stored (or to-be-stored) entry line; exactly one of the amounts is positive. */
record LineRow(int lineNo, String accountCode, long debitFen, long creditFen, String counterpartyCode,
               String insuranceType, String dimPeriod, String reference) {
}
