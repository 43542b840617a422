package org.medfund.prepayment;

import java.time.LocalDate;
import org.medfund.common.Money;

/**
 * Something the hospital owes back, in parts: what was fixed when it was opened (holder, cause, terms, amount, the
 * clerk) and its progress since (recovered so far, state, the art. 11 court steps, the write-off approver).
 */
public record Recovery(String id, String prepaymentId, Holder holder, Cause cause, Terms terms, Money amount,
                       String preparedBy, Progress progress) {

    /**
     * Why it is owed.
     *
     * @param trigger the art. 10 item when the reason is TRIGGER; null otherwise
     */
    public record Cause(RecoveryReason reason, RecoveryTrigger trigger, String evidence) {

        public static Cause of(RecoveryReason reason, String evidence) {
            return new Cause(reason, null, evidence);
        }

        public static Cause trigger(RecoveryTrigger trigger, String evidence) {
            return new Cause(RecoveryReason.TRIGGER, trigger, evidence);
        }
    }

    /**
     * How it may be settled.
     *
     * @param allOrNothing clearing (xinyang-2025 art. 6(五)): offset only if one settlement absorbs all, otherwise a
     *                     full return
     * @param offsetFrom first date offsets may take from settlements; null = only a return settles it
     */
    public record Terms(boolean allOrNothing, LocalDate foundOn, LocalDate returnDue, LocalDate offsetFrom) {

        /** Offsets or returns of any part, offsets from {@code offsetFrom} (null: returns only). */
        public static Terms partial(LocalDate foundOn, LocalDate returnDue, LocalDate offsetFrom) {
            return new Terms(false, foundOn, returnDue, offsetFrom);
        }

        public static Terms of(ClearingRule rule, LocalDate foundOn, LocalDate returnDue, LocalDate offsetFrom) {
            return new Terms(rule == ClearingRule.ALL_OR_NOTHING, foundOn, returnDue, offsetFrom);
        }
    }

    /** @param court the art. 11 steps once the agency decided it cannot be recovered (null before) */
    public record Progress(Money recovered, RecoveryStatus status, CourtSteps court, String approvedBy) {

        public static final Progress OPENED = new Progress(Money.ZERO, RecoveryStatus.OPEN, null, null);
    }

    /** A recovery just opened: nothing recovered yet. */
    public static Recovery opened(String id, String prepaymentId, Holder holder, Cause cause, Terms terms,
                                  Money amount, String preparedBy) {
        return new Recovery(id, prepaymentId, holder, cause, terms, amount, preparedBy, Progress.OPENED);
    }

    public Money remaining() {
        return amount.minus(recovered());
    }

    public boolean overdue(LocalDate asOf) {
        return status() == RecoveryStatus.OPEN && asOf.isAfter(terms.returnDue());
    }

    /** Whether an art. 11 stop holds the hospital's settlement payments in this state. */
    public boolean stopped() {
        return status().stopsPayments();
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

    public RecoveryReason reason() {
        return cause.reason();
    }

    public RecoveryTrigger trigger() {
        return cause.trigger();
    }

    public String evidence() {
        return cause.evidence();
    }

    public boolean allOrNothing() {
        return terms.allOrNothing();
    }

    public LocalDate foundOn() {
        return terms.foundOn();
    }

    public LocalDate returnDue() {
        return terms.returnDue();
    }

    public LocalDate offsetFrom() {
        return terms.offsetFrom();
    }

    public Money recovered() {
        return progress.recovered();
    }

    public RecoveryStatus status() {
        return progress.status();
    }

    public CourtSteps court() {
        return progress.court();
    }

    public String approvedBy() {
        return progress.approvedBy();
    }
}
