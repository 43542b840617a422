package org.medfund.prepayment;

import java.time.LocalDate;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * One row of the register: a hospital's prepayment of one fund for one year, in parts — who holds it, what sized it
 * (pack, application, derivation), the amounts of the netting (henan-2023 二(二)), its state and who handled it.
 */
public record Prepayment(String id, int year, Holder holder, String regionCode, Basis basis, Amounts amounts,
                         PrepaymentStatus status, LocalDate dueOn, Handling handling) {

    /**
     * What sized the row.
     *
     * @param applicationId the Xinyang application (xinyang-2025 art. 6(一)); null for Henan rows
     * @param gateReasons why the row was sized at zero (art. 7 gate, refusals); null when it was sized
     */
    public record Basis(String packId, int packVersion, PrepaymentCategory category, String applicationId,
                        Derivation derivation, String gateReasons) {
    }

    /** The netting (henan-2023 二(二) 轧差): at most one of {@code toPay} and {@code toRecover} is positive. */
    public record Amounts(Money sized, Money outstandingBefore, Money toPay, Money toRecover) {
    }

    /** Maker-checker and clearing: who prepared and approved it, how and when the year-end clearing ended. */
    public record Handling(String preparedBy, String approvedBy, ClearingMethod clearingMethod, LocalDate clearedOn) {

        /** A row just sized: prepared, not yet approved or cleared. */
        public static Handling preparedBy(String userId) {
            return new Handling(userId, null, null, null);
        }
    }

    public String hospitalCode() {
        return holder.hospitalCode();
    }

    public String insuranceType() {
        return holder.insuranceType();
    }

    public String payerOrgCode() {
        return holder.payerOrgCode();
    }

    public String packId() {
        return basis.packId();
    }

    public int packVersion() {
        return basis.packVersion();
    }

    public PrepaymentCategory category() {
        return basis.category();
    }

    public String applicationId() {
        return basis.applicationId();
    }

    public Derivation derivation() {
        return basis.derivation();
    }

    public String gateReasons() {
        return basis.gateReasons();
    }

    public Money sized() {
        return amounts.sized();
    }

    public Money outstandingBefore() {
        return amounts.outstandingBefore();
    }

    public Money toPay() {
        return amounts.toPay();
    }

    public Money toRecover() {
        return amounts.toRecover();
    }

    public String preparedBy() {
        return handling.preparedBy();
    }

    public String approvedBy() {
        return handling.approvedBy();
    }

    public ClearingMethod clearingMethod() {
        return handling.clearingMethod();
    }

    public LocalDate clearedOn() {
        return handling.clearedOn();
    }
}
