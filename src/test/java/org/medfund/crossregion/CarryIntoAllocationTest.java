package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearedCost;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingDraft;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingLine;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.RegionCost;
import org.medfund.crossregion.CrossRegionFunding.RemittanceLine;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNoticeDraft;
import org.medfund.crossregion.CrossRegionFunding.Reserve;
import org.medfund.crossregion.CrossRegionFunding.ReserveShare;
import org.medfund.crossregion.CrossRegionFunding.ReserveSizing;
import org.medfund.crossregion.CrossRegionFunding.Sourced;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * henan-2023 三(四): the annual clearing's carry changes the next allocation, and the next year's clearing counts
 * the money of that year once. 2024 is cleared on 31 March 2025 after the second quarter's notice was issued, so the
 * employee carries go to the third quarter (一(三)): 平顶山's 1,800,000.00 surplus is larger than its third quarter
 * (900,000.00, offset in full, the rest forwarded) and then equal to its fourth; 信阳's 300,000.00 shortfall is
 * added to its third. 平顶山's resident surplus of 300,000.00 is smaller than its 2025 reserve share and lowers what is
 * withheld (一(二)), the pots stay whole; 信阳's residents balance, a carry of zero. 2025 is then cleared: every line
 * balances against money funded for 2025 = remitted (or withheld) − carry. Ledger audit after each step.
 *
 * <p>The scenario owns the province's 2024 and 2025 clearings, reserves and notices, which other tests of the shared
 * context also use (one clearing per province and year); the property gives it a context and a database of its own.
 */
@DatabaseTest
@TestPropertySource(properties = "medfund.test.scenario=carry-into-allocation")
class CarryIntoAllocationTest {

    @Autowired
    CrossRegionFunding funding;
    @Autowired
    CrossRegionAnnualClearing clearing;
    @Autowired
    FundingNotices notices;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    MockMvc mvc;

