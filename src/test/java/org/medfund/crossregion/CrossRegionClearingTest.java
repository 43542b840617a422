package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionClearing.Answer;
import org.medfund.crossregion.CrossRegionClearing.CallResult;
import org.medfund.crossregion.CrossRegionClearing.Clearing;
import org.medfund.crossregion.CrossRegionClearing.DetailPage;
import org.medfund.crossregion.CrossRegionClearing.Header;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * guizhou-2017 附件一 三 and 附件二 二(二)(三) on the database: 六盘水市 (city-own insured and 钟山区's) treated in Henan in
 * September 2025 (101 visits: the 100-row page boundary), the national messages 3260/3261/3262 with rollback of one
 * call and of the whole month and confirmation after rollback, the month's clearing (confirmed, submitted, paid:
 * the centre's write-down), then Q3 2025's in-province clearing issued, confirmed by the city (county and city
 * entries) and written down by the centre — due dates across National Day 2025; and February 2025's first 5 working
 * days after Spring Festival. 六盘水市 and 2025 are used by no other test or demo step. The ledger audit after each.
 */
@DatabaseTest
class CrossRegionClearingTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String CITY = "520200";
    private static final String COUNTY = "520201";
    private static final Header HENAN_TO_CITY = new Header("410000", CITY);

    @Autowired
    CrossRegion crossRegion;
    @Autowired
    CrossRegionQuotas quotas;
    @Autowired
    CrossRegionClearing clearing;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;

    private final Actor centre = Fixtures.actor("crc-gz-centre", "520000-CENTRE", Role.CLERK);
    private final Actor henanCentre = Fixtures.actor("crc-ha-centre", "410000-CENTRE", Role.CLERK);
    private final Actor provinceFinance = Fixtures.actor("crc-gz-finance", "520000-FINANCE", Role.FINANCE);
    private final Actor cityAgency = Fixtures.actor("crc-a-" + CITY, CITY + "-AGENCY", Role.CLERK);

    private static Actor agency(String region) {
        return Fixtures.actor("crc-a-" + region, region + "-AGENCY", Role.CLERK);
    }

    private String filedCard(String region, String target) {
        String card = "52C" + NEXT.incrementAndGet();
        crossRegion.setBenefitRule(new BenefitRule(region, "310", 2025, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("150000.00")), agency(region));
        crossRegion.file(new FilingDraft(card, "测试参保人", region, "310", FilingType.RESETTLED_RETIREE, target,
                LocalDate.of(2025, 1, 1), null), agency(region));
        return card;
    }

    /** 甲 2,000.00 + 乙 1,000.05 at 10 % + 丙 300.00 at a grade-3 hospital: fund pay 1,700.04 (see BenefitsTest). */
    private Settlement settle(Actor hospital, String card, String region, LocalDate date) {
        return crossRegion.settle(new SettlementRequest("CRC-" + NEXT.incrementAndGet(), card, region, "310", date,
                List.of(new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00"), BigDecimal.ZERO),
                        new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, Money.ofYuan("1000.05"),
                                new BigDecimal("0.1")),
                        new FeeLine(FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00"), BigDecimal.ZERO)),
                false), hospital);
    }

    private static List<Answer> answers(DetailPage page, String flag) {
        return page.rows().stream().map(d -> new Answer(d.mdtrtId(), d.setlSn(), flag)).toList();
    }

    private Money balance(String org, String account, String counterparty) {
        return ledger.balance(org, account, counterparty, null, LocalDate.of(2030, 1, 1));
    }

    @Test
    @DisplayName("guizhou-2017 附件一 三, 附件二 二(二)(三): 3260/3261/3262, the month's clearing, the quarter's in-province clearing")
    void clearing() {
        String henanHospital = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）跨省定点");
        crossRegion.designate(henanHospital, LocalDate.of(2025, 1, 1), null, henanCentre);
        Actor henanDesk = Fixtures.actor("crc-h-" + henanHospital, henanHospital, Role.HOSPITAL);
        String guiyangHospital = Fixtures.hospital(jdbc, "520102", 3, false, "（测试）省内定点");
        crossRegion.designate(guiyangHospital, LocalDate.of(2025, 1, 1), null, centre);
        Actor guiyangDesk = Fixtures.actor("crc-h-" + guiyangHospital, guiyangHospital, Role.HOSPITAL);
        quotas.openTimetable("520000", 2025, 4, centre);

        // 100 visits of the city's own insured (four cards under the annual cap) and one of 钟山区's, in September.
        List<String> cards = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cards.add(filedCard(CITY, "410000"));
        }
        for (int i = 0; i < 100; i++) {
            settle(henanDesk, cards.get(i % 4), CITY, LocalDate.of(2025, 9, 1 + i % 28));
        }
        String countyCard = filedCard(COUNTY, "410000");
        settle(henanDesk, countyCard, COUNTY, LocalDate.of(2025, 9, 30));
        // 钟山区's insured treated in 贵阳市: in-province cross-region care (附件一 三(二)).
        String inProvinceCard = filedCard(COUNTY, "520100");
        settle(guiyangDesk, inProvinceCard, COUNTY, LocalDate.of(2025, 8, 12));

        // 3260: 101 rows, 100 on the first page, the 101st alone on the second; the county alone has one.
        DetailPage first = clearing.details(2025, 9, HENAN_TO_CITY, 1, centre);
        assertThat(first.total()).isEqualTo(101);
        assertThat(first.rows()).hasSize(100);
        assertThat(first.rows().get(0).seqno()).isEqualTo(1);
        assertThat(first.rows().get(99).seqno()).isEqualTo(100);
        assertThat(first.rows().get(0).mdtrtarea()).isEqualTo("410400");
        assertThat(first.rows().get(0).optinsPaySumamt()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(first.rows().get(0).medfeeSumamt()).isEqualTo(Money.ofYuan("3300.05"));
        DetailPage second = clearing.details(2025, 9, HENAN_TO_CITY, 2, centre);
        assertThat(second.rows()).hasSize(1);
        assertThat(second.rows().get(0).seqno()).isEqualTo(101);
        assertThat(second.rows().get(0).insuredRegion()).isEqualTo(COUNTY);
        assertThat(clearing.details(2025, 9, HENAN_TO_CITY, 3, centre).rows()).isEmpty();
        assertThat(clearing.details(2025, 9, new Header("410000", COUNTY), 1, centre).total()).isEqualTo(1);
        assertThatThrownBy(() -> clearing.details(2025, 9, new Header("520100", CITY), 1, centre))
                .extracting("code").isEqualTo("crossregion.not-cross-province");
        assertThatThrownBy(() -> clearing.details(2025, 9, HENAN_TO_CITY, 1, cityAgency))
                .extracting("code").isEqualTo("crossregion.centre-only");

        // 3261: 101 rows in one call are refused, exactly 100 pass; the same otransid answers the first.
        List<Answer> all = new ArrayList<>(answers(first, "1"));
        all.addAll(answers(second, "1"));
        assertThatThrownBy(() -> clearing.confirm(2025, 9, HENAN_TO_CITY, "T-101", all, LocalDate.of(2025, 10, 9),
                centre)).extracting("code").isEqualTo("crossregion.too-many-rows");
        List<Answer> page1 = new ArrayList<>(answers(first, "1"));
        page1.set(99, new Answer(page1.get(99).mdtrtId(), page1.get(99).setlSn(), "0"));
        CallResult a = clearing.confirm(2025, 9, HENAN_TO_CITY, "T-A", page1, LocalDate.of(2025, 10, 9), centre);
        assertThat(a.confirmed()).isEqualTo(99);
        assertThat(a.rejected()).isEqualTo(1);
        assertThat(clearing.confirm(2025, 9, HENAN_TO_CITY, "T-A", page1, LocalDate.of(2025, 10, 9), centre))
                .isEqualTo(a);
        assertThatThrownBy(() -> clearing.confirm(2025, 9, HENAN_TO_CITY, "T-A2", answers(first, "1").subList(0, 1),
                LocalDate.of(2025, 10, 9), centre)).extracting("code").isEqualTo("crossregion.answer-invalid");
        assertThatThrownBy(() -> clearing.confirm(2025, 9, HENAN_TO_CITY, "T-X", List.of(new Answer(null,
                second.rows().get(0).setlSn(), "2")), LocalDate.of(2025, 10, 9), centre))
                .extracting("field").isEqualTo("data[0].cnfm_flag");
        CallResult b = clearing.confirm(2025, 9, HENAN_TO_CITY, "T-B", answers(second, "1"),
                LocalDate.of(2025, 10, 9), centre);
        assertThat(b.confirmed()).isEqualTo(1);

        // The usage rate (五(二)) counts what the clearing confirmed: 99 + 1 visits, the rejected one not.
        Quota quota = quotas.size(new QuotaRequest(CITY, 2025, 3, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("600000.00"), LocalDate.of(2025, 7, 10)), centre);
        QuotaKey key = quota.key();
        LocalDate october = LocalDate.of(2025, 10, 9);
        assertThat(quotas.usage(key, october, centre).cleared()).isEqualTo(Money.ofYuan("1700.04").times(
                BigDecimal.valueOf(100), java.math.RoundingMode.UNNECESSARY));

        // 3262: one call rolled back, then answered again; the whole month (0) rolled back, then answered again.
        assertThat(clearing.rollback(2025, 9, HENAN_TO_CITY, "T-B", october, centre).rolledBack()).isEqualTo(1);
        assertThat(quotas.usage(key, october, centre).cleared()).isEqualTo(Money.ofYuan("168303.96"));
        assertThat(clearing.rollback(2025, 9, HENAN_TO_CITY, "T-B", october, centre).rolledBack()).isZero();
        assertThatThrownBy(() -> clearing.rollback(2025, 9, HENAN_TO_CITY, "T-NONE", october, centre))
                .extracting("code").isEqualTo("crossregion.otransid-unknown");
        clearing.confirm(2025, 9, HENAN_TO_CITY, "T-C", answers(second, "1"), october, centre);
        assertThat(clearing.details(2025, 9, HENAN_TO_CITY, 2, centre).rows().get(0).otransid()).isEqualTo("T-C");
        assertThat(clearing.rollback(2025, 9, HENAN_TO_CITY, "0", october, centre).rolledBack()).isEqualTo(101);
        assertThat(quotas.usage(key, october, centre).cleared()).isEqualTo(Money.ZERO);
        assertThat(clearing.details(2025, 9, HENAN_TO_CITY, 1, centre).rows()).allMatch(d -> d.cnfmFlag() == null);
        assertThatThrownBy(() -> clearing.clearMonth(2025, 9, october, centre))
                .extracting("code").isEqualTo("crossregion.clearing-unanswered");
        clearing.confirm(2025, 9, HENAN_TO_CITY, "T-D", page1, october, centre);
        clearing.confirm(2025, 9, HENAN_TO_CITY, "T-E", answers(second, "1"), october, centre);
        assertThat(audit.problems()).isEmpty();

        // 附件一 三(一): the month's clearing, 100 confirmed visits of 六盘水市 to Henan; then answers are frozen.
        assertThatThrownBy(() -> clearing.clearMonth(2025, 9, LocalDate.of(2025, 9, 30), centre))
                .extracting("code").isEqualTo("crossregion.month-not-over");
        List<Clearing> month = clearing.clearMonth(2025, 9, october, centre);
        assertThat(month).hasSize(1);
        Clearing pay = month.get(0);
        assertThat(pay.direction()).isEqualTo(ClearingDirection.PAY);
        assertThat(pay.cityRegionCode()).isEqualTo(CITY);
        assertThat(pay.counterpartRegion()).isEqualTo("410000");
        assertThat(pay.amount()).isEqualTo(Money.ofYuan("170004.00"));
        assertThat(pay.detailCount()).isEqualTo(100);
        assertThat(pay.derivation().citation()).contains("guizhou-2017 附件一 三(一)");
        assertThat(clearing.clearMonth(2025, 9, october, centre)).extracting(Clearing::id).containsExactly(pay.id());
        assertThatThrownBy(() -> clearing.rollback(2025, 9, HENAN_TO_CITY, "0", october, centre))
                .extracting("code").isEqualTo("crossregion.clearing-closed");
        assertThatThrownBy(() -> clearing.payMonth(2025, 9, october, provinceFinance))
                .extracting("code").isEqualTo("crossregion.clearing-state");

        // 附件一 三(二): Q3's in-province clearing, issued within the first 5 working days after National Day.
        List<Obligation> owed = quotas.obligations(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), centre);
        assertThat(find(owed, ObligationKind.QUARTERLY_CLEARING_PUBLISH, "", 10).dueDate())
                .isEqualTo(LocalDate.of(2025, 10, 14));
        assertThat(find(owed, ObligationKind.MONTHLY_CLEARING_DOWNLOAD, "", 10).doneOn()).isEqualTo(october);
        List<Clearing> quarter = clearing.issueQuarter("520000", 2025, 3, LocalDate.of(2025, 10, 10), centre);
        Clearing ours = quarter.stream().filter(c -> c.cityRegionCode().equals(CITY)).findFirst().orElseThrow();
        assertThat(ours.parts()).extracting(CrossRegionClearing.Part::insuredRegion).containsExactly(CITY, COUNTY);
        assertThat(ours.parts().get(0).crossProvince()).isEqualTo(Money.ofYuan("168303.96"));
        assertThat(ours.parts().get(1).crossProvince()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(ours.parts().get(1).inProvince()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(ours.amount()).isEqualTo(Money.ofYuan("171704.04"));
        assertThat(ours.state()).isEqualTo(ClearingState.ISSUED);

        // The city confirms within its first 10 working days (National Day: 21 October) and writes down.
        Money countyPrepaid = balance(COUNTY + "-AGENCY", "1211.02", "520000-CENTRE");
        Money cityPrepaid = balance(CITY + "-AGENCY", "1211.02", "520000-CENTRE");
        assertThatThrownBy(() -> clearing.confirmQuarter(ours.id(), LocalDate.of(2025, 10, 20), agency(COUNTY)))
                .extracting("code").isEqualTo("crossregion.clearing-unknown");
        assertThatThrownBy(() -> clearing.confirmQuarter(ours.id(), LocalDate.of(2025, 10, 20), centre))
                .extracting("code").isEqualTo("crossregion.city-agency-only");
        Clearing confirmed = clearing.confirmQuarter(ours.id(), LocalDate.of(2025, 10, 20), cityAgency);
        assertThat(confirmed.state()).isEqualTo(ClearingState.CITY_CONFIRMED);
        assertThat(clearing.confirmQuarter(ours.id(), LocalDate.of(2025, 10, 20), cityAgency).state())
                .isEqualTo(ClearingState.CITY_CONFIRMED);
        assertThat(countyPrepaid.minus(balance(COUNTY + "-AGENCY", "1211.02", "520000-CENTRE")))
                .isEqualTo(Money.ofYuan("3400.08"));
        assertThat(cityPrepaid.minus(balance(CITY + "-AGENCY", "1211.02", "520000-CENTRE")))
                .isEqualTo(Money.ofYuan("171704.04"));
        owed = quotas.obligations(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), cityAgency);
        Obligation cityConfirm = owed.stream().filter(o -> o.kind() == ObligationKind.QUARTERLY_CLEARING_CONFIRM
                && o.orgCode().equals(CITY + "-AGENCY")).findFirst().orElseThrow();
        assertThat(cityConfirm.dueDate()).isEqualTo(LocalDate.of(2025, 10, 21));
        assertThat(cityConfirm.doneOn()).isEqualTo(LocalDate.of(2025, 10, 20));
        // The in-province usage counts the quarter the city confirmed.
        assertThat(quotas.usage(new QuotaKey(CITY, 2025, 3, QuotaScope.IN_PROVINCE), october, centre).cleared())
                .isEqualTo(Money.ofYuan("1700.04"));
        assertThat(audit.problems()).isEmpty();

        // The province writes the city's in-province part down within the quarter's first month.
        Money centreOwed = balance("520000-CENTRE", "2211.02", CITY + "-AGENCY");
        Clearing posted = clearing.postQuarter(ours.id(), LocalDate.of(2025, 10, 27), centre);
        assertThat(posted.state()).isEqualTo(ClearingState.POSTED);
        assertThat(centreOwed.minus(balance("520000-CENTRE", "2211.02", CITY + "-AGENCY")))
                .isEqualTo(Money.ofYuan("1700.04"));
        assertThat(find(quotas.obligations(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), centre),
                ObligationKind.QUARTERLY_CLEARING_POST, CITY, 10).dueDate()).isEqualTo(LocalDate.of(2025, 10, 31));

        // 附件一 三(一): submitted in November's first 5 working days, paid within 10 working days; the centre writes
        // its prepayment to Henan down against 六盘水市's.
        clearing.submitMonth(2025, 9, LocalDate.of(2025, 11, 3), centre);
        Money henanPrepaid = balance("520000-CENTRE", "1211.03", "410000-CENTRE");
        centreOwed = balance("520000-CENTRE", "2211.02", CITY + "-AGENCY");
        assertThatThrownBy(() -> clearing.payMonth(2025, 9, LocalDate.of(2025, 11, 10), centre))
                .extracting("code").isEqualTo("crossregion.province-finance-only");
        List<Clearing> paid = clearing.payMonth(2025, 9, LocalDate.of(2025, 11, 10), provinceFinance);
        assertThat(paid).extracting(Clearing::state).containsOnly(ClearingState.PAID);
        assertThat(henanPrepaid.minus(balance("520000-CENTRE", "1211.03", "410000-CENTRE")))
                .isEqualTo(Money.ofYuan("170004.00"));
        assertThat(centreOwed.minus(balance("520000-CENTRE", "2211.02", CITY + "-AGENCY")))
                .isEqualTo(Money.ofYuan("170004.00"));
        assertThat(clearing.payMonth(2025, 9, LocalDate.of(2025, 11, 10), provinceFinance)).hasSize(1);
        owed = quotas.obligations(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 12, 31), provinceFinance);
        Obligation payDue = owed.stream().filter(o -> o.kind() == ObligationKind.MONTHLY_CLEARING_PAY
                && o.period().equals(YearMonth.of(2025, 10))).findFirst().orElseThrow();
        assertThat(payDue.dueDate()).isEqualTo(LocalDate.of(2025, 11, 17));
        assertThat(payDue.doneOn()).isEqualTo(LocalDate.of(2025, 11, 10));
        audit.assertSound();
    }

    @Test
    @DisplayName("henan-2023 四(一): Henan clears by the national file and its monthly clearing, not by 3261")
    void henanMonthIsNational() {
        assertThat(clearing.clearsFromDetails("520000", YearMonth.of(2025, 9))).isTrue();
        assertThat(clearing.clearsFromDetails("410000", YearMonth.of(2025, 9))).isFalse();
        assertThatThrownBy(() -> clearing.clearMonth(2025, 9, LocalDate.of(2025, 10, 10), henanCentre))
                .extracting("code").isEqualTo("crossregion.clearing-other-regime");
        assertThatThrownBy(() -> clearing.issueQuarter("410000", 2025, 3, LocalDate.of(2025, 10, 10), henanCentre))
                .extracting("code").isEqualTo("crossregion.clearing-other-regime");
        assertThat(clearing.clearings(LocalDate.of(2025, 9, 1), LocalDate.of(2025, 9, 30), henanCentre)).isEmpty();
        audit.assertSound();
    }

    @Test
    @DisplayName("附件一 三(一): the month's clearing goes to finance within February 2025's first 5 working days, after Spring Festival")
    void springFestival() {
        quotas.openTimetable("520000", 2025, 1, centre);
        List<Obligation> owed = quotas.obligations(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 3, 31), centre);
        Obligation toFinance = owed.stream().filter(o -> o.kind() == ObligationKind.MONTHLY_CLEARING_TO_FINANCE
                && o.period().equals(YearMonth.of(2025, 1))).findFirst().orElseThrow();
        // 28 January – 4 February off; Saturday 8 February worked: 5, 6, 7, 8, 10 February.
        assertThat(toFinance.dueDate()).isEqualTo(LocalDate.of(2025, 2, 10));
        audit.assertSound();
    }

    private static Obligation find(List<Obligation> all, ObligationKind kind, String subject, int month) {
        return all.stream().filter(o -> o.kind() == kind && o.subject().equals(subject)
                && o.period().equals(YearMonth.of(2025, month))).findFirst().orElseThrow();
    }
}
