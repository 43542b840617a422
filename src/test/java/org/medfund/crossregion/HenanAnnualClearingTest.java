package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearedCost;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingDraft;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingLine;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.Sourced;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * henan-2023 三(四): the annual clearing of 2023, due by the end of March 2024 — Sunday 31 March, shifted to Monday
 * 1 April (二(二) "遇节假日顺延，下同"). 信阳's 2023 resident reserve (1,650,000.00 in two pots) against a cleared cost one
 * fen less leaves a 0.01 surplus, which offsets the 2024 reserve; 平顶山's employees had no remittance in 2023 and
 * cleared 2,000,000.00, a shortfall added to the next allocation (the first 2024 remittance not yet notified and
 * not yet begun: the third quarter);
 * 平顶山's residents cleared nothing against nothing: exactly zero, balanced. Year 2023 and these lines are this
 * test's (HenanFundingTest checks 平顶山's resident and 信阳's employee books; the carries net to zero there anyway).
 */
@DatabaseTest
class HenanAnnualClearingTest {

    @Autowired
    CrossRegionFunding funding;
    @Autowired
    CrossRegionAnnualClearing clearing;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

    private final Actor centre = new Actor("t-ac-centre", "410000-CENTRE", java.util.Set.of(Role.CLERK));
    private final Actor provinceFinance = new Actor("t-ac-pf", "410000-FINANCE", java.util.Set.of(Role.FINANCE));
    private final Actor xyAgency = new Actor("t-ac-xy", "411500-AGENCY", java.util.Set.of(Role.CLERK));

    private static Money yuan(String text) {
        return Money.ofYuan(text);
    }

    private static ClearingLine line(AnnualClearing c, String region, String type) {
        return c.lines().stream().filter(l -> l.regionCode().equals(region) && l.insuranceType().equals(type))
                .findFirst().orElseThrow();
    }

    private ClearingDraft draft(String xyResident, LocalDate date) {
        return new ClearingDraft(2023, List.of(new ClearedCost("411500", "390", yuan(xyResident)),
                new ClearedCost("410400", "310", yuan("2000000.00")), new ClearedCost("410400", "390", Money.ZERO)),
                "2023年度异地就医账务核对（测试）", date);
    }