    private final Actor centre = new Actor("t-carry-centre", "410000-CENTRE", Set.of(Role.CLERK));
    private final Actor provinceFinance = new Actor("t-carry-pf", "410000-FINANCE", Set.of(Role.FINANCE));
    private final Actor pdsFinance = new Actor("t-carry-pds", "410400-FINANCE", Set.of(Role.FINANCE));
    private final Actor xyFinance = new Actor("t-carry-xy", "411500-FINANCE", Set.of(Role.FINANCE));
    private static final Sourced SOURCES = new Sourced(BigDecimal.ZERO, "省医保局测算（测试）", "异地就医结算数据（测试）");

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    @Test
    @DisplayName("henan-2023 三(四): surplus larger / equal / smaller, shortfall, zero, after the target's notice; "
            + "next year's clearing counts remitted − carry")
    void carryIntoNextAllocation() throws Exception {
        for (String book : List.of("410000-FINANCE", "410400-FINANCE", "411500-FINANCE")) {
            ledger.post(new BusinessEvent("opening.balance.special-account", "t-carry-opening-" + book,
                    LocalDate.of(2024, 1, 1), null, yuan("100000000.00"), Map.of("book", book), null,
                    "opening-balance", book, null, null, "期初余额（测试）"));
        }
        fund2024();
        // The second quarter of 2025 is notified before the clearing: the carries pass it over.
        RemittanceNotice q2 = issue(2025, 2, LocalDate.of(2025, 2, 27), "12000000.00", "6000000.00");
        receiveAll(q2, LocalDate.of(2025, 3, 10));
        funding.sizeReserve(new ReserveSizing(2025, List.of(
                new PotCost("410400", ReservePot.IN_PROVINCE, yuan("1200000.00")),
                new PotCost("410400", ReservePot.CROSS_PROVINCE, yuan("600000.00")),
                new PotCost("411500", ReservePot.IN_PROVINCE, yuan("900000.00")),
                new PotCost("411500", ReservePot.CROSS_PROVINCE, yuan("100000.00"))), SOURCES,
                SubsidySource.PROVINCIAL, LocalDate.of(2025, 1, 6)), centre);

        AnnualClearing cleared2024 = clear2024();
        assertThat(line(cleared2024, "410400", "310").balance()).isEqualTo(yuan("1800000.00"));
        assertThat(line(cleared2024, "410400", "310").targetLabel())
                .isEqualTo("2025 年第 3 季度城镇职工医保异地就医上解资金");
        assertThat(line(cleared2024, "411500", "310").balance()).isEqualTo(yuan("-300000.00"));
        assertThat(line(cleared2024, "410400", "390").targetLabel()).isEqualTo("2025 年城乡居民医保异地就医预留资金");
        assertThat(line(cleared2024, "411500", "390").outcome()).isEqualTo(ClearingOutcome.BALANCED);
        // A carry of zero is no carry.
        assertThat(clearing.carries(2025, centre)).extracting(c -> c.source().regionCode() + "/"
                + c.source().insuranceType() + " " + c.target().amount().toYuanText() + " " + c.use().state())
                .containsExactly("410400/390 -300,000.00 OPEN", "410400/310 -1,800,000.00 OPEN",
                        "411500/310 300,000.00 OPEN");
        assertThat(clear2024()).isEqualTo(cleared2024);
        assertThat(clearing.carries(2025, centre)).hasSize(3);
        audit.assertSound();

        resident2025();
        employee2025();

        // 2025's clearing: the money funded for 2025 is remitted (or withheld) − carry, so last year's surplus that
        // paid for 2025 is in it once and last year's shortfall is not: every line below balances exactly.
        AnnualClearing cleared2025 = clearing.clear(new ClearingDraft(2025, List.of(
                new ClearedCost("410400", "310", yuan("4800000.00")),
                new ClearedCost("411500", "310", yuan("4500000.00")),
                new ClearedCost("410400", "390", yuan("1800000.00")),
                new ClearedCost("411500", "390", yuan("1000000.00"))), "2025年度异地就医账务核对（测试）",
                LocalDate.of(2026, 3, 31)), centre);
        assertThat(cleared2025.lines()).allSatisfy(l -> assertThat(l.outcome()).isEqualTo(ClearingOutcome.BALANCED));
        ClearingLine pdsEmployee = line(cleared2025, "410400", "310");
        // Remitted 3,000,000.00 (Q2) + 0 (Q3) + 0 (Q4) − carry (−900,000.00 − 900,000.00).
        assertThat(pdsEmployee.funded()).isEqualTo(yuan("4800000.00"));
        assertThat(pdsEmployee.derivation().inputs()).anySatisfy(i -> assertThat(i.name())
                .contains("2024 年度清算结余结转计入2025 年第 3 季度").contains("计入本年资金"));
        // 信阳 remitted 1,500,000.00 + 1,800,000.00 + 1,500,000.00, of which 300,000.00 made good 2024's shortfall.
        assertThat(line(cleared2025, "411500", "310").funded()).isEqualTo(yuan("4500000.00"));
        assertThat(line(cleared2025, "410400", "390").funded()).isEqualTo(yuan("1800000.00"));
        // Over both years 平顶山's employees remitted 3,000,000.00 + 3,000,000.00 and cost 1,200,000.00 + 4,800,000.00:
        // nothing is left over and nothing is owed, as the balanced line says.
        assertThat(clearing.carries(2025, centre)).allSatisfy(c -> assertThat(c.use().state())
                .isNotEqualTo(CarryState.OPEN));
        assertThat(clearing.carries(2026, centre)).isEmpty();
        audit.assertSound();
    }

    /** 2024: reserve withheld in January; the fourth quarter's remittance notified, remitted and received. */
    private void fund2024() {
        funding.sizeReserve(new ReserveSizing(2024, List.of(
                new PotCost("410400", ReservePot.IN_PROVINCE, yuan("1000000.00")),
                new PotCost("410400", ReservePot.CROSS_PROVINCE, yuan("500000.00")),
                new PotCost("411500", ReservePot.IN_PROVINCE, yuan("800000.00")),
                new PotCost("411500", ReservePot.CROSS_PROVINCE, yuan("200000.00"))), SOURCES,
                SubsidySource.CENTRAL, LocalDate.of(2024, 1, 5)), centre);
        funding.approveReserve(2024, LocalDate.of(2024, 1, 10), provinceFinance);
        receiveAll(issue(2024, 4, LocalDate.of(2024, 8, 30), "12000000.00", "6000000.00"), LocalDate.of(2024, 9, 10));
    }

    private AnnualClearing clear2024() {
        return clearing.clear(new ClearingDraft(2024, List.of(
                new ClearedCost("410400", "310", yuan("1200000.00")),
                new ClearedCost("411500", "310", yuan("1800000.00")),
                new ClearedCost("410400", "390", yuan("1200000.00")),
                new ClearedCost("411500", "390", yuan("1000000.00"))), "2024年度异地就医账务核对（测试）",
                LocalDate.of(2025, 3, 31)), centre);
    }

