package org.medfund.ledger;

import java.time.LocalDate;
import java.util.Map;
import org.medfund.common.Money;

/**
 * A fund transfer between organisations posted by one transfer rule: the payer books at once, the payee books when
 * the receipt is confirmed; until then the transfer is in transit (DESIGN.md §5, guizhou-2017 annex 2).
 *
 * @param transferId the request id of the event that sent it
 */
public record Transfer(String transferId, String ruleType, Money amount, Map<String, String> parties,
                       TransferStatus status, LocalDate sentOn, LocalDate receivedOn, String documentType,
                       String documentId, String memo) {

    public Transfer {
        parties = Map.copyOf(parties);
    }
}
