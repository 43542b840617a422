package org.medfund.crossregion;

import java.time.LocalDate;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * A prepayment quota of a city for a quarter and scope (guizhou-2017 三(三)): {@code level} is the prepayment the
 * quarter runs on, {@code amount} what the city remits for it (the level less the balance carried from earlier
 * quarters; for a top-up both are the top-up). {@code derivation} explains the amount with its article.
 */
public record Quota(String id, QuotaKey key, String cityName, QuotaKind kind, QuotaState state, Money level,
                    Money amount, Derivation derivation, Steps steps) {

    /** Dates of the steps, the remittance's due date, the ledger transfer and a suspension its lateness caused. */
    public record Steps(LocalDate sizedOn, LocalDate confirmedOn, LocalDate reviewedOn, LocalDate remittedOn,
                        LocalDate receivedOn, LocalDate remitDue, String transferId, Long suspensionId) {
    }
}
