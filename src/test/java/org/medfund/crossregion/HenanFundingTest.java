package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionFunding.TimelineStep;
import org.medfund.crossregion.CrossRegionFunding.LateRemitter;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.RegionCost;
import org.medfund.crossregion.CrossRegionFunding.RemittanceLine;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.crossregion.CrossRegionFunding.Reserve;
import org.medfund.crossregion.CrossRegionFunding.ReserveShare;
import org.medfund.crossregion.CrossRegionFunding.Sourced;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * henan-2023 "预留+清算" funding on the cross-region engine: the resident reserve (一(二)) sized from last year's cost
 * and a growth rate with their sources, approved by province finance, withheld and split per region and pot by each
 * one's share of last year's cost; the regions' monthly confirmation (三(二), by the 20th); the employee quarterly
 * notice and remittance within 15 working days (一(三)) across National Day, with the late remitter list (四(二));
 * the monthly clearing timeline, every date shifted past holidays (二(二) "遇节假日顺延，下同"). The seed gives no
 * amounts: the figures are made up, chosen so the rounding and the largest-remainder fen show. The ledger audit
 * closes every scenario. Years 2024–2025 are this test's; the demo's Henan funding uses 2026.
 */
@DatabaseTest
class HenanFundingTest {

    @Autowired
    CrossRegionFunding funding;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

    private final Actor centre = new Actor("t-hf-centre", "410000-CENTRE", Set.of(Role.CLERK));
    private final Actor provinceFinance = new Actor("t-hf-pf", "410000-FINANCE", Set.of(Role.FINANCE));
    private final Actor pdsFinance = new Actor("t-hf-pds-fin", "410400-FINANCE", Set.of(Role.FINANCE));
    private final Actor xyFinance = new Actor("t-hf-xy-fin", "411500-FINANCE", Set.of(Role.FINANCE));
    private final Actor pdsAgency = new Actor("t-hf-pds", "410400-AGENCY", Set.of(Role.CLERK));
    private final Actor xyAgency = new Actor("t-hf-xy", "411500-AGENCY", Set.of(Role.CLERK));

    /** The finance books open on 1 January 2024 whichever test runs first (the demo opens them on the same day). */
    @BeforeEach
    void openBooks() {
        for (Actor finance : List.of(provinceFinance, pdsFinance, xyFinance)) {
            ledger.post(new BusinessEvent("opening.balance.special-account", "t-hf-opening-" + finance.orgCode(),
                    LocalDate.of(2024, 1, 1), null, yuan("100000000.00"), Map.of("book", finance.orgCode()), null,
                    "opening-balance", finance.orgCode(), null, null, "期初余额（测试）"));
        }
    }

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    private Reserve size2025() {
        return funding.sizeReserve(new CrossRegionFunding.ReserveSizing(2025, List.of(
                new PotCost("410400", ReservePot.IN_PROVINCE, yuan("12345678.90")),
                new PotCost("410400", ReservePot.CROSS_PROVINCE, yuan("4567890.12")),
                new PotCost("411500", ReservePot.IN_PROVINCE, yuan("9876543.21")),
                new PotCost("411500", ReservePot.CROSS_PROVINCE, yuan("3210987.65"))),
                new Sourced(new BigDecimal("0.085"), "省医保局2024年异地就医费用统计（测试）",
                        "国家异地就医结算系统2024年清算数据（测试）"),
                SubsidySource.CENTRAL, LocalDate.of(2025, 1, 6)), centre);
    }

