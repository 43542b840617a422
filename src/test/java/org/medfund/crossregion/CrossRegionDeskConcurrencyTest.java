package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discharge desk books with compare-and-set writes (the year-to-date use and the account move only if they still
 * hold what the calculation read; otherwise the row is locked and the bill calculated again): concurrent bills of
 * one person never pass the annual cap (guizhou-2017 四(二) 最高支付限额) nor overdraw the personal account, and
 * what each settlement stored as "used before" and "account before" chains up exactly.
 */
@DatabaseTest
class CrossRegionDeskConcurrencyTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    /** A year no other test gives benefit parameters to, so its cap can be small. */
    private static final LocalDate DAY = LocalDate.of(2029, 6, 1);

    @Autowired
    CrossRegion crossRegion;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerAudit audit;

    private final Actor agency = Fixtures.actor("cr-cc-agency", "520100-AGENCY", Role.CLERK);

    /** 甲 2,000.00 + 乙 1,000.05 at 10 % + 丙 300.00: fund 1,700.04 at grade 3 (see BenefitsTest). */
    private static SettlementRequest bill(String setlId, String card) {
        return new SettlementRequest(setlId, card, "520100", "310", DAY, List.of(
                new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00"), BigDecimal.ZERO),
                new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, Money.ofYuan("1000.05"),
                        new BigDecimal("0.1")),
                new FeeLine(FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00"), BigDecimal.ZERO)),
                true);
    }

    @Test
    @DisplayName("guizhou-2017 四(二): eight bills of one person at once: the fund pays the cap of 5,000.00 exactly, "
            + "the account is drawn to zero and never below, each row's inputs chain up")
    void concurrentBillsKeepCapAndAccount() throws Exception {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）并发结算");
        crossRegion.designate(code, LocalDate.of(2026, 1, 1), null,
                Fixtures.actor("cr-cc-centre", "410000-CENTRE", Role.CLERK));
        Actor hospital = Fixtures.actor("cr-cc-h-" + code, code, Role.HOSPITAL);
        crossRegion.setBenefitRule(new BenefitRule("520100", "310", DAY.getYear(), List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("5000.00")), agency);
        String card = "52C" + NEXT.incrementAndGet();
        crossRegion.file(new FilingDraft(card, "并发参保人", "520100", "310", FilingType.RESETTLED_RETIREE, "410000",
                LocalDate.of(2026, 1, 1), null), agency);
        crossRegion.setAccountBalance("520100", card, Money.ofYuan("1000.00"), agency);

        int bills = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(bills);
        List<Future<Object>> results = new ArrayList<>();
        try {
            for (int i = 0; i < bills; i++) {
                String setlId = "CC" + NEXT.incrementAndGet();
                Callable<Object> call = () -> {
                    start.await();
                    try {
                        return crossRegion.settle(bill(setlId, card), hospital);
                    } catch (Rejection refused) {
                        return refused.code();
                    }
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Settlement> settled = new ArrayList<>();
            for (Future<Object> result : results) {
                Object outcome = result.get();
                if (outcome instanceof Settlement s) {
                    settled.add(s);
                } else {
                    assertThat(outcome).isEqualTo("crossregion.cap-used");
                }
            }
            // 1,700.04 + 1,700.04 + the cap's remaining 1,599.92; every later bill is refused.
            assertThat(settled).hasSize(3);
            assertThat(settled.stream().mapToLong(s -> s.payments().fundPay().fen()).sum()).isEqualTo(500_000);
            assertThat(settled.stream().mapToLong(s -> s.payments().accountPay().fen()).sum()).isEqualTo(100_000);
            assertThat(jdbc.sql("select fund_paid_fen from cr_annual_use where card_no = :c and benefit_year = 2029")
                    .param("c", card).query(Long.class).single()).isEqualTo(500_000);
            assertThat(jdbc.sql("select balance_fen from cr_account where card_no = :c").param("c", card)
                    .query(Long.class).single()).isZero();

            // In booking order each row read what the previous ones left: used before and account before chain up.
            List<long[]> rows = jdbc.sql("select used_before_fen, fund_fen, account_before_fen, account_fen"
                            + " from cr_settlement where card_no = :c order by used_before_fen")
                    .param("c", card)
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).list();
            long used = 0;
            long balance = 100_000;
            for (long[] row : rows) {
                assertThat(row[0]).isEqualTo(used);
                assertThat(row[2]).isEqualTo(balance);
                used += row[1];
                balance -= row[3];
            }
            assertThat(used).isEqualTo(500_000);
            assertThat(balance).isZero();
        } finally {
            pool.shutdownNow();
        }
        audit.assertSound();
    }
}