    @Test
    @DisplayName("henan-2023 三(四): surplus offsets this year's reserve, shortfall goes to the next allocation, zero balances; due 1 April 2024")
    void annualClearing() {
        for (String book : List.of("410000-FINANCE", "410400-FINANCE", "411500-FINANCE")) {
            ledger.post(new BusinessEvent("opening.balance.special-account", "t-hf-opening-" + book,
                    LocalDate.of(2024, 1, 1), null, yuan("100000000.00"), Map.of("book", book), null,
                    "opening-balance", book, null, null, "期初余额（测试）"));
        }
        // 信阳's 2023 reserve: (1,000,000.00 + 500,000.00) × 1.1 = 1,650,000.00. The notice took effect in October 2023,
        // so this first reserve is sized and approved after the fact, once the 2024 books are open.
        funding.sizeReserve(new CrossRegionFunding.ReserveSizing(2023, List.of(
                new PotCost("411500", ReservePot.IN_PROVINCE, yuan("1000000.00")),
                new PotCost("411500", ReservePot.CROSS_PROVINCE, yuan("500000.00"))),
                new Sourced(new BigDecimal("0.1"), "省医保局测算（测试）", "2022年异地就医结算数据（测试）"),
                SubsidySource.PROVINCIAL, LocalDate.of(2024, 1, 2)), centre);
        funding.approveReserve(2023, LocalDate.of(2024, 1, 2), provinceFinance);

        assertThat(clearing.dueDate(2023, xyAgency)).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(clearing.dueDate(2024, centre)).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThatThrownBy(() -> clearing.clear(draft("1649999.99", LocalDate.of(2024, 4, 1)), xyAgency))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("crossregion.centre-only"));
        assertThatThrownBy(() -> clearing.clear(draft("1649999.99", LocalDate.of(2023, 12, 29)), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.field()).isEqualTo("date"));
        assertThatThrownBy(() -> clearing.clear(new ClearingDraft(2023, List.of(new ClearedCost("410400", "310",
                yuan("1.00"))), "x", LocalDate.of(2024, 4, 1)), centre)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("crossregion.cleared-cost-missing"));
        assertThatThrownBy(() -> clearing.clear(new ClearingDraft(2023, List.of(new ClearedCost("411521", "390",
                yuan("1.00"))), "x", LocalDate.of(2024, 4, 1)), centre)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.field()).isEqualTo("costs[0].regionCode"));

        AnnualClearing done = clearing.clear(draft("1649999.99", LocalDate.of(2024, 4, 1)), centre);
        assertThat(done.dueDate()).isEqualTo(LocalDate.of(2024, 4, 1));
        assertThat(done.late()).isFalse();
        assertThat(done.citation()).isEqualTo("henan-2023 v1, henan-2023 三(四)");

        ClearingLine xy = line(done, "411500", "390");
        assertThat(xy.funded()).isEqualTo(yuan("1650000.00"));
        assertThat(xy.balance()).isEqualTo(Money.ofFen(1));
        assertThat(xy.outcome()).isEqualTo(ClearingOutcome.SURPLUS);
        assertThat(xy.target()).isEqualTo(YearMonth.of(2024, 1));
        assertThat(xy.targetLabel()).isEqualTo("2024 年城乡居民医保异地就医预留资金");
        assertThat(xy.derivation().inputs()).anySatisfy(i -> assertThat(i.name()).contains("省内异地就医"))
                .anySatisfy(i -> assertThat(i.name()).contains("2023年度异地就医账务核对"));
        assertThat(xy.derivation().citation()).isEqualTo("henan-2023 v1, henan-2023 三(四)");

        ClearingLine pdsEmployee = line(done, "410400", "310");
        assertThat(pdsEmployee.funded()).isEqualTo(Money.ZERO);
        assertThat(pdsEmployee.balance()).isEqualTo(yuan("-2000000.00"));
        assertThat(pdsEmployee.outcome()).isEqualTo(ClearingOutcome.SHORTFALL);
        // Cleared on 1 April 2024: the first and second quarters have begun, so their notices are past (一(三)).
        assertThat(pdsEmployee.target()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(pdsEmployee.targetLabel()).isEqualTo("2024 年第 3 季度城镇职工医保异地就医上解资金");

        ClearingLine pdsResident = line(done, "410400", "390");
        assertThat(pdsResident.balance()).isEqualTo(Money.ZERO);
        assertThat(pdsResident.outcome()).isEqualTo(ClearingOutcome.BALANCED);
        assertThat(done.lines()).hasSize(3);

        // The carries are posted: out of December 2023, into the target; the held balances are unchanged overall.
        assertThat(ledger.balance("411500-FINANCE", "3001", "410000-FINANCE", "390", LocalDate.of(2024, 4, 1)))
                .isEqualTo(Money.ZERO);
        assertThat(ledger.balance("411500-FINANCE", "1211", "410000-FINANCE", "390", LocalDate.of(2024, 4, 1)))
                .isEqualTo(yuan("1650000.00"));

        // Again with the same figures: the first clearing; with other figures: refused.
        assertThat(clearing.clear(draft("1649999.99", LocalDate.of(2024, 4, 2)), centre)).isEqualTo(done);
        assertThatThrownBy(() -> clearing.clear(draft("1650000.00", LocalDate.of(2024, 4, 2)), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("crossregion.annual-cleared");
                    assertThat(e.status()).isEqualTo(409);
                });
        // A region sees its own lines.
        assertThat(clearing.clearing(2023, xyAgency).orElseThrow().lines())
                .allSatisfy(l -> assertThat(l.regionCode()).isEqualTo("411500"));
        audit.assertSound();
    }
}