    private static ReserveShare share(Reserve reserve, String region, ReservePot pot) {
        return reserve.shares().stream().filter(s -> s.regionCode().equals(region) && s.pot() == pot).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("henan-2023 一(二): reserve = last year's resident cost × (1 + growth), approved, withheld, split by cost share")
    void residentReserve() {
        assertThatThrownBy(() -> funding.sizeReserve(new CrossRegionFunding.ReserveSizing(2025, List.of(),
                null, SubsidySource.CENTRAL, LocalDate.of(2025, 1, 6)), pdsAgency))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("crossregion.centre-only"));
        Reserve sized = size2025();
        // 30,001,099.88 × 1.085 = 32,551,193.3698 → 32,551,193.37 (half-up, once)
        assertThat(sized.lastYearCost()).isEqualTo(yuan("30001099.88"));
        assertThat(sized.amount()).isEqualTo(yuan("32551193.37"));
        assertThat(sized.derivation().citation()).isEqualTo("henan-2023 v1, henan-2023 一(二)");
        assertThat(sized.derivation().inputs()).anySatisfy(i -> assertThat(i.name()).contains("国家异地就医结算系统"))
                .anySatisfy(i -> assertThat(i.name()).contains("省医保局2024年"));
        assertThat(sized.decision().state()).isEqualTo(ReserveState.SIZED);
        // Shares by last year's cost, largest remainder: the one fen left goes to 信阳's in-province pot.
        assertThat(share(sized, "410400", ReservePot.IN_PROVINCE).amount()).isEqualTo(Money.ofFen(1_339_506_161L));
        assertThat(share(sized, "410400", ReservePot.CROSS_PROVINCE).amount()).isEqualTo(Money.ofFen(495_616_078L));
        assertThat(share(sized, "411500", ReservePot.IN_PROVINCE).amount()).isEqualTo(Money.ofFen(1_071_604_938L));
        assertThat(share(sized, "411500", ReservePot.CROSS_PROVINCE).amount()).isEqualTo(Money.ofFen(348_392_160L));
        assertThat(sized.shares().stream().map(ReserveShare::amount).reduce(Money.ZERO, Money::plus))
                .isEqualTo(sized.amount());

        assertThatThrownBy(() -> funding.approveReserve(2025, LocalDate.of(2025, 1, 10), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("crossregion.finance-only"));
        Reserve approved = funding.approveReserve(2025, LocalDate.of(2025, 1, 10), provinceFinance);
        assertThat(approved.decision().state()).isEqualTo(ReserveState.WITHHELD);
        assertThat(funding.approveReserve(2025, LocalDate.of(2025, 1, 11), provinceFinance)).isEqualTo(approved);
        assertThatThrownBy(this::size2025).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("crossregion.reserve-withheld"));
        // Books: province finance holds 平顶山's 18,351,222.39 as 暂收款; 平顶山's finance a prepayment (暂付款).
        LocalDate day = LocalDate.of(2025, 1, 31);
        assertThat(ledger.balance("410000-FINANCE", "2211", "410400-FINANCE", "390", day))
                .isEqualTo(Money.ofFen(1_339_506_161L + 495_616_078L));
        assertThat(ledger.balance("410400-FINANCE", "1211", "410000-FINANCE", "390", day))
                .isEqualTo(Money.ofFen(1_339_506_161L + 495_616_078L));

        // The centre records January's use from the clearing data; 平顶山 confirms by the 20th (shifted).
        funding.recordReserveUse(new CrossRegionFunding.ReserveUse("410400", ReservePot.IN_PROVINCE,
                YearMonth.of(2025, 1), yuan("1000000.00"), "2025年1月省内异地就医清算数据"), LocalDate.of(2025, 2, 17),
                centre);
        CrossRegionFunding.UseConfirmation confirmed = funding.confirmReserveUse(YearMonth.of(2025, 1),
                LocalDate.of(2025, 1, 20), pdsAgency);
        assertThat(confirmed.dueDate()).isEqualTo(LocalDate.of(2025, 1, 20));
        assertThat(confirmed.late()).isFalse();
        assertThat(confirmed.inProvinceUsed()).isEqualTo(yuan("1000000.00"));
        Reserve used = funding.reserve(2025, pdsAgency).orElseThrow();
        assertThat(used.shares()).allSatisfy(s -> assertThat(s.regionCode()).isEqualTo("410400"));
        assertThat(share(used, "410400", ReservePot.IN_PROVINCE).balance())
                .isEqualTo(Money.ofFen(1_339_506_161L - 100_000_000L));
        assertThat(ledger.balance("410400-FINANCE", "5001.02", null, "390", LocalDate.of(2025, 2, 28)))
                .isEqualTo(yuan("1000000.00"));
        // 信阳 confirms October 2024's use late: the 20th was a Sunday, due Monday the 21st.
        CrossRegionFunding.UseConfirmation late = funding.confirmReserveUse(YearMonth.of(2024, 10),
                LocalDate.of(2024, 10, 22), xyAgency);
        assertThat(late.dueDate()).isEqualTo(LocalDate.of(2024, 10, 21));
        assertThat(late.late()).isTrue();
        audit.assertSound();
    }

