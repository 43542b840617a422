package org.medfund.crossregion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * Cross-region funding and its timeline, for regimes that fund cross-region care from a province-held reserve and
 * remittances (henan-2023 "预留+清算", 一(二)(三), 三(二)(三)(四)): the resident reserve sized by the province, approved
 * by province finance and withheld from a resident subsidy, split per pooling region into two pots; the regions'
 * monthly confirmation of its use; the employee quarterly remittance notice and each region's remittance (上解),
 * with the list of late remitters for 通报约谈 (四(二)); the monthly clearing steps with their due dates. The regime is
 * the province's policy pack; a province without these rules is refused ({@code crossregion.no-funding-regime}).
 */
public interface CrossRegionFunding {

    /** Last year's resident cross-region cost of one pooling region in one pot (the reserve's first input). */
    record PotCost(String regionCode, ReservePot pot, Money lastYearCost) {
    }

    /** Where an input came from (a statistic, a report, a decision), recorded beside it. */
    record Sourced(BigDecimal growthRate, String growthSource, String costSource) {
    }

    /** The province's sizing of a year's resident reserve. */
    record ReserveSizing(int year, List<PotCost> costs, Sourced sources, SubsidySource subsidySource,
                         LocalDate date) {
    }

    /**
     * One region's share of one pot, with its recorded use and balance. The carry of last year's annual clearing
     * (三(四), signed: positive a shortfall added, negative a surplus offset) changes what is withheld, not the pot.
     */
    record ReserveShare(String regionCode, String regionName, ReservePot pot, Money lastYearCost, Money amount,
                        Money carry, Money used) {

        public Money balance() {
            return amount.minus(used);
        }

        /** What the subsidy gave up for this pot: the share plus the carry (一(二), 三(四)). */
        public Money withheld() {
            return amount.plus(carry);
        }
    }

    /** Who did what when. */
    record ReserveDecision(ReserveState state, String sizedBy, LocalDate sizedOn, String approvedBy,
                           LocalDate approvedOn) {
    }

    /** A year's resident reserve: total with derivation, its sources, its split and its decision. */
    record Reserve(int year, String provinceCode, Money lastYearCost, Sourced sources, SubsidySource subsidySource,
                   Derivation derivation, ReserveDecision decision, List<ReserveShare> shares) {

        public Money amount() {
            return derivation.result();
        }

        /** Whether last year's annual clearing changed what is withheld for any region (三(四)). */
        public boolean carried() {
            return shares.stream().anyMatch(s -> !s.carry().isZero());
        }
    }

    /** The use of one region's pot in one month, taken from that month's clearing data. */
    record ReserveUse(String regionCode, ReservePot pot, YearMonth period, Money amount, String source) {
    }

    /** A region's monthly confirmation of the reserve's use (一(二), due by the 20th, 三(二)). */
    record UseConfirmation(String regionCode, String regionName, YearMonth period, LocalDate dueDate, LocalDate confirmedOn,
                           boolean late, Money inProvinceUsed, Money crossProvinceUsed) {
    }

    /** Last year's employee cross-region cost of one pooling region. */
    record RegionCost(String regionCode, Money lastYearCost) {
    }

    /** The joint notice for the remittance of a quarter's employee money (一(三)). */
    record RemittanceNoticeDraft(int year, int quarter, List<RegionCost> costs, Sourced sources, LocalDate date) {
    }

    /** Dates of a notice: issued, due (end of the previous quarter's 2nd month) and the remittance's last day. */
    record NoticeDates(LocalDate issuedOn, LocalDate noticeDueDate, LocalDate remitDueDate, boolean provisional) {

        public boolean issuedLate() {
            return issuedOn.isAfter(noticeDueDate);
        }
    }

    /**
     * One region's line of a notice: monthly average, the amount to remit after the carry of last year's annual
     * clearing (三(四), signed: positive a shortfall added, negative a surplus offset), the prepayment quota, and the
     * remittance. The derivation explains the amount to remit.
     */
    record RemittanceLine(String regionCode, String regionName, Money monthlyAverage, Money amount, Money carry,
                          Money quota, Derivation derivation, RemittanceState state, Remitted remitted) {

        /** The three months projected (一(三)) before the carry. */
        public Money projected() {
            return amount.minus(carry);
        }
    }

    /** The remittance of a line, once sent: transfer id, sent and received dates (null until they happen). */
    record Remitted(String transferId, LocalDate remittedOn, LocalDate receivedOn) {
    }

    record RemittanceNotice(long id, String provinceCode, int year, int quarter, Sourced sources, NoticeDates dates,
                            List<RemittanceLine> lines) {
    }

    /** A region that remitted late or not at all by the day asked (四(二) 通报约谈, 豫财社〔2022〕72号). */
    record LateRemitter(long noticeId, int year, int quarter, String regionCode, String regionName, LocalDate dueDate,
                        LocalDate remittedOn, long daysLate, Money amount) {
    }

    /** One obligation of the month's clearing timeline. */
    record TimelineStep(ClearingStepKind kind, LocalDate dueDate, boolean provisional, String citation,
                        StepStatus status, String detail) {
    }

    Reserve sizeReserve(ReserveSizing sizing, Actor actor);

    /** Province finance approves the reserve; it is withheld from the recorded subsidy and posted per region. */
    Reserve approveReserve(int year, LocalDate date, Actor actor);

    Optional<Reserve> reserve(int year, Actor actor);

    /** The province centre records a month's use of a region's pot from the clearing data; posts the region's use. */
    ReserveUse recordReserveUse(ReserveUse use, LocalDate date, Actor actor);

    /** A region's agency confirms the reserve's use for a month. */
    UseConfirmation confirmReserveUse(YearMonth period, LocalDate date, Actor actor);

    List<UseConfirmation> confirmations(YearMonth period, Actor actor);

    RemittanceNotice issueRemittanceNotice(RemittanceNoticeDraft draft, Actor actor);

    List<RemittanceNotice> remittanceNotices(int year, Actor actor);

    /** The region's finance department remits its line of a notice: an in-transit transfer to province finance. */
    RemittanceLine remit(long noticeId, LocalDate date, Actor actor);

    /** Province finance confirms a region's remittance arrived. */
    RemittanceLine confirmRemittance(long noticeId, String regionCode, LocalDate date, Actor actor);

    List<LateRemitter> lateRemitters(LocalDate asOf, Actor actor);

    /** The month's clearing steps with due dates (holiday-shifted where the pack says so) and status on a day. */
    List<TimelineStep> clearingSteps(YearMonth period, LocalDate asOf, Actor actor);
}
