package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * The money side of Henan's monthly cross-region clearing (henan-2023 三(二)(三), 四(二)(三)): the month's clearing
 * rows (imported from the 异地就医管理子系统), each region's confirmation of them by the 18th, the province centre's
 * payment plan per region, insurance type and hospital with each region's 收付款通知书, the usage plan to province
 * finance by the 20th, province finance paying the centre's expenditure account by the 23rd, the centre paying each
 * region's agency expenditure account by the 26th, and the regions paying hospitals by month end, a negative
 * hospital line advanced by the region's fund and recovered into its special account, returned by the hospital or
 * offset against its next positive plan. Every transfer is a posting, matched and in transit until the receiver
 * confirms, its memo naming period, insurance type and content (四(二)).
 */
public interface MonthlyClearing {

    /** One settled visit's pooled-fund pay (negative for a reversal), as the subsystem exports it. */
    record ClearingRow(String setlId, String hospitalCode, String insuredRegionCode, String treatmentRegionCode,
                       String insuranceType, LocalDate settledOn, Money fundPay) {
    }

    /** The outcome of an import: rows added and rows already present with the same content. */
    record ImportResult(YearMonth period, int imported, int duplicates) {
    }

    /** A region's confirmation of the month's data: its hospitals' rows and its insured's rows elsewhere. */
    record DataConfirmation(String regionCode, String regionName, YearMonth period, LocalDate dueDate,
                            LocalDate confirmedOn, long rows, Money treatedHere, Money insuredElsewhere) {

        public boolean late() {
            return confirmedOn.isAfter(dueDate);
        }
    }

    /** One leg of money: the transfer, when it was sent and when the payee confirmed it (null until then). */
    record Leg(String transferId, LocalDate sentOn, LocalDate receivedOn) {
    }

    /**
     * One region's line of the plan for one insurance type: what it receives for its hospitals treating other regions'
     * insured, what it owes for its insured treated elsewhere; the 23rd's leg (province finance pays the centre what
     * the region owes), the 26th's leg (the centre pays the region what it receives) and the day it paid hospitals.
     */
    record RegionLine(String regionCode, String regionName, String insuranceType, Money receive, Money owe,
                      Derivation derivation, Leg funding, Leg disbursement, LocalDate hospitalsPaidOn) {

        public Money net() {
            return receive.minus(owe);
        }
    }

    /** What the region's insured cost in another region (the payments side of a notice). */
    record PairLine(String insuredRegionCode, String treatmentRegionCode, String treatmentRegionName,
                    String insuranceType, Money amount, long rows) {
    }

    /**
     * Part of an advance recovered (henan-2023 三(三)): offset against the hospital's positive plan of
     * {@code offsetPeriod}, or returned by the hospital ({@code offsetPeriod} then is the advance's own month).
     * {@code requestId} names the posting, the way to its vouchers; a planned offset not yet posted has neither a
     * date nor a request id.
     */
    record AdvanceRecovery(YearMonth advancePeriod, AdvanceRecoveryKind kind, YearMonth offsetPeriod, Money amount,
                           LocalDate recoveredOn, String requestId) {

        public boolean posted() {
            return requestId != null;
        }
    }

    /**
     * A hospital's advance of a negative plan: advanced on the payment day by the posting {@code requestId}, recovered
     * in parts, fully recovered on {@code recoveredOn} (null until then).
     */
    record Advance(Money amount, LocalDate advancedOn, LocalDate recoveredOn, String requestId,
                   List<AdvanceRecovery> recoveries) {

        public Advance {
            recoveries = List.copyOf(recoveries);
        }

        /** What the hospital still owes: the receivable on 1211.04 暂付款—异地就医垫付 for this advance. */
        public Money outstanding() {
            return recoveries.stream().map(AdvanceRecovery::amount).reduce(amount, Money::minus);
        }
    }

    /**
     * A hospital's line of the plan for one insurance type. A negative line carries its {@code advance}; a positive
     * one the earlier advances deducted from it, oldest first ({@code offsets}: posted once paid, planned before).
     */
    record HospitalLine(String regionCode, String hospitalCode, String hospitalName, String insuranceType, Money amount,
                        long rows, HospitalPayState state, LocalDate paidOn, Advance advance,
                        List<AdvanceRecovery> offsets) {

        public HospitalLine {
            offsets = List.copyOf(offsets);
        }

        /** The advances deducted from this line. */
        public Money offset() {
            return offsets.stream().map(AdvanceRecovery::amount).reduce(Money.ZERO, Money::plus);
        }

        /** What the hospital is paid: the gross plan less the advances deducted (nothing for a negative line). */
        public Money net() {
            return amount.isPositive() ? amount.minus(offset()) : Money.ZERO;
        }
    }