    @Test
    @DisplayName("henan-2023 一(三): monthly average = cost × (1 + growth) ÷ 12; 3 months remitted within 15 working days")
    void employeeRemittance() {
        RemittanceNotice notice = funding.issueRemittanceNotice(new CrossRegionFunding.RemittanceNoticeDraft(2024, 4,
                List.of(new RegionCost("410400", yuan("60000000.00")), new RegionCost("411500", yuan("45678901.23"))),
                new Sourced(new BigDecimal("0.06"), "省医保局测算（测试）", "2023年职工异地就医费用决算（测试）"),
                LocalDate.of(2024, 9, 25)), centre);
        // Due by the end of August (一(三) is before 二(二)'s 下同: a calendar day); issued late, still issued.
        assertThat(notice.dates().noticeDueDate()).isEqualTo(LocalDate.of(2024, 8, 31));
        assertThat(notice.dates().issuedLate()).isTrue();
        // 15 working days after 25 Sep 2024, across National Day (1–7 Oct off; 29 Sep and 12 Oct worked): 21 Oct.
        assertThat(notice.dates().remitDueDate()).isEqualTo(LocalDate.of(2024, 10, 21));
        RemittanceLine pds = notice.lines().get(0);
        // 60,000,000.00 × 1.06 ÷ 12 = 5,300,000.00 a month; 3 months = 15,900,000.00; quota 3 months of 2023 cost.
        assertThat(pds.monthlyAverage()).isEqualTo(yuan("5300000.00"));
        assertThat(pds.amount()).isEqualTo(yuan("15900000.00"));
        assertThat(pds.quota()).isEqualTo(yuan("15000000.00"));
        RemittanceLine xy = notice.lines().get(1);
        // 45,678,901.23 × 1.06 ÷ 12 = 4,034,969.6086… → 4,034,969.61; × 3 = 12,104,908.83
        assertThat(xy.monthlyAverage()).isEqualTo(yuan("4034969.61"));
        assertThat(xy.amount()).isEqualTo(yuan("12104908.83"));
        assertThat(xy.derivation().citation()).isEqualTo("henan-2023 v1, henan-2023 一(三)");

        assertThatThrownBy(() -> funding.remit(notice.id(), LocalDate.of(2024, 10, 18), pdsAgency))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("crossregion.region-finance-only"));
        RemittanceLine sent = funding.remit(notice.id(), LocalDate.of(2024, 10, 18), pdsFinance);
        assertThat(sent.state()).isEqualTo(RemittanceState.REMITTED);
        assertThat(ledger.transfer(sent.remitted().transferId()).orElseThrow().amount()).isEqualTo(yuan("15900000.00"));
        assertThat(funding.remit(notice.id(), LocalDate.of(2024, 10, 19), pdsFinance)).isEqualTo(sent);

        // On the 23rd 信阳 has not remitted: two days late on the list for 通报约谈 (四(二)).
        List<LateRemitter> onThe23rd = funding.lateRemitters(LocalDate.of(2024, 10, 23), centre);
        assertThat(onThe23rd).singleElement().satisfies(l -> {
            assertThat(l.regionCode()).isEqualTo("411500");
            assertThat(l.daysLate()).isEqualTo(2);
            assertThat(l.remittedOn()).isNull();
            assertThat(l.amount()).isEqualTo(yuan("12104908.83"));
        });
        funding.remit(notice.id(), LocalDate.of(2024, 10, 25), xyFinance);
        assertThat(funding.lateRemitters(LocalDate.of(2024, 10, 31), centre)).singleElement()
                .satisfies(l -> assertThat(l.daysLate()).isEqualTo(4));

