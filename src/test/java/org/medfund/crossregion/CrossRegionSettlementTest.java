package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * guizhou-2017 三(一)(二), 四(二)(三), 五(一) end to end on the database: a Guizhou insured person filed by the insured
 * region's agency settles at a designated Henan hospital's discharge desk; the refusals name their reason. Each test
 * uses its own card numbers and hospitals; benefit parameters are the insured region's data (三级 900.00 at 85 %,
 * cap 150,000.00, set identically by every test that needs them).
 */
@DatabaseTest
class CrossRegionSettlementTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final LocalDate DAY = LocalDate.of(2026, 3, 2);

    @Autowired
    CrossRegion crossRegion;
    @Autowired
    JdbcClient jdbc;

    private final Actor henanCentre = Fixtures.actor("cr-ha-centre", "410000-CENTRE", Role.CLERK);
    private final Actor guizhouCentre = Fixtures.actor("cr-gz-centre", "520000-CENTRE", Role.CLERK);

    private static String card() {
        return "52T" + NEXT.incrementAndGet();
    }

    private static Actor agency(String region) {
        return Fixtures.actor("cr-" + region, region + "-AGENCY", Role.CLERK);
    }

    /** A new grade-3 Henan hospital, designated for cross-province settlement from 2026-01-01. */
    private Actor designatedHospital() {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）跨省定点");
        crossRegion.designate(code, LocalDate.of(2026, 1, 1), null, henanCentre);
        return Fixtures.actor("cr-h-" + code, code, Role.HOSPITAL);
    }

    private void rules(String region, int year) {
        crossRegion.setBenefitRule(new BenefitRule(region, "310", year, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("150000.00")), agency(region));
    }

    private Filing file(String card, String region, FilingType type, LocalDate from, LocalDate to) {
        return crossRegion.file(new FilingDraft(card, "测试参保人", region, "310", type, "410000", from, to),
                agency(region));
    }

    /** 甲 2,000.00 + 乙 1,000.05 at 10 % + 丙 300.00: fund 1,700.04 at grade 3 (see BenefitsTest). */
    private static SettlementRequest bill(String setlId, String card, String region, LocalDate date,
                                          boolean useAccount) {
        return new SettlementRequest(setlId, card, region, "310", date, List.of(
                new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00"), BigDecimal.ZERO),
                new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, Money.ofYuan("1000.05"),
                        new BigDecimal("0.1")),
                new FeeLine(FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00"), BigDecimal.ZERO)),
                useAccount);
    }

    private static void refused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    private long annualUse(String card) {
        return jdbc.sql("select coalesce(sum(fund_paid_fen), 0) from cr_annual_use where card_no = :c")
                .param("c", card).query(Long.class).single();
    }

    @Test
    @DisplayName("guizhou-2017 四(二): settle books the visit once per setl_id; preview writes nothing")
    void settleOnce() {
        Actor hospital = designatedHospital();
        rules("520100", 2026);
        String card = card();
        Filing filing = file(card, "520100", FilingType.RESETTLED_RETIREE, LocalDate.of(2026, 1, 1), null);
        assertThat(filing.id()).startsWith("520100-");
        crossRegion.setAccountBalance("520100", card, Money.ofYuan("500.00"), agency("520100"));

        Settlement preview = crossRegion.preview(bill("S1", card, "520100", DAY, true), hospital);
        assertThat(preview.id()).isNull();
        assertThat(annualUse(card)).isZero();

        Settlement settled = crossRegion.settle(bill("S1", card, "520100", DAY, true), hospital);
        assertThat(settled.payments()).isEqualTo(preview.payments());
        assertThat(settled.payments().fundPay()).isEqualTo(Money.ofFen(170_004));
        assertThat(settled.payments().accountPay()).isEqualTo(Money.ofYuan("500.00"));
        assertThat(settled.payments().cashPay()).isEqualTo(Money.ofFen(110_001));
        assertThat(settled.filingId()).isEqualTo(filing.id());
        assertThat(settled.derivations()).allSatisfy(d -> assertThat(d.citation()).contains("guizhou-2017", "四(二)"));
        assertThat(settled.derivations().get(0).citation()).contains("就医地");
        assertThat(settled.derivations().get(5).citation()).contains("参保地贵阳市");
        assertThat(annualUse(card)).isEqualTo(170_004);

        Settlement again = crossRegion.settle(bill("S1", card, "520100", DAY, true), hospital);
        assertThat(again.id()).isEqualTo(settled.id());
        assertThat(again.payments()).isEqualTo(settled.payments());
        assertThat(annualUse(card)).isEqualTo(170_004);
        refused(() -> crossRegion.settle(bill("S1", card, "520100", DAY.plusDays(1), true), hospital),
                "crossregion.setl-id-reused");

        // The account is spent: a second visit pays cash only.
        Settlement second = crossRegion.settle(bill("S2", card, "520100", DAY, true), hospital);
        assertThat(second.payments().accountPay()).isEqualTo(Money.ZERO);
        assertThat(annualUse(card)).isEqualTo(2 * 170_004);

        // Reversal gives the annual use and the account back, once.
        Settlement reversed = crossRegion.reverse("S1", DAY.plusDays(1), hospital);
        assertThat(reversed.state()).isEqualTo(SettlementState.REVERSED);
        assertThat(crossRegion.reverse("S1", DAY.plusDays(2), hospital).reversedOn()).isEqualTo(DAY.plusDays(1));
        assertThat(annualUse(card)).isEqualTo(170_004);
        assertThat(crossRegion.preview(bill("S3", card, "520100", DAY, true), hospital).payments().accountPay())
                .isEqualTo(Money.ofYuan("500.00"));
    }

    @Test
    @DisplayName("guizhou-2017 三(一): a filing valid to yesterday is refused, one valid to today settles")
    void filingValidity() {
        Actor hospital = designatedHospital();
        rules("520100", 2026);
        String expired = card();
        file(expired, "520100", FilingType.RESETTLED_RETIREE, LocalDate.of(2025, 1, 1), DAY.minusDays(1));
        refused(() -> crossRegion.preview(bill("V1", expired, "520100", DAY, false), hospital),
                "crossregion.no-valid-filing");
        String lastDay = card();
        file(lastDay, "520100", FilingType.RESETTLED_RETIREE, LocalDate.of(2025, 1, 1), DAY);
        assertThat(crossRegion.preview(bill("V2", lastDay, "520100", DAY, false), hospital).payments().fundPay())
                .isEqualTo(Money.ofFen(170_004));
        String notYet = card();
        file(notYet, "520100", FilingType.RESETTLED_RETIREE, DAY.plusDays(1), null);
        refused(() -> crossRegion.preview(bill("V3", notYet, "520100", DAY, false), hospital),
                "crossregion.no-valid-filing");
        // A filing for another province does not cover a Henan hospital.
        String elsewhere = card();
        crossRegion.file(new FilingDraft(elsewhere, "测试参保人", "520100", "310", FilingType.RESETTLED_RETIREE,
                "460000", LocalDate.of(2026, 1, 1), null), agency("520100"));
        refused(() -> crossRegion.preview(bill("V4", elsewhere, "520100", DAY, false), hospital),
                "crossregion.no-valid-filing");
    }

    @Test
    @DisplayName("guizhou-2017 一, 二(一): a filing type is settled only from its go-live date in the insured region")
    void rollout() {
        Actor hospital = designatedHospital();
        String code = hospital.orgCode();
        crossRegion.designate(code, LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31), henanCentre);
        rules("520100", 2017);
        rules("520200", 2017);
        LocalDate july = LocalDate.of(2017, 7, 1);
        // Guiyang piloted resettled retirees from 2017-06-30; 六盘水 opened with the rest of the province at year end.
        String pilot = card();
        file(pilot, "520100", FilingType.RESETTLED_RETIREE, LocalDate.of(2017, 6, 1), null);
        assertThat(crossRegion.preview(bill("R1", pilot, "520100", july, false), hospital).filingId()).isNotNull();
        String later = card();
        file(later, "520200", FilingType.RESETTLED_RETIREE, LocalDate.of(2017, 6, 1), null);
        assertThatThrownBy(() -> crossRegion.preview(bill("R2", later, "520200", july, false), hospital))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("crossregion.filing-type-not-enabled");
                    assertThat(e.getMessage()).contains("2017-12-31");
                });
        assertThat(crossRegion.preview(bill("R3", later, "520200", LocalDate.of(2017, 12, 31), false), hospital)
                .filingId()).isNotNull();
        // 异地长期居住 is not opened by this notice at all.
        rules("520100", 2026);
        String resident = card();
        file(resident, "520100", FilingType.LONG_TERM_RESIDENT, LocalDate.of(2026, 1, 1), null);
        refused(() -> crossRegion.preview(bill("R4", resident, "520100", DAY, false), hospital),
                "crossregion.filing-type-not-enabled");
    }

    @Test
    @DisplayName("guizhou-2017 五(一): a suspended insured region settles again from the day it is lifted")
    void suspension() {
        Actor hospital = designatedHospital();
        rules("520300", 2026);
        String card = card();
        file(card, "520300", FilingType.REFERRAL, LocalDate.of(2026, 1, 1), null);
        refused(() -> crossRegion.suspend("520300", DAY, "测试", agency("520300")), "crossregion.centre-only");
        Suspension suspension = crossRegion.suspend("520300", DAY, "2026年第一季度预付金逾期未上解", guizhouCentre);
        refused(() -> crossRegion.suspend("520300", DAY, "再次", guizhouCentre), "crossregion.already-suspended");
        assertThat(crossRegion.preview(bill("P0", card, "520300", DAY.minusDays(1), false), hospital).payments()
                .fundPay()).isEqualTo(Money.ofFen(170_004));
        refused(() -> crossRegion.settle(bill("P1", card, "520300", DAY, false), hospital),
                "crossregion.region-suspended");
        crossRegion.lift(suspension.id(), DAY.plusDays(8), guizhouCentre);
        refused(() -> crossRegion.settle(bill("P2", card, "520300", DAY.plusDays(7), false), hospital),
                "crossregion.region-suspended");
        assertThat(crossRegion.settle(bill("P3", card, "520300", DAY.plusDays(8), false), hospital).id()).isNotNull();
        // A county of the suspended city is suspended with it.
        crossRegion.suspend("520300", DAY.plusDays(20), "再次逾期", guizhouCentre);
        rules("520302", 2026);
        String county = card();
        file(county, "520302", FilingType.REFERRAL, LocalDate.of(2026, 1, 1), null);
        refused(() -> crossRegion.preview(bill("P4", county, "520302", DAY.plusDays(20), false), hospital),
                "crossregion.region-suspended");
    }

    @Test
    @DisplayName("guizhou-2017 四(三): only a hospital designated on the settlement day may settle")
    void designation() {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）未定点");
        Actor hospital = Fixtures.actor("cr-h-" + code, code, Role.HOSPITAL);
        rules("520100", 2026);
        String card = card();
        file(card, "520100", FilingType.RESETTLED_RETIREE, LocalDate.of(2026, 1, 1), null);
        refused(() -> crossRegion.preview(bill("D1", card, "520100", DAY, false), hospital),
                "crossregion.hospital-not-designated");
        refused(() -> crossRegion.designate(code, DAY, null, guizhouCentre), "crossregion.centre-only");
        crossRegion.designate(code, DAY.plusDays(1), DAY.plusDays(30), henanCentre);
        refused(() -> crossRegion.designate(code, DAY.plusDays(30), null, henanCentre),
                "crossregion.designation-overlaps");
        refused(() -> crossRegion.preview(bill("D2", card, "520100", DAY, false), hospital),
                "crossregion.hospital-not-designated");
        assertThat(crossRegion.preview(bill("D3", card, "520100", DAY.plusDays(30), false), hospital).id()).isNull();
        refused(() -> crossRegion.preview(bill("D4", card, "520100", DAY.plusDays(31), false), hospital),
                "crossregion.hospital-not-designated");
    }

    @Test
    @DisplayName("guizhou-2017 四(二): the cap runs out in the middle of a bill; a used-up cap is refused")
    void annualCap() {
        Actor hospital = designatedHospital();
        crossRegion.setBenefitRule(new BenefitRule("520400", "310", 2026, List.of(
                new BenefitRule.GradeTerms(1, Money.ZERO, BigDecimal.ONE),
                new BenefitRule.GradeTerms(2, Money.ZERO, BigDecimal.ONE),
                new BenefitRule.GradeTerms(3, Money.ZERO, BigDecimal.ONE)), Money.ofYuan("3000.00")),
                agency("520400"));
        String card = card();
        file(card, "520400", FilingType.RESETTLED_RETIREE, LocalDate.of(2026, 1, 1), null);
        SettlementRequest first = new SettlementRequest("C1", card, "520400", "310", DAY,
                List.of(new FeeLine(FeeCategory.SURGERY, CatalogueClass.A, Money.ofYuan("2999.99"), BigDecimal.ZERO)),
                false);
        assertThat(crossRegion.settle(first, hospital).payments().fundPay()).isEqualTo(Money.ofYuan("2999.99"));
        // One fen short of the cap: the next bill's fund pay is that fen.
        Settlement second = crossRegion.settle(bill("C2", card, "520400", DAY, false), hospital);
        assertThat(second.payments().fundPay()).isEqualTo(Money.ofFen(1));
        assertThat(second.payments().cashPay()).isEqualTo(Money.ofFen(330_004));
        refused(() -> crossRegion.settle(bill("C3", card, "520400", DAY, false), hospital), "crossregion.cap-used");
    }

    @Test
    @DisplayName("guizhou-2017 三(二): fee details sent later must add up per category and class to the settlement")
    void details() {
        Actor hospital = designatedHospital();
        rules("520100", 2026);
        String card = card();
        file(card, "520100", FilingType.RESETTLED_RETIREE, LocalDate.of(2026, 1, 1), null);
        crossRegion.settle(bill("F1", card, "520100", DAY, false), hospital);
        List<FeeDetail> wrong = List.of(
                new FeeDetail("1", "B01", "床位费", FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00")),
                new FeeDetail("2", "X01", "阿莫西林", FeeCategory.WESTERN_MEDICINE, CatalogueClass.B,
                        Money.ofYuan("1000.00")),
                new FeeDetail("3", "M01", "材料", FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00")));
        assertThatThrownBy(() -> crossRegion.attachDetails("F1", wrong, hospital))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("crossregion.details-mismatch");
                    assertThat(e.getMessage()).contains("西药费", "1,000.00", "1,000.05");
                });
        List<FeeDetail> right = List.of(wrong.get(0), wrong.get(2),
                new FeeDetail("2", "X01", "阿莫西林", FeeCategory.WESTERN_MEDICINE, CatalogueClass.B,
                        Money.ofYuan("600.05")),
                new FeeDetail("4", "X02", "头孢", FeeCategory.WESTERN_MEDICINE, CatalogueClass.B,
                        Money.ofYuan("400.00")));
        assertThat(crossRegion.attachDetails("F1", right, hospital).detailCount()).isEqualTo(4);
        assertThat(crossRegion.attachDetails("F1", right, hospital).detailCount()).isEqualTo(4);
        refused(() -> crossRegion.attachDetails("F1", wrong, hospital), "crossregion.details-present");
    }

    @Test
    @DisplayName("guizhou-2017 三(一): filings travel as a file, imported all or nothing, and the treatment side finds them")
    void exchangeFile() {
        String card = card();
        Filing filing = file(card, "520500", FilingType.POSTED_WORKER, LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 12, 31));
        String exported = crossRegion.exportFilings("520500", agency("520500"));
        assertThat(exported).startsWith("filing_id,card_no,").contains(filing.id() + "," + card + ",测试参保人,520500");
        // Importing what is already there changes nothing.
        String own = exported.lines().filter(l -> l.startsWith("filing_id") || l.contains("," + card + ","))
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        assertThat(crossRegion.importFilings(own, henanCentre)).isEqualTo(new CrossRegion.FilingImport(1, 0, 1));

        String other = card();
        String header = own.lines().findFirst().orElseThrow();
        String good = "GZ-X-" + other + "," + other + ",外省导入,520500,310,RESETTLED_RETIREE,410000,2026-01-01,,520500-AGENCY";
        String bad = "GZ-Y-" + other + "," + other + ",外省导入,520500,310,NO_SUCH_TYPE,410000,2026-01-01,,520500-AGENCY";
        String badDate = "GZ-Z-" + other + "," + other + ",外省导入,520500,310,REFERRAL,410000,2026-13-01,,520500-AGENCY";
        assertThatThrownBy(() -> crossRegion.importFilings(String.join("\n", header, good, bad, badDate), henanCentre))
                .isInstanceOfSatisfying(FilingFileRejection.class, e -> {
                    assertThat(e.errors()).extracting(FilingFileRejection.LineError::line).containsExactly(3, 4);
                    assertThat(e.errors()).extracting(FilingFileRejection.LineError::field)
                            .containsExactly("filing_type", "valid_from");
                });
        Actor hospital = designatedHospital();
        assertThat(crossRegion.filings(other, hospital)).isEmpty(); // nothing of the refused file was imported
        assertThat(crossRegion.importFilings(String.join("\n", header, good), henanCentre))
                .isEqualTo(new CrossRegion.FilingImport(1, 1, 0));
        List<Filing> found = crossRegion.filings(other, hospital);
        assertThat(found).singleElement().satisfies(f -> {
            assertThat(f.source()).isEqualTo(FilingSource.IMPORTED);
            assertThat(f.type()).isEqualTo(FilingType.RESETTLED_RETIREE);
        });
        // A Hainan hospital is not the target and does not see it.
        String hainan = Fixtures.hospital(jdbc, "460108", 3, false, "（测试）海南");
        assertThat(crossRegion.filings(other, Fixtures.actor("cr-hn", hainan, Role.HOSPITAL))).isEmpty();
    }
}
