package org.medfund.prepayment;

import java.time.LocalDate;
import org.medfund.common.Money;

/** One money movement of the register: a disbursement, a recovery by offset or return, a write-off. */
public record Movement(String requestId, String prepaymentId, String recoveryId, MovementKind kind, Money amount,
                       LocalDate date, String insuranceType, String payerOrgCode) {
}
