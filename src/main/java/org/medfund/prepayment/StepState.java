package org.medfund.prepayment;

import java.time.LocalDate;

/**
 * One art. 6 step of a row (xinyang-2025 art. 6).
 *
 * @param transferId the ledger transfer that carried the money at FUNDED / COUNTY_SHARED (null elsewhere, or when
 *                   the row had nothing to pay)
 * @param receivedOn when the receiving agency confirmed the money arrived (null while in transit)
 */
public record StepState(String prepaymentId, WorkflowStep step, String actorOrgCode, LocalDate dueOn,
                        LocalDate doneOn, String doneBy, String transferId, LocalDate receivedOn) {

    public boolean inTransit() {
        return transferId != null && receivedOn == null;
    }

    public boolean overdue(LocalDate asOf) {
        return dueOn != null && (doneOn == null ? asOf.isAfter(dueOn) : doneOn.isAfter(dueOn));
    }
}
