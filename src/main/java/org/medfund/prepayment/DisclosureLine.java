package org.medfund.prepayment;

import java.time.LocalDate;
import org.medfund.common.Money;

/** One line of the annual public disclosure (xinyang-2025 art. 19): amount paid, clearing method and result. */
public record DisclosureLine(int year, String hospitalCode, String hospitalName, String insuranceType,
                             String packId, Money sized, Money disbursed, Money recovered, PrepaymentStatus status,
                             ClearingMethod clearingMethod, LocalDate clearedOn) {

    /**
     * The line's state as the public reads it: a disbursed prepayment whose whole amount came back is 已收回, not
     * 已拨付 (the register keeps DISBURSED until the year-end clearing closes it).
     */
    public String statusLabel() {
        boolean allBack = disbursed.isPositive() && recovered.compareTo(disbursed) >= 0;
        return allBack && status == PrepaymentStatus.DISBURSED ? RecoveryStatus.RECOVERED.label() : status.label();
    }

    /** The clearing method's word, empty while the prepayment is not cleared. */
    public String clearingLabel() {
        return clearingMethod == null ? "" : clearingMethod.label();
    }
}