    /** The 2025 reserve is approved after the clearing: 平顶山's surplus lowers what is withheld, not its pots. */
    private void resident2025() throws IOException {
        Money pdsHeld = ledger.balance("410000-FINANCE", "2211", "410400-FINANCE", "390", LocalDate.of(2025, 4, 30));
        Reserve approved = funding.approveReserve(2025, LocalDate.of(2025, 4, 2), provinceFinance);
        assertThat(funding.approveReserve(2025, LocalDate.of(2025, 4, 3), provinceFinance)).isEqualTo(approved);
        ReserveShare in = share(approved, "410400", ReservePot.IN_PROVINCE);
        ReserveShare cross = share(approved, "410400", ReservePot.CROSS_PROVINCE);
        // −300,000.00 over the pots by their shares 1,200,000.00 : 600,000.00.
        assertThat(in.carry()).isEqualTo(yuan("-200000.00"));
        assertThat(in.withheld()).isEqualTo(yuan("1000000.00"));
        assertThat(cross.carry()).isEqualTo(yuan("-100000.00"));
        assertThat(in.amount()).isEqualTo(yuan("1200000.00"));
        assertThat(share(approved, "411500", ReservePot.IN_PROVINCE).carry()).isEqualTo(Money.ZERO);
        assertThat(ledger.balance("410000-FINANCE", "2211", "410400-FINANCE", "390", LocalDate.of(2025, 4, 30)))
                .isEqualTo(pdsHeld.plus(yuan("1500000.00")));
        funding.recordReserveUse(new CrossRegionFunding.ReserveUse("410400", ReservePot.IN_PROVINCE,
                YearMonth.of(2025, 4), yuan("100000.00"), "2025年4月省内异地就医清算数据（测试）"), LocalDate.of(2025, 5, 15),
                centre);
        assertThat(share(funding.reserve(2025, centre).orElseThrow(), "410400", ReservePot.IN_PROVINCE).balance())
                .isEqualTo(yuan("1100000.00"));
        assertThat(pdfText(notices.reservePdf(centre, 2025).pdf())).contains("上年度清算结转", "实际预留", "-200,000.00",
                "1,000,000.00", "豫财社〔2023〕178号 三(四)");
        assertThat(clearing.carries(2025, centre)).filteredOn(c -> c.source().insuranceType().equals("390"))
                .singleElement().satisfies(c -> {
                    assertThat(c.use().state()).isEqualTo(CarryState.APPLIED);
                    assertThat(c.use().applied()).isEqualTo(yuan("-300000.00"));
                });
        audit.assertSound();
    }

