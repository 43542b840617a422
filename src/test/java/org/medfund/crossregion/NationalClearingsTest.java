package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
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
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.TransferStatus;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The national clearing money, both directions, both regimes (guizhou-2017 附件一 三(一), 附件二 二(二)4 mirrored;
 * henan-2023 四(一), 一(二)(三), 四(三)). Guizhou, a province that only receives through the national file (its 付款
 * is the 3261 clearing): April 2026's 收款 writes Henan's prepayment down and reimburses 贵阳市 in transit until it
 * confirms. Henan, May and April 2026: 付款 out of 平顶山's cross-province pot and 信阳's employee remittance, 收款 on to
 * the treatment city; a zero row; a city paying and receiving the same amount (net zero); a file with one bad line
 * refused whole; the same file again idempotent. The seed gives no amounts: the figures are made up. Ledger audit
 * after each scenario; balances are compared with their value before the scenario (the demo world shares them).
 */
@DatabaseTest
class NationalClearingsTest {

    static final String HEADER = "trt_year,trt_month,seqno,mdtrtarea_admvs,insuplc_admdvs,medins_no,certno,mdtrt_id,"
            + "mdtrt_setl_time,setl_sn,fulamt_advpay_flag,medfee_sumamt,optins_pay_sumamt";

    @Autowired
    CrossRegionDocuments documents;
    @Autowired
    NationalClearings national;
    @Autowired
    CrossRegionFunding funding;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    ApplicationContext context;

    private final Actor gzCentre = new Actor("t-nc-gzc", "520000-CENTRE", Set.of(Role.CLERK));
    private final Actor gzFinance = new Actor("t-nc-gzf", "520000-FINANCE", Set.of(Role.FINANCE));
    private final Actor guiyang = new Actor("t-nc-gy", "520100-AGENCY", Set.of(Role.CLERK));
    private final Actor haCentre = new Actor("t-nc-hac", "410000-CENTRE", Set.of(Role.CLERK));
    private final Actor haFinance = new Actor("t-nc-haf", "410000-FINANCE", Set.of(Role.FINANCE));
    private final Actor pds = new Actor("t-nc-pds", "410400-AGENCY", Set.of(Role.CLERK));
    private final Actor xy = new Actor("t-nc-xy", "411500-AGENCY", Set.of(Role.CLERK));

