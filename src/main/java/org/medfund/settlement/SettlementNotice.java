package org.medfund.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.notices.Party;

/**
 * 结算及拨付通知书: what the agency reconciled with one hospital for a settlement cycle, and what it offset, held and
 * paid from the payment batch lines of that cycle (henan-2023 三(一), 四(二); xinyang-2025 art. 10, 11).
 */
public record SettlementNotice(String number, Party hospital, Party agency, YearMonth cycle,
                               List<Reconciled> reconciled, List<Payment> payments, LocalDate printedOn) {

    public SettlementNotice {
        reconciled = List.copyOf(reconciled);
        payments = List.copyOf(payments);
    }

    /** One 3201 group of a reconciliation paid in this cycle: the hospital's figure beside the agency's. */
    public record Reconciled(YearMonth feeMonth, LocalDate appliedOn, String insuranceType, String clearingType,
                             Money hospitalFund, Money agencyFund, boolean matched, String status) {
    }

    /**
     * One payment batch line for the hospital.
     *
     * @param held what is due but not paid because payments are stopped (xinyang-2025 art. 11), else zero
     * @param paid what goes to the hospital's account: the net unless held
     */
    public record Payment(long batchId, String kind, String status, LocalDate paidOn, String insuranceType,
                          Amounts amounts, Money held, Money paid, String memo, String note) {
    }

    /** The amounts of a line as the batch computed them. */
    public record Amounts(Money gross, Money advance, Money carriedIn, Money offsets, Money carriedOut) {
    }

    public Money totalGross() {
        return sum(payments.stream().map(p -> p.amounts().gross()).toList());
    }

    public Money totalOffsets() {
        return sum(payments.stream().map(p -> p.amounts().offsets()).toList());
    }

    public Money totalHeld() {
        return sum(payments.stream().map(Payment::held).toList());
    }

    /** Paid out by batches the finance user approved. */
    public Money totalPaid() {
        return sum(payments.stream().filter(p -> p.paidOn() != null).map(Payment::paid).toList());
    }

    /** Still to be paid by batches awaiting approval. */
    public Money totalPending() {
        return sum(payments.stream().filter(p -> p.paidOn() == null).map(Payment::paid).toList());
    }

    private static Money sum(List<Money> amounts) {
        return amounts.stream().reduce(Money.ZERO, Money::plus);
    }
}