    /** The third and fourth quarters take the employee carries; the late list asks for the net amount. */
    private void employee2025() throws Exception {
        Money xyRemitted = ledger.balance("411500-FINANCE", "1211", "410000-FINANCE", "310", LocalDate.of(2025, 9, 30));
        RemittanceNotice q3 = issue(2025, 3, LocalDate.of(2025, 5, 30), "3600000.00", "6000000.00");
        RemittanceLine pds = regionLine(q3, "410400");
        // Larger: 1,800,000.00 against 900,000.00 — nothing to remit, 900,000.00 forwarded to the fourth quarter.
        assertThat(pds.projected()).isEqualTo(yuan("900000.00"));
        assertThat(pds.carry()).isEqualTo(yuan("-900000.00"));
        assertThat(pds.amount()).isEqualTo(Money.ZERO);
        assertThat(pds.state()).isEqualTo(RemittanceState.OFFSET);
        assertThat(pds.derivation().explain()).contains("2024 年度异地就医年度清算结余抵扣", "henan-2023 三(四)",
                "余额结转至2025 年第 4 季度城镇职工医保异地就医上解资金");
        RemittanceLine xy = regionLine(q3, "411500");
        assertThat(xy.carry()).isEqualTo(yuan("300000.00"));
        assertThat(xy.amount()).isEqualTo(yuan("1800000.00"));
        assertThatThrownBy(() -> issue(2025, 3, LocalDate.of(2025, 5, 31), "3600000.00", "6000000.00"))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code())
                        .isEqualTo("crossregion.notice-exists"));
        assertThat(regionLine(funding.remittanceNotices(2025, centre).get(1), "410400")).isEqualTo(pds);

        // Late: 信阳 has not remitted by the due date; the list asks for the net 1,800,000.00, 平顶山 owes nothing.
        LocalDate due = q3.dates().remitDueDate();
        assertThat(funding.lateRemitters(due.plusDays(3), centre)).singleElement().satisfies(l -> {
            assertThat(l.regionCode()).isEqualTo("411500");
            assertThat(l.amount()).isEqualTo(yuan("1800000.00"));
        });
        assertThat(funding.remit(q3.id(), due.plusDays(3), pdsFinance).state()).isEqualTo(RemittanceState.OFFSET);
        funding.remit(q3.id(), due.plusDays(3), xyFinance);
        funding.confirmRemittance(q3.id(), "411500", due.plusDays(4), provinceFinance);
        assertThat(ledger.balance("411500-FINANCE", "1211", "410000-FINANCE", "310", LocalDate.of(2025, 9, 30)))
                .isEqualTo(xyRemitted.plus(yuan("1800000.00")));

        // Equal: the forwarded 900,000.00 against the fourth quarter's 900,000.00.
        RemittanceNotice q4 = issue(2025, 4, LocalDate.of(2025, 8, 29), "3600000.00", "6000000.00");
        assertThat(regionLine(q4, "410400").amount()).isEqualTo(Money.ZERO);
        assertThat(regionLine(q4, "410400").carry()).isEqualTo(yuan("-900000.00"));
        assertThat(regionLine(q4, "411500").carry()).isEqualTo(Money.ZERO);
        receiveAll(q4, LocalDate.of(2025, 9, 5));
        List<CarryLine> employee = clearing.carries(2025, centre).stream()
                .filter(c -> c.source().insuranceType().equals("310")).toList();
        assertThat(employee).extracting(c -> c.source().regionCode() + " " + c.target().period() + " "
                + c.use().applied().toYuanText() + " " + c.use().forwarded().toYuanText())
                .containsExactlyInAnyOrder("410400 2025-07 -900,000.00 -900,000.00",
                        "410400 2025-10 -900,000.00 0.00", "411500 2025-07 300,000.00 0.00");
        audit.assertSound();

        // The joint notice and the funding page show the carry with the clearing it comes from.
        String sheet = pdfText(notices.remittancePdf(centre, 2025, 3).pdf());
        assertThat(sheet).contains("上年度清算结转", "2024 年度", "豫财社〔2023〕178号 三(四)", "-900,000.00",
                "300,000.00", "1,800,000.00");
        String page = mvc.perform(get("/crossregion/funding?year=2025").with(user(MedfundUser.of(centre))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("上年度清算结转", "/crossregion/funding?year=2025#annual-clearing",
                "上年结余全额抵扣，无需上解", "豫财社〔2023〕178号 三(四)");
    }

    private RemittanceNotice issue(int year, int quarter, LocalDate on, String pdsCost, String xyCost) {
        return funding.issueRemittanceNotice(new RemittanceNoticeDraft(year, quarter, List.of(
                new RegionCost("410400", yuan(pdsCost)), new RegionCost("411500", yuan(xyCost))), SOURCES, on), centre);
    }

    private void receiveAll(RemittanceNotice notice, LocalDate on) {
        for (RemittanceLine l : notice.lines()) {
            if (l.state() == RemittanceState.NOTIFIED) {
                funding.remit(notice.id(), on, l.regionCode().equals("410400") ? pdsFinance : xyFinance);
                funding.confirmRemittance(notice.id(), l.regionCode(), on.plusDays(1), provinceFinance);
            }
        }
    }

    private static RemittanceLine regionLine(RemittanceNotice notice, String region) {
        return notice.lines().stream().filter(l -> l.regionCode().equals(region)).findFirst().orElseThrow();
    }

    private static ReserveShare share(Reserve reserve, String region, ReservePot pot) {
        return reserve.shares().stream().filter(s -> s.regionCode().equals(region) && s.pot() == pot).findFirst()
                .orElseThrow();
    }

    private static ClearingLine line(AnnualClearing c, String region, String type) {
        return c.lines().stream().filter(l -> l.regionCode().equals(region) && l.insuranceType().equals(type))
                .findFirst().orElseThrow();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\n", "");
        }
    }
}
