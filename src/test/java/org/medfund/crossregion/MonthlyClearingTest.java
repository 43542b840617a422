package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionFunding.TimelineStep;
import org.medfund.crossregion.MonthlyClearing.HospitalLine;
import org.medfund.crossregion.MonthlyClearing.Plan;
import org.medfund.crossregion.MonthlyClearing.PlanNotice;
import org.medfund.crossregion.MonthlyClearing.RegionLine;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.TransferStatus;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * henan-2023 三(二)(三), 四(二)(三): Henan's monthly cross-region clearing with its money. The month's rows are
 * confirmed by each region by the 18th, the plan nets the province to zero to the fen (Σ receipts = Σ payments, the
 * centre passes the money through and keeps nothing), province finance pays the centre by the 23rd, the centre pays
 * the regions by the 26th (in transit until each confirms), regions pay hospitals by month end; a negative hospital
 * line is advanced by the region's fund and recovered into its special account the next month. The seed gives no
 * amounts: the figures are made up. The demo world supplies the hospitals, the books' opening balances and 2026's
 * resident reserve; this test owns the periods 2026-05 and 2026-09 (the demo's month is 2026-10).
 */
@DatabaseTest
class MonthlyClearingTest {

    static final String HEADER = "setl_id,fixmedins_code,insuplc_admdvs,mdtrtarea_admvs,insutype,setl_date,"
            + "fund_pay_sumamt\n";

    @Autowired
    MonthlyClearing clearing;
    @Autowired
    CrossRegionFunding funding;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    ApplicationContext context;

    private final Actor centre = new Actor("t-mc-centre", "410000-CENTRE", Set.of(Role.CLERK));
    private final Actor provinceFinance = new Actor("t-mc-pf", "410000-FINANCE", Set.of(Role.FINANCE));
    private final Actor pds = new Actor("t-mc-pds", "410400-AGENCY", Set.of(Role.CLERK));
    private final Actor xy = new Actor("t-mc-xy", "411500-AGENCY", Set.of(Role.CLERK));
    private final Actor xyHospital = new Actor("t-mc-h", "H41150200001", Set.of(Role.HOSPITAL));

    @BeforeEach
    void world() {
        TestDemo.ensure(context);
    }

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    private static RegionLine line(Plan plan, String region, String type) {
        return plan.regions().stream().filter(l -> l.regionCode().equals(region) && l.insuranceType().equals(type))
                .findFirst().orElseThrow();
    }

    private static HospitalLine hospital(Plan plan, String code, String type) {
        return plan.hospitals().stream().filter(h -> h.hospitalCode().equals(code) && h.insuranceType().equals(type))
                .findFirst().orElseThrow();
    }

    @Test
    @DisplayName("henan-2023 三(二)(三): a month confirmed, planned, paid through the centre and posted; the province nets"
            + " to zero; a 20th on a Sunday; a negative hospital advanced and recovered next month")
    void september2026() {
        YearMonth sep = YearMonth.of(2026, 9);
        // 2211.03 also holds the region plans' money from province finance (henan-2023 二(二), demo step 755).
        Money heldBefore = ledger.balance("411500-AGENCY", "2211.03", null, null, LocalDate.of(2026, 9, 30));
        String rows = HEADER
                + "T-MC-0901,H41040200001,411500,410400,390,2026-09-03,12345.67\n"
                + "T-MC-0902,H41040200001,411500,410400,310,2026-09-04,8000.00\n"
                + "T-MC-0903,H41042100001,411500,410400,390,2026-09-05,1000.01\n"
                + "T-MC-0904,H41150200001,410400,411500,390,2026-09-06,23456.78\n"
                + "T-MC-0905,H41150200001,410400,411500,310,2026-09-07,5432.10\n"
                + "T-MC-0906,H41152100001,410400,411500,310,2026-09-08,-600.00\n"
                + "T-MC-0907,H41152100001,410400,411500,390,2026-09-09,300.00\n";
        assertThatThrownBy(() -> clearing.importRows(sep, rows, pds)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("crossregion.centre-only"));
        assertThat(clearing.importRows(sep, rows, centre).imported()).isEqualTo(7);
        assertThat(clearing.importRows(sep, rows, centre).duplicates()).isEqualTo(7);
        assertThatThrownBy(() -> clearing.importRows(sep, HEADER
                + "T-MC-0901,H41040200001,411500,410400,390,2026-09-03,12345.68\n", centre))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("crossregion.clearing-row-conflict");
                    assertThat(e.field()).isEqualTo("line[2].setl_id");
                });
        assertThatThrownBy(() -> clearing.importRows(sep, HEADER
                + "T-MC-0999,H41040200001,410400,410400,390,2026-09-03,1.00\n", centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.field())
                        .isEqualTo("line[2].insuplc_admdvs"));

        // 三(二): the plan waits for every region's confirmation (by the 18th, a Friday).
        assertThat(clearing.confirmData(sep, LocalDate.of(2026, 9, 17), pds).late()).isFalse();
        assertThatThrownBy(() -> clearing.generatePlan(sep, LocalDate.of(2026, 9, 18), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("crossregion.clearing-unconfirmed");
                    assertThat(e.getMessage()).contains("信阳市");
                });
        MonthlyClearing.DataConfirmation xyData = clearing.confirmData(sep, LocalDate.of(2026, 9, 18), xy);
        assertThat(xyData.dueDate()).isEqualTo(LocalDate.of(2026, 9, 18));
        assertThat(xyData.treatedHere()).isEqualTo(yuan("28588.88"));
        assertThat(xyData.insuredElsewhere()).isEqualTo(yuan("21345.68"));
        assertThatThrownBy(() -> clearing.importRows(sep, HEADER
                + "T-MC-0908,H41150200001,410400,411500,390,2026-09-10,1.00\n", centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code())
                        .isEqualTo("crossregion.clearing-confirmed"));

        Plan plan = clearing.generatePlan(sep, LocalDate.of(2026, 9, 18), centre);
        assertThat(clearing.generatePlan(sep, LocalDate.of(2026, 9, 19), centre)).isEqualTo(plan);
        // 平顶山 receives for its hospitals 13,345.68 (resident) and 8,000.00 (employee); owes 23,756.78 and 4,832.10.
        RegionLine pdsResident = line(plan, "410400", "390");
        assertThat(pdsResident.receive()).isEqualTo(yuan("13345.68"));
        assertThat(pdsResident.owe()).isEqualTo(yuan("23756.78"));
        assertThat(pdsResident.net()).isEqualTo(yuan("-10411.10"));
        assertThat(pdsResident.derivation().citation()).isEqualTo("henan-2023 v1, henan-2023 三(二)");
        assertThat(line(plan, "410400", "310").owe()).isEqualTo(yuan("4832.10"));
        assertThat(line(plan, "411500", "310").receive()).isEqualTo(yuan("4832.10"));
        // The province nets to zero, to the fen.
        assertThat(plan.totals().receipts()).isEqualTo(yuan("49934.56")).isEqualTo(plan.totals().payments());
        assertThat(hospital(plan, "H41152100001", "310").amount()).isEqualTo(yuan("-600.00"));
        // The insured side is charged: the resident use of 平顶山's in-province pot, the employee money remitted.
        assertThat(ledger.balance("410400-FINANCE", "5001.02", "410000-FINANCE", "310", LocalDate.of(2026, 9, 30)))
                .isGreaterThanOrEqualTo(yuan("4832.10"));
        assertThat(funding.reserve(2026, centre).orElseThrow().shares()).anySatisfy(s -> {
            assertThat(s.regionCode()).isEqualTo("410400");
            assertThat(s.pot()).isEqualTo(ReservePot.IN_PROVINCE);
            assertThat(s.used()).isGreaterThanOrEqualTo(yuan("23756.78"));
        });

        // The notice: 信阳's own, with receipts per hospital and payments per treatment region; others out of scope.
        PlanNotice notice = clearing.notice(sep, "411500", xy);
        assertThat(notice.receipts()).extracting(HospitalLine::hospitalCode)
                .containsOnly("H41150200001", "H41152100001");
        assertThat(notice.payments()).extracting(MonthlyClearing.PairLine::treatmentRegionCode).containsOnly("410400");
        assertThat(notice.net()).isEqualTo(yuan("7243.20"));
        assertThatThrownBy(() -> clearing.notice(sep, "410400", xy)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.status()).isEqualTo(403));
        // Sunday 20 September 2026 is a worked day (调休 for National Day): the check of the notice and the reserve's
        // use stays due that Sunday. A Sunday 20th not worked moves to Monday (December 2026, below).
        clearing.confirmNotice(sep, LocalDate.of(2026, 9, 20), xy);
        clearing.confirmNotice(sep, LocalDate.of(2026, 9, 19), pds);
        assertThat(funding.confirmations(sep, centre)).allSatisfy(c -> {
            assertThat(c.dueDate()).isEqualTo(LocalDate.of(2026, 9, 20));
            assertThat(c.late()).isFalse();
        });
        assertThat(funding.clearingSteps(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 1), centre))
                .filteredOn(s -> s.kind() == ClearingStepKind.VERIFY_USE || s.kind() == ClearingStepKind.USAGE_PLAN)
                .extracting(TimelineStep::dueDate).containsOnly(LocalDate.of(2026, 12, 21));

        assertThatThrownBy(() -> clearing.fundCentre(sep, LocalDate.of(2026, 9, 21), provinceFinance))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("crossregion.plan-state"));
        clearing.submitUsagePlan(sep, LocalDate.of(2026, 9, 20), centre);
        assertThatThrownBy(() -> clearing.fundCentre(sep, LocalDate.of(2026, 9, 23), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("crossregion.finance-only"));
        Plan funded = clearing.fundCentre(sep, LocalDate.of(2026, 9, 23), provinceFinance);
        RegionLine fundedLine = line(funded, "410400", "390");
        assertThat(ledger.transfer(fundedLine.funding().transferId()).orElseThrow().status())
                .isEqualTo(TransferStatus.IN_TRANSIT);
        assertThatThrownBy(() -> clearing.disburse(sep, LocalDate.of(2026, 9, 24), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code())
                        .isEqualTo("crossregion.clearing-not-funded"));
        clearing.confirmFunding(sep, LocalDate.of(2026, 9, 24), centre);
        Plan disbursed = clearing.disburse(sep, LocalDate.of(2026, 9, 25), centre);
        assertThat(disbursed.totals().passThrough()).isEqualTo(Money.ZERO);
        assertThat(disbursed.totals().centreReceived()).isEqualTo(yuan("49934.56"));
        assertThatThrownBy(() -> clearing.payHospitals(sep, LocalDate.of(2026, 9, 28), xy))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code())
                        .isEqualTo("crossregion.clearing-not-received"));
        clearing.confirmDisbursement(sep, LocalDate.of(2026, 9, 28), xy);
        clearing.confirmDisbursement(sep, LocalDate.of(2026, 9, 28), pds);
        assertThat(ledger.transfer(line(clearing.plan(sep, centre).orElseThrow(), "411500", "310").disbursement()
                .transferId()).orElseThrow().status()).isEqualTo(TransferStatus.RECEIVED);
        // The centre passes the money through: its temporary receipts of the month net to zero.
        assertThat(ledger.balance("410000-CENTRE", "2211.03", "410000-FINANCE", null, LocalDate.of(2026, 9, 30))
                .plus(ledger.balance("410000-CENTRE", "2211.03", "410400-AGENCY", null, LocalDate.of(2026, 9, 30)))
                .plus(ledger.balance("410000-CENTRE", "2211.03", "411500-AGENCY", null, LocalDate.of(2026, 9, 30))))
                .isEqualTo(Money.ZERO);

        // Month end: 信阳 pays its hospitals; 罗山's negative employee line is advanced by 信阳's fund.
        Money specialBefore = ledger.balance("411500-AGENCY", "1003", null, null, LocalDate.of(2026, 10, 31));
        Plan paid = clearing.payHospitals(sep, LocalDate.of(2026, 9, 30), xy);
        clearing.payHospitals(sep, LocalDate.of(2026, 9, 30), pds);
        assertThat(hospital(paid, "H41150200001", "310").state()).isEqualTo(HospitalPayState.PAID);
        HospitalLine advanced = hospital(paid, "H41152100001", "310");
        assertThat(advanced.state()).isEqualTo(HospitalPayState.ADVANCED);
        assertThat(advanced.advance().amount()).isEqualTo(yuan("600.00"));
        assertThat(ledger.balance("411500-AGENCY", "1211.04", "H41152100001", "310", LocalDate.of(2026, 9, 30)))
                .isEqualTo(yuan("600.00"));
        assertThat(ledger.balance("411500-AGENCY", "2211.03", null, null, LocalDate.of(2026, 9, 30)))
                .isEqualTo(heldBefore);
        // A hospital sees only its own line.
        assertThat(clearing.plan(sep, xyHospital).orElseThrow().hospitals()).extracting(HospitalLine::hospitalCode)
                .containsOnly("H41150200001");

        // Recovered the next month, into 信阳's special account; the receivable is closed.
        HospitalLine recovered = clearing.recoverAdvance(sep, "H41152100001", "310", LocalDate.of(2026, 10, 15), xy);
        assertThat(recovered.state()).isEqualTo(HospitalPayState.RECOVERED);
        assertThat(recovered.advance().recoveredOn()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(ledger.balance("411500-AGENCY", "1211.04", "H41152100001", "310", LocalDate.of(2026, 10, 31)))
                .isEqualTo(Money.ZERO);
        assertThat(ledger.balance("411500-AGENCY", "1003", null, null, LocalDate.of(2026, 10, 31)))
                .isEqualTo(specialBefore.plus(yuan("600.00")));
        assertThat(clearing.recoverAdvance(sep, "H41152100001", "310", LocalDate.of(2026, 10, 16), xy))
                .isEqualTo(recovered);

        // Every step done on its day; the 26th was a Saturday (due Monday the 28th).
        List<TimelineStep> steps = funding.clearingSteps(sep, LocalDate.of(2026, 10, 16), centre);
        assertThat(steps).filteredOn(s -> !s.kind().annual()).allSatisfy(s -> assertThat(s.status())
                .isEqualTo(StepStatus.DONE));
        assertThat(steps).filteredOn(s -> s.kind() == ClearingStepKind.PROVINCE_PAY).singleElement()
                .satisfies(s -> assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 9, 28)));
        assertThat(clearing.report(sep, centre)).filteredOn(r -> r.regionCode().equals("411500")
                && r.insuranceType().equals("310")).singleElement().satisfies(r -> {
                    assertThat(r.hospitalsPaid()).isEqualTo(yuan("5432.10"));
                    assertThat(r.advancesOpen()).isEqualTo(Money.ZERO);
                });
        audit.assertSound();
    }

    @Test
    @DisplayName("henan-2023 二(二) 下同, 三(三): month end shifted — May 2026 ends on a Sunday, hospitals paid Monday"
            + " 1 June are on time; a step done late is marked so")
    void monthEndShifted() {
        YearMonth may = YearMonth.of(2026, 5);
        clearing.importRows(may, HEADER
                + "T-MC-0501,H41040200001,411500,410400,310,2026-05-12,2500.00\n", centre);
        clearing.confirmData(may, LocalDate.of(2026, 5, 18), pds);
        // 信阳 confirms on the 19th: the 18th was a Monday, so it is late.
        assertThat(clearing.confirmData(may, LocalDate.of(2026, 5, 19), xy).late()).isTrue();
        clearing.generatePlan(may, LocalDate.of(2026, 5, 19), centre);
        clearing.submitUsagePlan(may, LocalDate.of(2026, 5, 20), centre);
        clearing.fundCentre(may, LocalDate.of(2026, 5, 22), provinceFinance);
        clearing.confirmFunding(may, LocalDate.of(2026, 5, 22), centre);
        clearing.disburse(may, LocalDate.of(2026, 5, 26), centre);
        assertThatThrownBy(() -> clearing.payHospitals(may, LocalDate.of(2026, 5, 29), pds))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code())
                        .isEqualTo("crossregion.clearing-not-received"));
        clearing.confirmDisbursement(may, LocalDate.of(2026, 5, 27), pds);
        clearing.payHospitals(may, LocalDate.of(2026, 6, 1), pds);
        clearing.payHospitals(may, LocalDate.of(2026, 6, 1), xy);
        List<TimelineStep> steps = funding.clearingSteps(may, LocalDate.of(2026, 6, 2), centre);
        assertThat(steps).filteredOn(s -> s.kind() == ClearingStepKind.HOSPITAL_PAY).singleElement().satisfies(s -> {
            assertThat(s.dueDate()).isEqualTo(LocalDate.of(2026, 6, 1));
            assertThat(s.status()).isEqualTo(StepStatus.DONE);
            assertThat(s.detail()).doesNotContain("逾期").contains("遇节假日顺延");
        });
        assertThat(steps).filteredOn(s -> s.kind() == ClearingStepKind.CONFIRM_DATA).singleElement()
                .satisfies(s -> assertThat(s.detail()).contains("逾期 1 天"));
        // The two regions' plans: 信阳 has no hospital line and owes 2,500.00; 平顶山 receives it.
        Plan plan = clearing.plan(may, centre).orElseThrow();
        assertThat(line(plan, "411500", "310").owe()).isEqualTo(yuan("2500.00"));
        assertThat(plan.totals().receipts()).isEqualTo(plan.totals().payments());
        audit.assertSound();
    }
}
