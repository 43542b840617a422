package org.medfund.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import org.medfund.common.Money;

/**
 * A business fact that moves money, handed to the ledger to post by its rule.
 *
 * @param type posting rule name, e.g. {@code prepayment.disbursed}, {@code settlement.paid}
 * @param requestId idempotency key; the same id posts once
 * @param date business date of the entries
 * @param period period the amount belongs to (辅助核算 dimension), e.g. the settled month
 * @param amount positive amount in fen
 * @param parties role → organisation code, e.g. {@code agency → 411500-agency}, {@code hospital → H41150200001};
 *                the rule says whose book each line goes to and which party is the counterparty
 * @param insuranceType 310, 390, … (辅助核算 dimension)
 * @param documentType the business document that caused it, e.g. {@code prepayment}
 * @param documentId its id
 * @param packId policy pack whose rule produced the amount (null for purely technical postings)
 * @param article the article, e.g. "xinyang-2025 art. 15"
 * @param memo 摘要 shown in the journal (Chinese)
 */
public record BusinessEvent(String type, String requestId, LocalDate date, YearMonth period, Money amount,
                            Map<String, String> parties, String insuranceType, String documentType,
                            String documentId, String packId, String article, String memo) {

    public BusinessEvent {
        parties = Map.copyOf(parties);
    }
}
