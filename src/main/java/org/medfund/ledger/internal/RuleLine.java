package org.medfund.ledger.internal;

/**
 * One line template of a posting rule (see posting-rules.txt).
 *
 * @param receipt true when the line is posted on receipt confirmation (payee side of a transfer)
 * @param counterpartyRole party recorded as counterparty, or null
 */
record RuleLine(String eventType, String bookRole, boolean receipt, boolean debit, String accountCode,
                String counterpartyRole) {
}
