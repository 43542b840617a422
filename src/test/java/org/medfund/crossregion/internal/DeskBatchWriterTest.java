package org.medfund.crossregion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.AuditLog;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.DeskBatcher.DeskAnswer;
import org.medfund.crossregion.DeskBatcher.DeskBill;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The discharge desk's group commit books a batch of bills in one transaction with the same rules as one bill at a
 * time (guizhou-2017 三(二), 四(二)): a refused bill does not fail the others and leaves nothing behind, a second bill
 * of the same person is calculated from what the first left so the annual cap is reached in the middle of the batch,
 * and a database failure rolls the whole batch back, after which each bill settled alone fails or succeeds on its
 * own. Insured region 西秀区 (520402), whose 2026 parameters no other test sets.
 */
@DatabaseTest
class DeskBatchWriterTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String REGION = "520402";
    private static final LocalDate DAY = LocalDate.of(2026, 5, 11);

    @Autowired
    DeskBatchWriter writer;
    @Autowired
    CrossRegion crossRegion;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerAudit ledgerAudit;
    @Autowired
    Clock clock;

    private final Actor agency = Fixtures.actor("desk-agency", REGION + "-AGENCY", Role.CLERK);
    private Actor hospital;

    /** A designated grade-3 Henan hospital; 西秀区's 2026 parameters with a cap of 5,000.00. */
    private void setUp() {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）批量结算");
        crossRegion.designate(code, LocalDate.of(2026, 1, 1), null,
                Fixtures.actor("desk-centre", "410000-CENTRE", Role.CLERK));
        hospital = Fixtures.actor("desk-h-" + code, code, Role.HOSPITAL);
        crossRegion.setBenefitRule(new BenefitRule(REGION, "310", 2026, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("5000.00")), agency);
    }

    private String filedCard() {
        String card = "52D" + NEXT.incrementAndGet();
        crossRegion.file(new FilingDraft(card, "批量参保人", REGION, "310", FilingType.RESETTLED_RETIREE, "410000",
                LocalDate.of(2026, 1, 1), null), agency);
        return card;
    }

    /** 甲 2,000.00 + 乙 1,000.05 at 10 % + 丙 300.00: fund 1,700.04 at grade 3 (see BenefitsTest). */
    private DeskBill bill(String card, AuditLog.Action action) {
        String setlId = "DK" + NEXT.incrementAndGet();
        SettlementRequest request = new SettlementRequest(setlId, card, REGION, "310", DAY, List.of(
                new FeeLine(FeeCategory.BED, CatalogueClass.A, Money.ofYuan("2000.00"), BigDecimal.ZERO),
                new FeeLine(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, Money.ofYuan("1000.05"),
                        new BigDecimal("0.1")),
                new FeeLine(FeeCategory.MATERIALS, CatalogueClass.C, Money.ofYuan("300.00"), BigDecimal.ZERO)),
                false);
        return new DeskBill(request, hospital, new RequestLog.Claim("crossregion.settle@" + hospital.orgCode(),
                "key-" + setlId, "fp-" + setlId), action,
                s -> new DeskAnswer("{\"id\":\"" + s.id() + "\",\"fund\":" + s.payments().fundPay().fen() + "}",
                        List.of("id=" + s.id(), "setl_id=" + s.hospitalSettlementId())));
    }

    private static Optional<String> answer(CompletableFuture<Optional<String>> done) {
        assertThat(done).isDone();
        return done.join();
    }

    private static String refusal(CompletableFuture<Optional<String>> done) {
        assertThat(done).isCompletedExceptionally();
        try {
            done.join();
            throw new AssertionError("not refused");
        } catch (CompletionException e) {
            return ((Rejection) e.getCause()).code();
        }
    }

    private long settlements(DeskBill bill) {
        return jdbc.sql("select count(*) from cr_settlement where setl_id = :s")
                .param("s", bill.request().hospitalSettlementId()).query(Long.class).single();
    }

    private Optional<String> stored(DeskBill bill) {
        return jdbc.sql("select result from request_log where scope = :scope and request_id = :id")
                .param("scope", bill.claim().scope()).param("id", bill.claim().requestId())
                .query(String.class).optional();
    }

    @Test
    @DisplayName("guizhou-2017 三(一): a bill without a filing is refused inside a batch; the others are booked, "
            + "with their answer stored and their audit row written in the same transaction")
    void refusalDoesNotFailTheBatch() {
        setUp();
        AuditLog.Action action = new AuditLog.Action(AuditLog.Channel.API,
                new AuditLog.Who("desk-h", hospital.orgCode(), null), () -> "desk-audit-" + NEXT.incrementAndGet(),
                () -> "POST /api/crossregion/settlements", () -> "/api/crossregion/settlements", true, clock);
        DeskBill first = bill(filedCard(), action);
        DeskBill unfiled = bill("52DNONE" + NEXT.incrementAndGet(), null);
        DeskBill last = bill(filedCard(), null);

        List<CompletableFuture<Optional<String>>> done = writer.writeNow(List.of(first, unfiled, last));

        assertThat(answer(done.get(0))).get().asString().contains("\"fund\":170004");
        assertThat(refusal(done.get(1))).isEqualTo("crossregion.no-valid-filing");
        assertThat(answer(done.get(2))).isPresent();
        assertThat(settlements(first)).isOne();
        assertThat(settlements(unfiled)).isZero();
        assertThat(settlements(last)).isOne();
        assertThat(stored(first)).isEqualTo(answer(done.get(0)));
        assertThat(stored(unfiled)).as("a refused bill records no request id").isEmpty();
        assertThat(jdbc.sql("select outcome, transactions, business_ids from audit_log where org_code = :org")
                .param("org", hospital.orgCode()).query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " "
                        + rs.getString(3)).single())
                .startsWith("DONE 1 id=").contains("setl_id=" + first.request().hospitalSettlementId());
        ledgerAudit.assertSound();
    }

    @Test
    @DisplayName("guizhou-2017 四(二) 最高支付限额: four bills of one person in one batch pay 1,700.04, 1,700.04 and "
            + "the cap's remaining 1,599.92; the fourth is refused, and each row's used-before chains up")
    void samePersonReachesCapInsideTheBatch() {
        setUp();
        String card = filedCard();
        List<DeskBill> bills = List.of(bill(card, null), bill(card, null), bill(card, null), bill(card, null));

        List<CompletableFuture<Optional<String>>> done = writer.writeNow(bills);

        assertThat(answer(done.get(0))).get().asString().contains("\"fund\":170004");
        assertThat(answer(done.get(1))).get().asString().contains("\"fund\":170004");
        assertThat(answer(done.get(2))).get().asString().contains("\"fund\":159992");
        assertThat(refusal(done.get(3))).isEqualTo("crossregion.cap-used");
        assertThat(jdbc.sql("select fund_paid_fen from cr_annual_use where card_no = :c and benefit_year = 2026")
                .param("c", card).query(Long.class).single()).isEqualTo(500_000);
        assertThat(jdbc.sql("select used_before_fen from cr_settlement where card_no = :c order by used_before_fen")
                .param("c", card).query(Long.class).list()).containsExactly(0L, 170_004L, 340_008L);

        // The next batch starts from what this one committed.
        assertThat(refusal(writer.writeNow(List.of(bill(card, null))).get(0))).isEqualTo("crossregion.cap-used");
        ledgerAudit.assertSound();
    }

    @Test
    @DisplayName("A request id already recorded and a setl_id already settled are not booked by the batch: they "
            + "come back to be settled alone, where the replay or the conflict is answered")
    void recordedIdsGoAlone() {
        setUp();
        DeskBill first = bill(filedCard(), null);
        assertThat(answer(writer.writeNow(List.of(first)).get(0))).isPresent();

        DeskBill sameKey = first;
        DeskBill sameSetlId = new DeskBill(first.request(), hospital, new RequestLog.Claim(first.claim().scope(),
                "other-" + first.claim().requestId(), "fp-other"), null, first.answer());
        List<CompletableFuture<Optional<String>>> again = writer.writeNow(List.of(sameKey, sameSetlId));

        assertThat(answer(again.get(0))).isEmpty();
        assertThat(answer(again.get(1))).isEmpty();
        assertThat(settlements(first)).isOne();
        assertThat(stored(sameSetlId)).as("a bill sent back records no request id").isEmpty();
        assertThat(stored(first)).isPresent();
    }

    @Test
    @DisplayName("A request id already recorded, sent again with a new setl_id: the batch's record of it meets the "
            + "unique key, the whole batch rolls back, and its bills come back to be settled alone")
    void recordedIdWithNewSetlIdRollsBackTheBatch() {
        setUp();
        DeskBill first = bill(filedCard(), null);
        assertThat(answer(writer.writeNow(List.of(first)).get(0))).isPresent();
        DeskBill reused = bill(filedCard(), null);
        reused = new DeskBill(reused.request(), hospital, first.claim(), null, reused.answer());
        DeskBill other = bill(filedCard(), null);

        List<CompletableFuture<Optional<String>>> done = writer.writeNow(List.of(other, reused));

        assertThat(done).allSatisfy(d -> assertThat(answer(d)).isEmpty());
        assertThat(settlements(reused)).isZero();
        assertThat(settlements(other)).as("rolled back with the batch").isZero();
        assertThat(stored(other)).isEmpty();
        assertThat(stored(first)).isPresent();
        ledgerAudit.assertSound();
    }

    @Test
    @DisplayName("A database failure in the middle of a batch rolls all of it back (nothing half-written); settled "
            + "alone afterwards, only the bad bill fails")
    void databaseFailureRollsBackTheBatch() {
        setUp();
        DeskBill good = bill(filedCard(), null);
        DeskBill bad = bill(filedCard(), null);
        DeskBill other = bill(filedCard(), null);
        String constraint = "desk_test_" + NEXT.incrementAndGet();
        jdbc.sql("alter table cr_settlement add constraint " + constraint + " check (setl_id <> '"
                + bad.request().hospitalSettlementId() + "')").update();
        try {
            List<CompletableFuture<Optional<String>>> done = writer.writeNow(List.of(good, bad, other));

            assertThat(done).allSatisfy(d -> assertThat(answer(d)).isEmpty());
            for (DeskBill bill : List.of(good, bad, other)) {
                assertThat(settlements(bill)).isZero();
                assertThat(stored(bill)).isEmpty();
                assertThat(jdbc.sql("select count(*) from cr_annual_use where card_no = :c")
                        .param("c", bill.request().cardNo()).query(Long.class).single()).isZero();
            }

            List<Object> alone = new ArrayList<>();
            for (DeskBill bill : List.of(good, bad, other)) {
                try {
                    alone.add(crossRegion.settle(bill.request(), hospital).payments().fundPay());
                } catch (DataAccessException failed) {
                    alone.add("failed");
                }
            }
            assertThat(alone).containsExactly(Money.ofFen(170_004), "failed", Money.ofFen(170_004));
            assertThat(settlements(bad)).isZero();
            assertThat(jdbc.sql("select count(*) from cr_annual_use where card_no = :c")
                    .param("c", bad.request().cardNo()).query(Long.class).single()).isZero();
        } finally {
            jdbc.sql("alter table cr_settlement drop constraint " + constraint).update();
        }
        ledgerAudit.assertSound();
    }
}