        RemittanceLine received = funding.confirmRemittance(notice.id(), "410400", LocalDate.of(2024, 10, 21),
                provinceFinance);
        assertThat(received.state()).isEqualTo(RemittanceState.RECEIVED);
        funding.confirmRemittance(notice.id(), "411500", LocalDate.of(2024, 10, 28), provinceFinance);
        assertThat(ledger.balance("410000-FINANCE", "2211", "411500-FINANCE", "310", LocalDate.of(2024, 10, 31)))
                .isEqualTo(yuan("12104908.83"));
        assertThatThrownBy(() -> funding.issueRemittanceNotice(new CrossRegionFunding.RemittanceNoticeDraft(2024, 4,
                List.of(new RegionCost("410400", Money.ZERO)), new Sourced(BigDecimal.ZERO, "x", "y"),
                LocalDate.of(2024, 9, 26)), centre)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("crossregion.notice-exists"));
        assertThatThrownBy(() -> funding.issueRemittanceNotice(new CrossRegionFunding.RemittanceNoticeDraft(2024, 3,
                List.of(new RegionCost("410421", Money.ZERO)), new Sourced(BigDecimal.ZERO, "x", "y"),
                LocalDate.of(2024, 5, 20)), centre)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.field()).isEqualTo("costs[0].regionCode"));
        audit.assertSound();
    }

    private LocalDate due(List<TimelineStep> steps, ClearingStepKind kind) {
        return steps.stream().filter(s -> s.kind() == kind).findFirst().orElseThrow().dueDate();
    }

    @Test
    @DisplayName("henan-2023 三(二)(三), 二(二) 遇节假日顺延，下同: the monthly timeline's 18th, 20th, 23rd, 26th and month end")
    void clearingTimeline() {
        // September 2024: the month end, Monday 30 Sep, is a working day and stays (National Day starts 1 Oct).
        List<TimelineStep> sep2024 = funding.clearingSteps(YearMonth.of(2024, 9), LocalDate.of(2024, 9, 1), centre);
        assertThat(sep2024).extracting(TimelineStep::kind).containsExactly(ClearingStepKind.CONFIRM_DATA,
                ClearingStepKind.VERIFY_USE, ClearingStepKind.USAGE_PLAN, ClearingStepKind.FINANCE_PAY,
                ClearingStepKind.PROVINCE_PAY, ClearingStepKind.HOSPITAL_PAY);
        assertThat(due(sep2024, ClearingStepKind.CONFIRM_DATA)).isEqualTo(LocalDate.of(2024, 9, 18));
        assertThat(due(sep2024, ClearingStepKind.HOSPITAL_PAY)).isEqualTo(LocalDate.of(2024, 9, 30));
        // September 2025: the 20th is a Saturday → Monday 22nd; Tuesday 30 Sep is worked (28 Sep was a 调休 Sunday).
        List<TimelineStep> sep2025 = funding.clearingSteps(YearMonth.of(2025, 9), LocalDate.of(2025, 9, 23), centre);
        assertThat(due(sep2025, ClearingStepKind.VERIFY_USE)).isEqualTo(LocalDate.of(2025, 9, 22));
        assertThat(due(sep2025, ClearingStepKind.USAGE_PLAN)).isEqualTo(LocalDate.of(2025, 9, 22));
        assertThat(due(sep2025, ClearingStepKind.HOSPITAL_PAY)).isEqualTo(LocalDate.of(2025, 9, 30));
        assertThat(sep2025.stream().filter(s -> s.kind() == ClearingStepKind.USAGE_PLAN).findFirst().orElseThrow()
                .status()).isEqualTo(StepStatus.OVERDUE);
        assertThat(sep2025.get(0).citation()).isEqualTo("豫财社〔2023〕178号 三(二)");
        // October 2024: the 20th is a Sunday → Monday 21st; the 26th a Saturday → Monday 28th.
        List<TimelineStep> oct2024 = funding.clearingSteps(YearMonth.of(2024, 10), LocalDate.of(2024, 10, 1), centre);
        assertThat(due(oct2024, ClearingStepKind.VERIFY_USE)).isEqualTo(LocalDate.of(2024, 10, 21));
        assertThat(due(oct2024, ClearingStepKind.PROVINCE_PAY)).isEqualTo(LocalDate.of(2024, 10, 28));
        // A month end that is shifted: Saturday 31 May 2025 and the Dragon Boat days → Tuesday 3 June.
        List<TimelineStep> may2025 = funding.clearingSteps(YearMonth.of(2025, 5), LocalDate.of(2025, 5, 1), centre);
        assertThat(due(may2025, ClearingStepKind.HOSPITAL_PAY)).isEqualTo(LocalDate.of(2025, 6, 3));
        // The annual clearing is due by the end of March, shifted too: Sunday 31 March 2024 → Monday 1 April.
        List<TimelineStep> mar2024 = funding.clearingSteps(YearMonth.of(2024, 3), LocalDate.of(2024, 3, 1), centre);
        assertThat(due(mar2024, ClearingStepKind.ANNUAL_CLEARING)).isEqualTo(LocalDate.of(2024, 4, 1));
        audit.assertSound();
    }
}