    /** An advance of the receivable list: the hospital, the month it was advanced, what is left. */
    record AdvanceReceivable(String regionCode, String regionName, String hospitalCode, String hospitalName,
                             String insuranceType, YearMonth period, Advance advance) {
    }

    /** The province's totals: Σ receipts = Σ payments; the centre's pass-through is what it got minus what it paid. */
    record Totals(Money receipts, Money payments, Money centreReceived, Money centrePaid) {

        public Money passThrough() {
            return centreReceived.minus(centrePaid);
        }
    }

    /** Dates of the plan's steps (null until done). */
    record PlanDates(LocalDate generatedOn, LocalDate submittedOn, LocalDate fundedOn, LocalDate disbursedOn) {
    }

    record Plan(String provinceCode, YearMonth period, ClearingPlanState state, PlanDates dates,
                List<RegionLine> regions, List<HospitalLine> hospitals, Totals totals) {
    }

    /** A region's 收付款通知书 for a month: receipts per hospital, payments per treatment region, the net. */
    record PlanNotice(String regionCode, String regionName, YearMonth period, LocalDate generatedOn,
                      List<RegionLine> lines, List<HospitalLine> receipts, List<PairLine> payments,
                      String citation, LocalDate confirmedOn) {

        public Money net() {
            return lines.stream().map(RegionLine::net).reduce(Money.ZERO, Money::plus);
        }
    }

    /** The centre's monthly report of dispatch and use to province finance (四(二)), one line per region and type. */
    record ReportLine(String regionCode, String regionName, String insuranceType, Money owe, Money receive,
                      Leg funding, Leg disbursement, Money hospitalsPaid, Money advancesOffset, Money advancesOpen) {
    }

    /** The province centre imports a month's rows (CSV, all or nothing; same rows again are counted, not added). */
    ImportResult importRows(YearMonth period, String csv, Actor actor);

    /** A region's agency confirms the month's clearing data (三(二), by the 18th). */
    DataConfirmation confirmData(YearMonth period, LocalDate date, Actor actor);

    List<DataConfirmation> dataConfirmations(YearMonth period, Actor actor);

    /** The province centre computes the plan by GROUP BY over the month's rows and charges the insured regions. */
    Plan generatePlan(YearMonth period, LocalDate date, Actor actor);

    Optional<Plan> plan(YearMonth period, Actor actor);

    /** The centre submits the usage plan to province finance (三(三), by the 20th). */
    Plan submitUsagePlan(YearMonth period, LocalDate date, Actor actor);

    /** Province finance pays the centre's expenditure account (三(三), by the 23rd): one transfer per region and type. */
    Plan fundCentre(YearMonth period, LocalDate date, Actor actor);

    /** The centre confirms the 23rd's money arrived. */
    Plan confirmFunding(YearMonth period, LocalDate date, Actor actor);

    /** The centre pays each region's agency expenditure account and sends the payment-status notice (by the 26th). */
    Plan disburse(YearMonth period, LocalDate date, Actor actor);

    /** A region's agency confirms the 26th's money arrived. */
    Plan confirmDisbursement(YearMonth period, LocalDate date, Actor actor);

    /**
     * A region's agency pays its hospitals (by month end); a negative line is advanced by the region's fund, and a
     * positive line first recovers the hospital's outstanding advances of earlier months of the same insurance type,
     * oldest first, the hospital being paid the rest (三(三); decisions.md "Advance offset").
     */
    Plan payHospitals(YearMonth period, LocalDate date, Actor actor);

    /**
     * A region's agency records the hospital's return of what is left of an advance into the region's special
     * account.
     */
    HospitalLine recoverAdvance(YearMonth period, String hospitalCode, String insuranceType, LocalDate date,
                                Actor actor);

    /** The advances still owed by the hospitals the caller may see, oldest first: the receivable list (三(三)). */
    List<AdvanceReceivable> openAdvances(Actor actor);

    PlanNotice notice(YearMonth period, String regionCode, Actor actor);

    /** A region's agency confirms it checked its notice and the reserve's use and passed them to its finance. */
    PlanNotice confirmNotice(YearMonth period, LocalDate date, Actor actor);

    List<ReportLine> report(YearMonth period, Actor actor);
}