    @BeforeEach
    void world() {
        TestDemo.ensure(context);
    }

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    private static byte[] csv(String header, String... rows) {
        return (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private Money balance(String org, String account, String counterparty) {
        return ledger.balance(org, account, counterparty, null, LocalDate.of(2030, 1, 1));
    }

    private static NationalClearingLine line(List<NationalClearingLine> lines, String id) {
        return lines.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("guizhou-2017 附件一 三(一), 附件二 二(二)4: a 收款 clearing writes the other province's prepayment down"
            + " and reimburses the treatment city, in transit until it confirms; 付款 rows stay with the 3261 clearing")
    void guizhouReceives() {
        // 2 visits of Henan's insured in 贵阳市 (one of 0.00 fund pay) and 1 of Guizhou's insured in Henan.
        byte[] file = csv(HEADER,
                "2026,4,1,520102,410402,H52010200001,410402195001010011,NC-GZ-M1,2026-04-03,NC-GZ-S1,0,9000.00,6300.00",
                "2026,4,2,520102,411502,H52010200001,411502195001010022,NC-GZ-M2,2026-04-09 10:00:00,NC-GZ-S2,0,"
                        + "120.00,0.00",
                "2026,4,3,410402,520102,H41040200001,520102195001010033,NC-GZ-M3,2026-04-12,NC-GZ-S3,0,5000.00,"
                        + "3500.00");
        Money owedByHenan = balance("520000-CENTRE", "1211.03", "410000-CENTRE");
        Money heldForGuiyang = balance("520000-CENTRE", "2211.02", "520100-AGENCY");
        Money provinceSpecial = balance("520000-FINANCE", "1003", null);
        Money guiyangSpecial = balance("520100-AGENCY", "1003", null);
        Money guiyangBenefits = balance("520100-AGENCY", "5001", null);
        documents.importNational(NationalFileKind.CLEARING_DETAIL, "2026-04.csv", file, LocalDate.of(2026, 5, 8),
                gzCentre);

        assertThatThrownBy(() -> national.submit(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 8), guiyang))
                .extracting("code").isEqualTo("crossregion.centre-only");
        List<NationalClearingLine> lines = national.submit(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 8), gzCentre);
        // The 付款 row is not booked here (the 3261 clearing books it, 附件二 二(二)4): one 收款 line for 贵阳市.
        assertThat(lines).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo("NCL-2026-04-R-520100-410000");
            assertThat(l.direction()).isEqualTo(NationalDirection.INBOUND);
            assertThat(l.rows()).isEqualTo(2);
            assertThat(l.fundPay()).isEqualTo(yuan("6300.00"));
            assertThat(l.medicalFee()).isEqualTo(yuan("9120.00"));
            assertThat(l.derivation().citation()).isEqualTo("guizhou-2017 v1, guizhou-2017 附件一 三(一)");
            assertThat(l.state()).isEqualTo(NationalClearingState.SUBMITTED);
        });
        assertThat(national.submit(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 9), gzCentre)).isEqualTo(lines);
        assertThatThrownBy(() -> national.pay(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 12), gzCentre))
                .extracting("code").isEqualTo("crossregion.province-finance-only");

        NationalClearingLine paid = national.pay(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 12), gzFinance).get(0);
        assertThat(paid.state()).isEqualTo(NationalClearingState.IN_TRANSIT);
        assertThat(national.pay(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 12), gzFinance)).containsExactly(paid);
        // Henan's prepayment held by the centre is written down (or Henan now owes the difference) …
        assertThat(balance("520000-CENTRE", "1211.03", "410000-CENTRE")).isEqualTo(owedByHenan.plus(yuan("6300.00")));
        // … the centre's debt to 贵阳市 is paid at once, the city's side is in transit.
        assertThat(balance("520000-CENTRE", "2211.02", "520100-AGENCY")).isEqualTo(heldForGuiyang);
        assertThat(balance("520000-FINANCE", "1003", null)).isEqualTo(provinceSpecial.minus(yuan("6300.00")));
        assertThat(ledger.transfer(paid.id()).orElseThrow().status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(balance("520100-AGENCY", "1003", null)).isEqualTo(guiyangSpecial);
        assertThat(audit.problems()).isEmpty();

        assertThatThrownBy(() -> national.receive(paid.id(), LocalDate.of(2026, 5, 14), pds))
                .extracting("code").isEqualTo("crossregion.national-clearing-unknown");
        assertThatThrownBy(() -> national.receive(paid.id(), LocalDate.of(2026, 5, 11), guiyang))
                .extracting("code").isEqualTo("crossregion.dates-reversed");
        NationalClearingLine received = national.receive(paid.id(), LocalDate.of(2026, 5, 14), guiyang);
        assertThat(received.state()).isEqualTo(NationalClearingState.RECEIVED);
        assertThat(national.receive(paid.id(), LocalDate.of(2026, 5, 14), guiyang)).isEqualTo(received);
        assertThat(balance("520100-AGENCY", "1003", null)).isEqualTo(guiyangSpecial.plus(yuan("6300.00")));
        assertThat(balance("520100-AGENCY", "5001", null)).isEqualTo(guiyangBenefits.minus(yuan("6300.00")));
        assertThat(national.lines(YearMonth.of(2026, 4), guiyang)).containsExactly(received);
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 四(一): 付款 out of the cross-province pot and the employee remittance, 收款 on to the"
            + " treatment city, per insurance type; a zero row; a month paid and received netting to zero")
    void henanBothDirections() {
        String typed = HEADER + ",insutype";
        // 平顶山 residents treated in Hebei 10,000.00 + 2,345.67; 信阳 employees in Beijing 8,000.00; Hebei's resident
        // treated in 信阳 received 4,000.00, a Beijing employee in 信阳 8,000.00 (信阳's employee money nets to zero);
        // Beijing's resident in 平顶山 with 0.00 fund pay.
        byte[] file = csv(typed,
                "2026,5,1,130100,410400,H13,410400196001010001,NC-HA-M1,2026-05-02,NC-HA-S1,0,14000.00,10000.00,390",
                "2026,5,2,130200,410400,H13,410400196001010002,NC-HA-M2,2026-05-06,NC-HA-S2,0,3000.00,2345.67,390",
                "2026,5,3,110100,411500,H11,411500196001010003,NC-HA-M3,2026-05-09,NC-HA-S3,0,9000.00,8000.00,310",
                "2026,5,4,411500,130100,H41150200001,130100196001010004,NC-HA-M4,2026-05-11,NC-HA-S4,0,5000.00,"
                        + "4000.00,390",
                "2026,5,5,411500,110100,H41150200001,110100196001010005,NC-HA-M5,2026-05-13,NC-HA-S5,0,9500.00,"
                        + "8000.00,310",
                "2026,5,6,410400,110100,H41040200001,110100196001010006,NC-HA-M6,2026-05-20,NC-HA-S6,0,200.00,"
                        + "0.00,390");
        // An untyped file is refused for Henan (its money is per insurance type), one bad line refuses the file whole.
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.CLEARING_DETAIL, "x.csv", csv(HEADER,
                "2026,5,1,130100,410400,H13,C1,M1,2026-05-02,S1,0,100.00,50.00"), LocalDate.of(2026, 6, 5),
                haCentre)).isInstanceOfSatisfying(NationalFileRejection.class, r -> assertThat(r.errors().get(0)
                .field()).isEqualTo("header"));
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.CLEARING_DETAIL, "bad.csv", csv(typed,
                "2026,5,1,130100,410400,H13,C1,NC-HA-B1,2026-05-02,NC-HA-B1,0,100.00,50.00,390",
                "2026,5,2,130100,410400,H13,C2,NC-HA-B2,2026-05-02,NC-HA-B2,0,100.00,50.00,320"),
                LocalDate.of(2026, 6, 5), haCentre)).isInstanceOfSatisfying(NationalFileRejection.class,
                r -> assertThat(r.errors()).extracting(NationalFileRejection.LineError::line,
                        NationalFileRejection.LineError::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "insutype")));
        assertThatThrownBy(() -> national.submit(YearMonth.of(2026, 5), LocalDate.of(2026, 6, 5), haCentre))
                .extracting("code").isEqualTo("crossregion.national-detail-missing");

        Money potUsed = pot("410400");
        Money xyRemitted = balance("411500-FINANCE", "1211", "410000-FINANCE");
        Money heldForPds = balance("410000-FINANCE", "2211", "410400-FINANCE");
        Money heldForXy = balance("410000-FINANCE", "2211", "411500-FINANCE");
        Money special = balance("410000-FINANCE", "1003", null);
        Money xyExpenditure = balance("411500-AGENCY", "1004", null);
        Money xyBenefits = balance("411500-AGENCY", "5001", null);
        NationalImport.Outcome first = documents.importNational(NationalFileKind.CLEARING_DETAIL, "2026-05.csv", file,
                LocalDate.of(2026, 6, 5), haCentre);
        assertThat(first.added()).isTrue();
        assertThat(documents.importNational(NationalFileKind.CLEARING_DETAIL, "2026-05.csv", file,
                LocalDate.of(2026, 6, 6), haCentre).added()).isFalse();

        List<NationalClearingLine> lines = national.submit(YearMonth.of(2026, 5), LocalDate.of(2026, 6, 5), haCentre);
        assertThat(lines).extracting(NationalClearingLine::id).containsExactly(
                "NCL-2026-05-R-410400-110000-390", "NCL-2026-05-P-410400-130000-390",
                "NCL-2026-05-R-411500-110000-310", "NCL-2026-05-R-411500-130000-390",
                "NCL-2026-05-P-411500-110000-310");
        assertThat(line(lines, "NCL-2026-05-P-410400-130000-390").fundPay()).isEqualTo(yuan("12345.67"));
        assertThat(line(lines, "NCL-2026-05-P-410400-130000-390").insuranceTypeName()).isEqualTo("城乡居民基本医疗保险");
        assertThat(line(lines, "NCL-2026-05-R-411500-110000-310").counterpartName()).isEqualTo("北京市");
        assertThat(line(lines, "NCL-2026-05-R-410400-110000-390").fundPay()).isEqualTo(Money.ZERO);
        // 付款 charges the insured city's money at once: 平顶山's cross-province pot, 信阳's employee remittance.
        assertThat(pot("410400")).isEqualTo(potUsed.plus(yuan("12345.67")));
        assertThat(balance("411500-FINANCE", "1211", "410000-FINANCE")).isEqualTo(xyRemitted.minus(yuan("8000.00")));
        assertThat(audit.problems()).isEmpty();

        List<NationalClearingLine> paid = national.pay(YearMonth.of(2026, 5), LocalDate.of(2026, 6, 16), haFinance);
        assertThat(line(paid, "NCL-2026-05-P-410400-130000-390").state()).isEqualTo(NationalClearingState.DONE);
        assertThat(line(paid, "NCL-2026-05-R-410400-110000-390").state()).isEqualTo(NationalClearingState.DONE);
        assertThat(line(paid, "NCL-2026-05-R-411500-110000-310").state()).isEqualTo(NationalClearingState.IN_TRANSIT);
        // Province finance: paid 12,345.67 + 8,000.00 out, received 8,000.00 + 4,000.00 and passed it on.
        assertThat(balance("410000-FINANCE", "1003", null)).isEqualTo(special.minus(yuan("20345.67")));
        assertThat(balance("410000-FINANCE", "2211", "410400-FINANCE")).isEqualTo(heldForPds.minus(yuan("12345.67")));
        assertThat(balance("410000-FINANCE", "2211", "411500-FINANCE")).isEqualTo(heldForXy.minus(yuan("8000.00")));
        assertThat(balance("410000-FINANCE", "2211", "411500-AGENCY")).isEqualTo(Money.ZERO);
        assertThat(audit.problems()).isEmpty();

        // 信阳 confirms both: its employee 收款 of 8,000.00 nets to zero with its 付款 of 8,000.00.
        national.receive("NCL-2026-05-R-411500-110000-310", LocalDate.of(2026, 6, 17), xy);
        national.receive("NCL-2026-05-R-411500-130000-390", LocalDate.of(2026, 6, 17), xy);
        assertThat(balance("411500-AGENCY", "1004", null)).isEqualTo(xyExpenditure.plus(yuan("12000.00")));
        assertThat(balance("411500-AGENCY", "5001", null)).isEqualTo(xyBenefits.minus(yuan("12000.00")));
        assertThat(national.lines(YearMonth.of(2026, 5), pds)).extracting(NationalClearingLine::cityRegionCode)
                .containsOnly("410400");
        assertThatThrownBy(() -> national.receive("NCL-2026-05-R-410400-110000-390", LocalDate.of(2026, 6, 17), pds))
                .extracting("code").isEqualTo("crossregion.national-clearing-state");
        // Another province sees none of Henan's lines and cannot act on them.
        assertThat(national.lines(YearMonth.of(2026, 5), gzCentre)).extracting(NationalClearingLine::cityRegionCode)
                .noneMatch(city -> city.startsWith("41"));
        assertThatThrownBy(() -> national.receive("NCL-2026-05-R-411500-130000-390", LocalDate.of(2026, 6, 17),
                guiyang)).extracting("code").isEqualTo("crossregion.national-clearing-unknown");
        assertThatThrownBy(() -> national.line("NCL-2026-05-R-411500-130000-390", gzCentre))
                .extracting("code").isEqualTo("crossregion.national-clearing-unknown");
        assertThatThrownBy(() -> national.pay(YearMonth.of(2026, 5), LocalDate.of(2026, 6, 18), haFinance))
                .extracting("code").isEqualTo("crossregion.national-clearing-state");
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 四(一): a month the province only receives — no pot or remittance is charged")
    void henanOnlyReceives() {
        byte[] file = csv(HEADER + ",insutype",
                "2026,4,1,410400,130100,H41040200001,130100196001010007,NC-HA-M7,2026-04-08,NC-HA-S7,0,3000.00,"
                        + "2100.00,390");
        Money potUsed = pot("410400");
        Money special = balance("410000-FINANCE", "1003", null);
        documents.importNational(NationalFileKind.CLEARING_DETAIL, "2026-04.csv", file, LocalDate.of(2026, 5, 6),
                haCentre);
        assertThatThrownBy(() -> national.submit(YearMonth.of(2026, 4), LocalDate.of(2026, 4, 30), haCentre))
                .extracting("code").isEqualTo("crossregion.month-not-over");
        List<NationalClearingLine> lines = national.submit(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 6), haCentre);
        assertThat(lines).extracting(NationalClearingLine::direction).containsOnly(NationalDirection.INBOUND);
        assertThat(pot("410400")).isEqualTo(potUsed);
        NationalClearingLine paid = national.pay(YearMonth.of(2026, 4), LocalDate.of(2026, 5, 12), haFinance).get(0);
        // Received and passed on at once: the special account is where it was, the money is in transit to 平顶山.
        assertThat(balance("410000-FINANCE", "1003", null)).isEqualTo(special);
        assertThat(ledger.transfer(paid.id()).orElseThrow().status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(national.receive(paid.id(), LocalDate.of(2026, 5, 13), pds).state())
                .isEqualTo(NationalClearingState.RECEIVED);
        assertThat(audit.problems()).isEmpty();
    }

    private Money pot(String region) {
        return funding.reserve(2026, haCentre).orElseThrow().shares().stream()
                .filter(s -> s.regionCode().equals(region) && s.pot() == ReservePot.CROSS_PROVINCE)
                .map(CrossRegionFunding.ReserveShare::used).findFirst().orElseThrow();
    }
}
