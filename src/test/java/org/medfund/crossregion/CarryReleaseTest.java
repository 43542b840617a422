package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearedCost;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingDraft;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.RegionCost;
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
 * henan-2023 三(四), 一(二) on the usual timeline: the 2025 resident reserve is withheld in January, 2024 is cleared on
 * 31 March 2025. 平顶山's resident surplus of 300,000.00 offsets its 2025 reserve already withheld: province finance gives
 * that much of the withheld subsidy back (a transfer, in transit until 平顶山's finance confirms it); the pots keep their
 * shares; 2025's clearing counts withheld − carry = the shares. 平顶山's employee surplus goes to the second quarter of
 * 2025, which no notice takes: 2025's clearing counts it as 2025's money and settles it. Ledger audit after each
 * step. Like CarryIntoAllocationTest it owns the province's 2024 and 2025 reserves and clearings, so it has a database
 * of its own.
 */
@DatabaseTest
@TestPropertySource(properties = "medfund.test.scenario=carry-release")
class CarryReleaseTest {

    @Autowired
    CrossRegionFunding funding;
    @Autowired
    CrossRegionAnnualClearing clearing;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    MockMvc mvc;

    private final Actor centre = new Actor("t-crel-centre", "410000-CENTRE", Set.of(Role.CLERK));
    private final Actor provinceFinance = new Actor("t-crel-pf", "410000-FINANCE", Set.of(Role.FINANCE));
    private final Actor pdsFinance = new Actor("t-crel-pds", "410400-FINANCE", Set.of(Role.FINANCE));
    private final Actor xyFinance = new Actor("t-crel-xy", "411500-FINANCE", Set.of(Role.FINANCE));
    private static final Sourced SOURCES = new Sourced(BigDecimal.ZERO, "省医保局测算（测试）", "异地就医结算数据（测试）");

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    private Reserve reserve(int year, String pdsIn, String pdsCross, String xyIn, String xyCross) {
        funding.sizeReserve(new ReserveSizing(year, List.of(
                new PotCost("410400", ReservePot.IN_PROVINCE, yuan(pdsIn)),
                new PotCost("410400", ReservePot.CROSS_PROVINCE, yuan(pdsCross)),
                new PotCost("411500", ReservePot.IN_PROVINCE, yuan(xyIn)),
                new PotCost("411500", ReservePot.CROSS_PROVINCE, yuan(xyCross))), SOURCES,
                SubsidySource.CENTRAL, LocalDate.of(year, 1, 6)), centre);
        return funding.approveReserve(year, LocalDate.of(year, 1, 10), provinceFinance);
    }

    private Money balance(String book, String account, String counterparty, LocalDate day) {
        return ledger.balance(book, account, counterparty, "390", day);
    }

    private String fundingPage(Actor actor) throws Exception {
        return mvc.perform(get("/crossregion/funding").param("year", "2025").with(user(MedfundUser.of(actor))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    @DisplayName("henan-2023 三(四): a resident surplus offsets this year's reserve already withheld, released to the "
            + "region")
    void surplusReleasedFromWithheldReserve() throws Exception {
        for (String book : List.of("410000-FINANCE", "410400-FINANCE", "411500-FINANCE")) {
            ledger.post(new BusinessEvent("opening.balance.special-account", "t-crel-opening-" + book,
                    LocalDate.of(2024, 1, 1), null, yuan("100000000.00"), Map.of("book", book), null,
                    "opening-balance", book, null, null, "期初余额（测试）"));
        }
        reserve(2024, "1000000.00", "500000.00", "800000.00", "200000.00");
        reserve(2025, "1200000.00", "600000.00", "900000.00", "100000.00");
        // 平顶山's employees remit 3,000,000.00 for the fourth quarter of 2024; no 2025 notice will take their surplus.
        RemittanceNotice q4 = funding.issueRemittanceNotice(new RemittanceNoticeDraft(2024, 4, List.of(
                new RegionCost("410400", yuan("12000000.00"))), SOURCES, LocalDate.of(2024, 8, 30)), centre);
        funding.remit(q4.id(), LocalDate.of(2024, 9, 10), pdsFinance);
        funding.confirmRemittance(q4.id(), "410400", LocalDate.of(2024, 9, 11), provinceFinance);
        LocalDate day = LocalDate.of(2025, 4, 30);
        Money provinceHeld = balance("410000-FINANCE", "2211", "410400-FINANCE", day);
        Money regionPrepaid = balance("410400-FINANCE", "1211", "410000-FINANCE", day);
        Money regionCash = ledger.balance("410400-FINANCE", "1003", null, null, day);

        AnnualClearing done = clear2024(LocalDate.of(2025, 3, 31));
        assertThat(done.lines()).hasSize(3);
        CarryLine carry = resident(clearing.carries(2025, centre));
        assertThat(carry.target().label()).isEqualTo("2025 年城乡居民医保异地就医预留资金");
        assertThat(carry.use().state()).isEqualTo(CarryState.APPLIED);
        assertThat(carry.use().applied()).isEqualTo(yuan("-300000.00"));
        assertThat(carry.use().release().receivedOn()).isNull();
        assertThat(clearing.carries(2025, centre)).hasSize(2); // 信阳 balanced: no carry
        Reserve offset = funding.reserve(2025, centre).orElseThrow();
        assertThat(share(offset, ReservePot.IN_PROVINCE).carry()).isEqualTo(yuan("-200000.00"));
        assertThat(share(offset, ReservePot.CROSS_PROVINCE).withheld()).isEqualTo(yuan("500000.00"));
        assertThat(share(offset, ReservePot.IN_PROVINCE).balance()).isEqualTo(yuan("1200000.00"));
        // Province finance pays at once; 平顶山's side is in transit until it confirms.
        assertThat(balance("410000-FINANCE", "2211", "410400-FINANCE", day))
                .isEqualTo(provinceHeld.minus(yuan("300000.00")));
        assertThat(balance("410400-FINANCE", "1211", "410000-FINANCE", day)).isEqualTo(regionPrepaid);
        audit.assertSound();

        assertThatThrownBy(() -> clearing.confirmRelease(carry.id(), LocalDate.of(2025, 4, 3), xyFinance))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> clearing.confirmRelease(carry.id(), LocalDate.of(2025, 4, 3), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.status()).isEqualTo(403));
        // On the funding page only 平顶山's finance department gets the button; it confirms the day the bank shows.
        assertThat(fundingPage(pdsFinance)).contains("确认退还资金到账");
        assertThat(fundingPage(xyFinance)).doesNotContain("确认退还资金到账");
        assertThat(fundingPage(provinceFinance)).contains("退还统筹区（在途）").doesNotContain("确认退还资金到账");
        mvc.perform(post("/crossregion/funding/carries/{id}/release/receipt", carry.id()).param("date", "2025-04-03")
                        .with(csrf()).with(user(MedfundUser.of(pdsFinance))))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/crossregion/funding?year=2025#carries"));
        assertThat(fundingPage(pdsFinance)).contains("退还统筹区，2025-04-03 到账").doesNotContain("确认退还资金到账");
        CarryLine received = resident(clearing.carries(2025, pdsFinance));
        assertThat(received.use().release().receivedOn()).isEqualTo(LocalDate.of(2025, 4, 3));
        assertThat(clearing.confirmRelease(carry.id(), LocalDate.of(2025, 4, 4), pdsFinance)).isEqualTo(received);
        assertThat(balance("410400-FINANCE", "1211", "410000-FINANCE", day))
                .isEqualTo(regionPrepaid.minus(yuan("300000.00")));
        assertThat(ledger.balance("410400-FINANCE", "1003", null, null, day))
                .isEqualTo(regionCash.plus(yuan("300000.00")));
        // Clearing again changes nothing.
        assertThat(clear2024(LocalDate.of(2025, 4, 1))).isEqualTo(done);
        assertThat(balance("410000-FINANCE", "2211", "410400-FINANCE", day))
                .isEqualTo(provinceHeld.minus(yuan("300000.00")));
        audit.assertSound();

        // 2025: withheld 1,500,000.00 − carry (−300,000.00) = the shares, 1,800,000.00; it balances against that.
        // The employee surplus of 500,000.00 went to the second quarter of 2025, which no notice took (平顶山 was
        // not notified in 2025): it is still 2025's money, counted once in 2025's clearing and settled there.
        assertThat(employee(clearing.carries(2025, centre)).use().state()).isEqualTo(CarryState.OPEN);
        AnnualClearing next = clearing.clear(new ClearingDraft(2025, List.of(
                new ClearedCost("410400", "390", yuan("1800000.00")),
                new ClearedCost("411500", "390", yuan("1000000.00")),
                new ClearedCost("410400", "310", yuan("500000.00"))), "2025年度异地就医账务核对（测试）",
                LocalDate.of(2026, 3, 31)), centre);
        assertThat(next.lines()).allSatisfy(l -> assertThat(l.outcome()).isEqualTo(ClearingOutcome.BALANCED));
        assertThat(next.lines().stream().filter(l -> l.regionCode().equals("410400")
                && l.insuranceType().equals("390")).findFirst().orElseThrow().funded()).isEqualTo(yuan("1800000.00"));
        assertThat(next.lines().stream().filter(l -> l.regionCode().equals("410400")
                && l.insuranceType().equals("310")).findFirst().orElseThrow().funded()).isEqualTo(yuan("500000.00"));
        assertThat(employee(clearing.carries(2025, centre)).use().state()).isEqualTo(CarryState.CLEARED);
        assertThat(resident(clearing.carries(2025, centre)).use().state()).isEqualTo(CarryState.APPLIED);
        audit.assertSound();
    }

    /** 平顶山's residents leave 300,000.00, its employees 500,000.00 (3,000,000.00 remitted), 信阳's residents 0. */
    private AnnualClearing clear2024(LocalDate on) {
        return clearing.clear(new ClearingDraft(2024, List.of(
                new ClearedCost("410400", "390", yuan("1200000.00")),
                new ClearedCost("411500", "390", yuan("1000000.00")),
                new ClearedCost("410400", "310", yuan("2500000.00"))), "2024年度异地就医账务核对（测试）", on), centre);
    }

    private static CarryLine resident(List<CarryLine> carries) {
        return carries.stream().filter(c -> c.source().regionCode().equals("410400")
                && c.source().insuranceType().equals("390")).findFirst().orElseThrow();
    }

    private static CarryLine employee(List<CarryLine> carries) {
        return carries.stream().filter(c -> c.source().insuranceType().equals("310")).findFirst().orElseThrow();
    }

    private static ReserveShare share(Reserve reserve, ReservePot pot) {
        return reserve.shares().stream().filter(s -> s.regionCode().equals("410400") && s.pot() == pot).findFirst()
                .orElseThrow();
    }
}
