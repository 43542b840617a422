package org.medfund.prepayment;

import java.time.LocalDate;
import org.medfund.common.Money;

/**
 * xinyang-2025 art. 11 in order: the decision that the prepayment cannot be recovered (payments stop from {@code
 * decidedOn}), the application to the court for enforcement, the court's document fixing the loss.
 *
 * @param loss the loss the court document confirms (null until recorded)
 */
public record CourtSteps(LocalDate decidedOn, String reason, String decidedBy, LocalDate appliedOn, String court,
                         String caseNo, String document, LocalDate documentOn, Money loss) {
}
