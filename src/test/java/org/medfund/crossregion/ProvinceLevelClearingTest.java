package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionClearing.Answer;
import org.medfund.crossregion.CrossRegionClearing.Clearing;
import org.medfund.crossregion.CrossRegionClearing.Header;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The province's own pooling region (贵州省本级 529900) run like a city through the Guizhou regime: filed and
 * settled insured, a first quota of four months (guizhou-2017 三(三)) paid by the province agency to the centre from
 * the 省本级 special account (附件二 二(一)4-5, no finance entry), the month's cross-province clearing (the centre's
 * 二(二)4 against the province agency) and the quarter's in-province clearing confirmed by the province agency, which
 * posts its own entry 二(二)3 (医保费用支出—省本级 / 暂付款—异地就医款（省本级）), then written down by the centre
 * (二(三)2). 2026 Q3. The ledger audit after each step, shared accounts compared with their balance before the scenario.
 */
@DatabaseTest
// A database of its own: the demo (demo step 765, run in the shared database by TestDemo) takes 贵州省本级 through
// the same quarter, and a region's quotas are sized in quarter order, so sharing would make the first quota
// order-dependent.
@TestPropertySource(properties = "medfund.test.context=province-level-clearing")
class ProvinceLevelClearingTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String OWN = "529900";
    private static final String OWN_AGENCY = OWN + "-AGENCY";
    private static final String CENTRE = "520000-CENTRE";
    private static final String PROVINCE_FINANCE = "520000-FINANCE";

    @Autowired
    CrossRegion crossRegion;
    @Autowired
    CrossRegionQuotas quotas;
    @Autowired
    CrossRegionClearing clearing;
    @Autowired
    CountyRemittances counties;
    @Autowired
    Registry registry;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerReports reports;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;

    private final Actor centre = Fixtures.actor("plc-centre", CENTRE, Role.CLERK);
    private final Actor henanCentre = Fixtures.actor("plc-ha-centre", "410000-CENTRE", Role.CLERK);
    private final Actor provinceFinance = Fixtures.actor("plc-finance", PROVINCE_FINANCE, Role.FINANCE);
    private final Actor ownAgency = Fixtures.actor("plc-own", OWN_AGENCY, Role.CLERK);
    private final Actor guiyangFinance = Fixtures.actor("plc-gy-finance", "520100-FINANCE", Role.FINANCE);
    private final Actor guiyangAgency = Fixtures.actor("plc-gy-agency", "520100-AGENCY", Role.CLERK);

    private Money balance(String org, String account, String counterparty) {
        return ledger.balance(org, account, counterparty, null, LocalDate.of(2030, 1, 1));
    }

    private String filedCard(String target) {
        String card = "52P" + NEXT.incrementAndGet();
        crossRegion.file(new FilingDraft(card, "测试省本级参保人", OWN, "310", FilingType.RESETTLED_RETIREE, target,
                LocalDate.of(2026, 1, 1), null), ownAgency);
        return card;
    }

    /** 甲 2,000.00 + 乙 1,000.05 at 10 % + 丙 300.00 at a grade-3 hospital: fund pay 1,700.04 (see BenefitsTest). */
    private Settlement settle(Actor hospital, String card, LocalDate date) {
        return crossRegion.settle(new SettlementRequest("PLC-" + NEXT.incrementAndGet(), card, OWN, "310", date,
                List.of(new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00"), BigDecimal.ZERO),
                        new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, Money.ofYuan("1000.05"),
                                new BigDecimal("0.1")),
                        new FeeLine(FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00"), BigDecimal.ZERO)),
                false), hospital);
    }

    private Actor designatedHospital(String region, Actor designator) {
        String code = Fixtures.hospital(jdbc, region, 3, false, "（测试）省本级就医");
        crossRegion.designate(code, LocalDate.of(2026, 1, 1), null, designator);
        return Fixtures.actor("plc-h-" + code, code, Role.HOSPITAL);
    }

    @Test
    @DisplayName("registry: 贵州省本级 is marked province-level, has its own agency, and province finance keeps its fund")
    void registry() {
        assertThat(registry.isProvinceLevel(OWN)).isTrue();
        assertThat(registry.isProvinceLevel("520100")).isFalse();
        assertThat(registry.isProvinceLevel("520000")).isFalse();
        assertThat(registry.isProvinceLevel("999999")).isFalse();
        assertThat(registry.region(OWN)).get().extracting(r -> r.parentCode()).isEqualTo("520000");
        assertThat(registry.agencyOf(OWN)).get().extracting(o -> o.code()).isEqualTo(OWN_AGENCY);
        assertThat(registry.financeOf(OWN)).get().extracting(o -> o.code()).isEqualTo(PROVINCE_FINANCE);
        // A city keeps its own finance department: the fall-back is for the province's own pool only.
        assertThat(registry.financeOf("520100")).get().extracting(o -> o.code()).isEqualTo("520100-FINANCE");
    }

    @Test
    @DisplayName("guizhou-2017 三(三), 附件二 二(一)4-5、二(二)3-4、二(三)2: the province's own pool through a quarter")
    void quarter() {
        ledger.openBook(OWN_AGENCY);
        ledger.post(new BusinessEvent("opening.balance.special-account", "plc-open-" + NEXT.incrementAndGet(),
                LocalDate.of(2025, 12, 31), null, Money.ofYuan("100000.00"), Map.of("book", OWN_AGENCY), null,
                "opening-balance", OWN_AGENCY, null, null, "期初余额（测试）"));
        crossRegion.setBenefitRule(new BenefitRule(OWN, "310", 2026, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("150000.00")), ownAgency);
        quotas.openTimetable("520000", 2026, 3, centre);

        // 三(三): the first quota pays four months of past years' 14,400.00 a year = 4,800.00; an in-province quota of
        // 0.00 (no past in-province care) moves nothing and is received at once.
        Money financeSpecial = balance(PROVINCE_FINANCE, "1003", null);
        Money financeIncome = balance(PROVINCE_FINANCE, "4001.02", null);
        Money centreHeld = balance(CENTRE, "2211.02", OWN_AGENCY);
        Quota cross = quotas.size(new QuotaRequest(OWN, 2026, 3, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("14400.00"), LocalDate.of(2026, 7, 10)), centre);
        assertThat(cross.kind()).isEqualTo(QuotaKind.FIRST);
        assertThat(cross.amount()).isEqualTo(Money.ofYuan("4800.00"));
        Quota in = quotas.size(new QuotaRequest(OWN, 2026, 3, QuotaScope.IN_PROVINCE, Money.ZERO,
                LocalDate.of(2026, 7, 10)), centre);
        assertThat(in.amount()).isEqualTo(Money.ZERO);
        // 附件一 一(二): the province agency confirms; province finance (the 省本级 fund's finance) reviews and pays.
        assertThatThrownBy(() -> quotas.confirm(cross.id(), LocalDate.of(2026, 7, 14), guiyangAgency))
                .extracting("code").isEqualTo("crossregion.city-agency-only");
        quotas.confirm(cross.id(), LocalDate.of(2026, 7, 14), ownAgency);
        assertThatThrownBy(() -> quotas.review(cross.id(), LocalDate.of(2026, 7, 16), guiyangFinance))
                .extracting("code").isEqualTo("crossregion.city-finance-only");
        quotas.review(cross.id(), LocalDate.of(2026, 7, 16), provinceFinance);
        Money ownSpecial = balance(OWN_AGENCY, "1003", null);
        Quota remitted = quotas.remit(cross.id(), LocalDate.of(2026, 7, 20), provinceFinance);
        assertThat(remitted.state()).isEqualTo(QuotaState.REMITTED);
        assertThat(quotas.remit(cross.id(), LocalDate.of(2026, 7, 20), provinceFinance).state())
                .isEqualTo(QuotaState.REMITTED);
        List<PostedEntry> remittance = reports.entriesOfDocument("crossregion-quota", cross.id());
        assertThat(remittance).extracting(PostedEntry::bookOrgCode).containsExactly(OWN_AGENCY);
        assertThat(remittance.get(0).ruleType()).isEqualTo("crossregion.prepayment.province-to-centre");
        assertThat(remittance.get(0).article()).contains("附件二 二(一)4-5");
        assertThat(ownSpecial.minus(balance(OWN_AGENCY, "1003", null))).isEqualTo(Money.ofYuan("4800.00"));
        assertThat(balance(OWN_AGENCY, "1211.02", CENTRE)).isEqualTo(Money.ofYuan("4800.00"));
        quotas.receive(cross.id(), LocalDate.of(2026, 7, 22), centre);
        // 附件二 一(一)3's 县区部分 is a city's: the province's own pool has no counties to split its quota over.
        assertThatThrownBy(() -> counties.split(cross.id(), List.of(new RegionFundPay(OWN, Money.ofYuan("1.00"))),
                LocalDate.of(2026, 7, 22), ownAgency)).extracting("code").isEqualTo("crossregion.no-counties");
        assertThat(balance(CENTRE, "2211.02", OWN_AGENCY).minus(centreHeld)).isEqualTo(Money.ofYuan("4800.00"));
        // Annex 2 一 has no finance entry for the province's own pool: province finance's books did not move.
        assertThat(balance(PROVINCE_FINANCE, "1003", null)).isEqualTo(financeSpecial);
        assertThat(balance(PROVINCE_FINANCE, "4001.02", null)).isEqualTo(financeIncome);
        quotas.confirm(in.id(), LocalDate.of(2026, 7, 14), ownAgency);
        quotas.review(in.id(), LocalDate.of(2026, 7, 16), provinceFinance);
        assertThat(quotas.remit(in.id(), LocalDate.of(2026, 7, 20), provinceFinance).state())
                .isEqualTo(QuotaState.RECEIVED);
        assertThat(reports.entriesOfDocument("crossregion-quota", in.id())).isEmpty();
        assertThat(audit.problems()).isEmpty();

        // August: one 省本级 insured treated in Henan (cross-province), one treated in 贵阳市 (in-province).
        Actor henanHospital = designatedHospital("410402", henanCentre);
        Actor guiyangHospital = designatedHospital("520102", centre);
        Settlement away = settle(henanHospital, filedCard("410000"), LocalDate.of(2026, 8, 12));
        settle(guiyangHospital, filedCard("520100"), LocalDate.of(2026, 8, 13));
        assertThat(away.payments().fundPay()).isEqualTo(Money.ofYuan("1700.04"));

        // 附件一 三(一): 3260/3261 for 省本级, then the month's clearing, one PAY clearing against Henan.
        Header header = new Header("410000", OWN);
        CrossRegionClearing.DetailPage page = clearing.details(2026, 8, header, 1, centre);
        assertThat(page.total()).isEqualTo(1);
        assertThat(page.rows().get(0).insuredRegion()).isEqualTo(OWN);
        clearing.confirm(2026, 8, header, "PLC-3261-" + NEXT.incrementAndGet(), page.rows().stream()
                .map(d -> new Answer(d.mdtrtId(), d.setlSn(), "1")).toList(), LocalDate.of(2026, 9, 8), centre);
        List<Clearing> month = clearing.clearMonth(2026, 8, LocalDate.of(2026, 9, 10), centre);
        Clearing pay = month.stream().filter(c -> c.cityRegionCode().equals(OWN)).findFirst().orElseThrow();
        assertThat(pay.cityName()).isEqualTo("贵州省本级");
        assertThat(pay.amount()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(audit.problems()).isEmpty();

        // 附件一 三(二): the quarter's in-province clearing has a 省本级 row of its own, cross + in-province.
        List<Clearing> issued = clearing.issueQuarter("520000", 2026, 3, LocalDate.of(2026, 10, 12), centre);
        Clearing own = issued.stream().filter(c -> c.cityRegionCode().equals(OWN)).findFirst().orElseThrow();
        assertThat(own.parts()).extracting(CrossRegionClearing.Part::insuredRegion).containsExactly(OWN);
        assertThat(own.parts().get(0).crossProvince()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(own.parts().get(0).inProvince()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(own.amount()).isEqualTo(Money.ofYuan("3400.08"));

        // Only the province agency confirms (贵阳市 cannot even see it, the centre is not the insured region's agency).
        assertThatThrownBy(() -> clearing.confirmQuarter(own.id(), LocalDate.of(2026, 10, 15), guiyangAgency))
                .extracting("code").isEqualTo("crossregion.clearing-unknown");
        assertThatThrownBy(() -> clearing.confirmQuarter(own.id(), LocalDate.of(2026, 10, 15), centre))
                .extracting("code").isEqualTo("crossregion.city-agency-only");
        Money expense = balance(OWN_AGENCY, "5001", null);
        Clearing confirmed = clearing.confirmQuarter(own.id(), LocalDate.of(2026, 10, 15), ownAgency);
        assertThat(confirmed.state()).isEqualTo(ClearingState.CITY_CONFIRMED);
        assertThat(clearing.confirmQuarter(own.id(), LocalDate.of(2026, 10, 15), ownAgency).state())
                .isEqualTo(ClearingState.CITY_CONFIRMED);
        // 附件二 二(二)3: 借 医保费用支出（省本级） 3,400.08 / 贷 暂付款—异地就医款（省本级） 3,400.08, nothing else.
        List<PostedEntry> writeDown = reports.entriesOfDocument("crossregion-clearing", own.id());
        assertThat(writeDown).extracting(PostedEntry::ruleType)
                .containsExactly("crossregion.clearing.province-own");
        assertThat(writeDown.get(0).bookOrgCode()).isEqualTo(OWN_AGENCY);
        assertThat(writeDown.get(0).article()).isEqualTo("guizhou-2017 附件一 三(二)2、附件二 二(二)3");
        assertThat(balance(OWN_AGENCY, "5001", null).minus(expense)).isEqualTo(Money.ofYuan("3400.08"));
        assertThat(balance(OWN_AGENCY, "1211.02", CENTRE)).isEqualTo(Money.ofYuan("1399.92"));
        // The usage rate counts what the clearing confirmed (五(二)).
        assertThat(quotas.usage(new QuotaKey(OWN, 2026, 3, QuotaScope.IN_PROVINCE), LocalDate.of(2026, 10, 16),
                centre).cleared()).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(audit.problems()).isEmpty();

        // 附件一 三(二)3, 附件二 二(三)2: the centre writes the in-province part down against the province agency.
        Money held = balance(CENTRE, "2211.02", OWN_AGENCY);
        assertThat(clearing.postQuarter(own.id(), LocalDate.of(2026, 10, 20), centre).state())
                .isEqualTo(ClearingState.POSTED);
        assertThat(held.minus(balance(CENTRE, "2211.02", OWN_AGENCY))).isEqualTo(Money.ofYuan("1700.04"));

        // 附件一 三(一), 附件二 二(二)4: the month's payment writes the centre's prepayment to Henan down against 省本级.
        clearing.submitMonth(2026, 8, LocalDate.of(2026, 10, 12), centre);
        held = balance(CENTRE, "2211.02", OWN_AGENCY);
        Money henan = balance(CENTRE, "1211.03", "410000-CENTRE");
        clearing.payMonth(2026, 8, LocalDate.of(2026, 10, 16), provinceFinance);
        assertThat(held.minus(balance(CENTRE, "2211.02", OWN_AGENCY))).isEqualTo(Money.ofYuan("1700.04"));
        assertThat(henan.minus(balance(CENTRE, "1211.03", "410000-CENTRE"))).isEqualTo(Money.ofYuan("1700.04"));
        audit.assertSound();
    }
}
