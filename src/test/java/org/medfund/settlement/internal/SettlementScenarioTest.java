package org.medfund.settlement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfund.claims.IntakeFixtures.hospitalActor;
import static org.medfund.claims.IntakeFixtures.id;
import static org.medfund.claims.IntakeFixtures.row;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlementRecords;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.TestUsers;
import org.medfund.users.Users;
import org.medfund.settlement.BankFiles;
import org.medfund.settlement.BatchStatus;
import org.medfund.settlement.ClearingApplications;
import org.medfund.settlement.ClearingStatus;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationStatus;
import org.medfund.settlement.Reconciliations;
import org.medfund.settlement.ReconciliationView;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Henan and Hainan month-ends end to end on the registry's demo hospitals: deadlines across holidays, late
 * roll-over, reversal after reconciliation, clerk ≠ reviewer, payment through the ledger, fallback then true-up.
 * Every scenario ends with the ledger's invariant audit. Each test uses months of its own.
 */
@DatabaseTest
class SettlementScenarioTest {

    /** 郏县中医院 and 卫东区东安路社区卫生服务中心: demo hospitals no other capability's tests settle. */
    static final String PDS_HOSPITAL = "H41042500001";
    static final String BAOFENG_HOSPITAL = "H41040300001";
    static final Actor CLERK = new Actor("jx-clerk", "410425-AGENCY", Set.of(Role.CLERK, Role.REVIEWER));
    static final Actor REVIEWER = new Actor("jx-reviewer", "410425-AGENCY", Set.of(Role.REVIEWER));
    static final Actor FINANCE = new Actor("jx-finance", "410425-FINANCE", Set.of(Role.FINANCE));
    static final Actor BF_CLERK = new Actor("wd-clerk", "410403-AGENCY", Set.of(Role.CLERK));
    static final Actor BF_REVIEWER = new Actor("wd-reviewer", "410403-AGENCY", Set.of(Role.REVIEWER));

    @Autowired
    SettlementIntake intake;
    @Autowired
    SettlementRecords records;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    JdbcMonthlySettlements settlements;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClearingApplications clearing;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    Users users;

    ClearingApplications.Application clearingApplication(YearMonth cycle, String fund) {
        return new ClearingApplications.Application(BAOFENG_HOSPITAL, cycle, "21", "1", 1,
                Money.ofYuan("2000.00"), Money.ofYuan("2000.00"), Money.ofYuan(fund), Money.ofYuan("800.00"),
                Money.ZERO, cycle.atDay(1), cycle.atEndOfMonth());
    }

    void fund(String agency) {
        ledger.openBook(agency);
        ledger.post(new BusinessEvent("opening.balance.expenditure-account", id("open"), LocalDate.of(2022, 1, 1),
                YearMonth.of(2022, 1), Money.ofYuan("900000000.00"), Map.of("book", agency), null, "test",
                id("doc"), null, null, "测试期初支出户余额"));
    }

    /** Submits records and returns the 3201 totals a hospital system would send for them (all 21 住院). */
    List<ReconciliationApplication.Total> send(String hospital, String optins, YearMonth month,
                                               List<Map<String, String>> rows) {
        intake.submit(hospitalActor(hospital), rows, id("k"));
        Map<String, long[]> sums = new java.util.TreeMap<>();
        for (Map<String, String> r : rows) {
            long[] s = sums.computeIfAbsent(r.get("insutype"), k -> new long[4]);
            s[0]++;
            s[1] += Money.ofYuan(r.get("medfee_sumamt")).fen();
            s[2] += Money.ofYuan(r.get("fund_pay_sumamt")).fen();
            s[3] += Money.ofYuan(r.get("acct_pay")).fen();
        }
        List<ReconciliationApplication.Total> totals = new ArrayList<>();
        sums.forEach((t, s) -> totals.add(new ReconciliationApplication.Total(t, "21", optins, month.atDay(1),
                month.atEndOfMonth(), Money.ofFen(s[1]), Money.ofFen(s[2]), Money.ofFen(s[3]), s[0], "1")));
        return totals;
    }

    @Test
    @DisplayName("henan-2023 三(一) + 二(二) 下同: the 5th inside National Day or Spring Festival shifts; Hainan's 20th does not")
    void deadlinesAcrossHolidays() {
        assertThat(reconciliations.deadline(PDS_HOSPITAL, YearMonth.of(2024, 9)).dueDate())
                .isEqualTo(LocalDate.of(2024, 10, 8));
        // 2025: National Day and Mid-Autumn together, Oct 1–8 → the 9th.
        assertThat(reconciliations.deadline(PDS_HOSPITAL, YearMonth.of(2025, 9)).dueDate())
                .isEqualTo(LocalDate.of(2025, 10, 9));
        // 2025-04-05 is Qingming (Apr 4–6) → Monday the 7th. No Spring Festival break from the pack's effective date
        // (2023-10-24) to the end of the shipped calendar (2026) contains a 5th; the rule is the same one.
        assertThat(reconciliations.deadline(PDS_HOSPITAL, YearMonth.of(2025, 3)).dueDate())
                .isEqualTo(LocalDate.of(2025, 4, 7));
        // Before henan-2023 took effect there is no rule: no due date, never late.
        assertThat(reconciliations.deadline(PDS_HOSPITAL, YearMonth.of(2022, 1)).dueDate()).isNull();
        assertThat(reconciliations.deadline(PDS_HOSPITAL, YearMonth.of(2024, 10)).dueDate())
                .isEqualTo(LocalDate.of(2024, 11, 5));
        // 2024-10-20 is a Sunday: hainan-2020 art. 16 says "每月20日前" with no 顺延 clause, so it stands.
        assertThat(reconciliations.deadline("H46010800001", YearMonth.of(2024, 9)).dueDate())
                .isEqualTo(LocalDate.of(2024, 10, 20));
    }

    @Test
    @DisplayName("hainan-2020 art. 16: Hainan pays within 45 working days counted from the 21st")
    void hainanPaymentDue() {
        var agency = new org.medfund.registry.Org("460108-AGENCY", "x", org.medfund.registry.OrgKind.AGENCY,
                "460108", null, false, false, false);
        // 2024-10-21 (Mon) is day 1; 45 working days with no holiday in between end on 2024-12-20 (Fri).
        assertThat(settlements.due(agency, YearMonth.of(2024, 9)).date()).isEqualTo(LocalDate.of(2024, 12, 20));
    }

    @Test
    @DisplayName("Henan month: apply on the shifted due date, reversal afterwards goes to next month, clerk then reviewer, paid")
    void henanMonth() {
        fund("410425-AGENCY");
        TestUsers.ensure(users, "jx-clerk", "410425-AGENCY", Role.CLERK, Role.REVIEWER);
        reconciliations.assignClerk(CLERK, PDS_HOSPITAL, "jx-clerk");
        YearMonth sep = YearMonth.of(2024, 9);
        String a = id("HS");
        List<Map<String, String>> rows = List.of(
                row(a, PDS_HOSPITAL, "310", "2024-09-03 10:00:00", "12000.00", "9000.00", "8500.00", "1000.00"),
                row(id("HS"), PDS_HOSPITAL, "310", "2024-09-30 22:00:00", "800.50", "500.25", "500.25", "100.00"),
                row(id("HS"), PDS_HOSPITAL, "390", "2024-09-15 09:00:00", "3000.00", "1800.00", "1700.00", "0.00"));
        var totals = send(PDS_HOSPITAL, "410425", sep, rows);
        ReconciliationView r = reconciliations.apply(hospitalActor(PDS_HOSPITAL),
                new ReconciliationApplication(PDS_HOSPITAL, sep, totals, List.of()), LocalDate.of(2024, 10, 8),
                id("apply"));
        assertThat(r.late()).isFalse();
        assertThat(r.cycle()).isEqualTo(sep);
        assertThat(r.stmtRslt()).isEqualTo("0");
        assertThat(r.clerkUser()).isEqualTo("jx-clerk");
        // A reversal of a September record sent after the application lands in October.
        intake.submit(hospitalActor(PDS_HOSPITAL), List.of(Map.of("setl_id", id("HR"), "fixmedins_code",
                PDS_HOSPITAL, "setl_time", "2024-09-30 23:00:00", "refd_setl_id", a)), id("k"));
        assertThat(records.totals(PDS_HOSPITAL, sep)).extracting(SettlementRecords.GroupTotal::count)
                .containsExactly(2L, 1L);
        assertThat(records.totals(PDS_HOSPITAL, YearMonth.of(2024, 10))).singleElement()
                .satisfies(g -> assertThat(g.fundPaySum()).isEqualTo(Money.ofYuan("-9000.00")));
        assertThatThrownBy(() -> reconciliations.confirm(REVIEWER, r.id(), LocalDate.of(2024, 10, 9)))
                .isInstanceOf(Rejection.class).hasMessageContaining("专人");
        assertThatThrownBy(() -> reconciliations.check(REVIEWER, r.id(), LocalDate.of(2024, 10, 9)))
                .isInstanceOf(Rejection.class);
        reconciliations.check(CLERK, r.id(), LocalDate.of(2024, 10, 9));
        assertThatThrownBy(() -> reconciliations.confirm(CLERK, r.id(), LocalDate.of(2024, 10, 9)))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("settlement.same-user"));
        reconciliations.confirm(REVIEWER, r.id(), LocalDate.of(2024, 10, 9));

        Money expenseBefore = ledger.balance("410425-AGENCY", "5001", PDS_HOSPITAL, null, null);
        PaymentBatch b = settlements.prepare(CLERK, sep, LocalDate.of(2024, 10, 10), id("prep"));
        assertThat(b.lines()).extracting(PaymentBatch.Line::insutype, PaymentBatch.Line::gross).containsExactly(
                org.assertj.core.groups.Tuple.tuple("310", Money.ofYuan("10600.25")),
                org.assertj.core.groups.Tuple.tuple("390", Money.ofYuan("1800.00")));
        assertThat(b.lines().get(0).memo()).contains("2024年09月", "职工基本医疗保险", "2024-09");
        assertThatThrownBy(() -> settlements.approve(CLERK, b.id(), LocalDate.of(2024, 10, 12), id("pay")))
                .isInstanceOf(Rejection.class);
        // Issue 11 #3: the probe's {"date": 12345} was 2003-10-20 and got booked; a date before the batch neither.
        assertThatThrownBy(() -> settlements.approve(FINANCE, b.id(), LocalDate.of(2003, 10, 20), id("pay")))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("date.out-of-calendar"));
        assertThatThrownBy(() -> settlements.approve(FINANCE, b.id(), LocalDate.of(2024, 10, 9), id("pay")))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("date.before-document"));
        assertThatThrownBy(() -> reconciliations.check(CLERK, r.id(), LocalDate.of(2024, 10, 7)))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("date.before-document"));
        PaymentBatch paid = settlements.approve(FINANCE, b.id(), LocalDate.of(2024, 10, 12), id("pay"));
        assertThat(paid.status()).isEqualTo(BatchStatus.PAID);
        assertThat(ledger.balance("410425-AGENCY", "5001", PDS_HOSPITAL, null, null).minus(expenseBefore))
                .isEqualTo(paid.totalNet());
        assertThat(reconciliations.view(CLERK, r.id()).status()).isEqualTo(ReconciliationStatus.PAID);
        // The payments cite the batch number (agency, cycle, kind), not the database id, which skips what crashes
        // and refusals rolled back: the hash chain of the same payments must not depend on it (issue 11).
        assertThat(paid.documentNo()).isEqualTo("410425-AGENCY-202409-REGULAR");
        assertThat(jdbc.sql("""
                select count(*) from ledger_entry where rule_type = 'settlement.paid' and document_id = :doc
                  and request_id like :request""").param("doc", paid.documentNo())
                .param("request", "stl-" + paid.documentNo() + "-" + PDS_HOSPITAL + "-%").query(Long.class).single())
                .isEqualTo(2);
        audit.assertSound();

        // henan-2023 三(一) fallback: the agency cannot pay October on time and pre-pays September's actual amounts.
        PaymentBatch fallback = settlements.declareFallback(CLERK, YearMonth.of(2024, 10), LocalDate.of(2024, 11, 6),
                "系统升级，无法按时拨付", id("fb"));
        assertThat(fallback.lines()).extracting(PaymentBatch.Line::net)
                .containsExactly(Money.ofYuan("10600.25"), Money.ofYuan("1800.00"));
        assertThat(fallback.lines().get(0).derivation()).contains("上一结算周期实际结算金额", "henan-2023 三(一)");
        settlements.approve(FINANCE, fallback.id(), LocalDate.of(2024, 11, 6), id("fbpay"));

        // October: one new 310 record of 1,000.00 fund + the September reversal of −9,000.00 (fund) −1,000 (acct).
        YearMonth oct = YearMonth.of(2024, 10);
        String o1 = id("HO");
        intake.submit(hospitalActor(PDS_HOSPITAL), List.of(
                row(o1, PDS_HOSPITAL, "310", "2024-10-09 10:00:00", "1500.00", "1000.00", "1000.00", "100.00")),
                id("k"));
        var octTotals = List.of(new ReconciliationApplication.Total("310", "21", "410425", oct.atDay(1),
                oct.atEndOfMonth(), Money.ofYuan("-10500.00"), Money.ofYuan("-8000.00"), Money.ofYuan("-900.00"), 2,
                "1"));
        ReconciliationView ro = reconciliations.apply(hospitalActor(PDS_HOSPITAL),
                new ReconciliationApplication(PDS_HOSPITAL, oct, octTotals, List.of()), LocalDate.of(2024, 11, 5),
                id("apply"));
        assertThat(ro.stmtRslt()).isEqualTo("0");
        reconciliations.check(CLERK, ro.id(), LocalDate.of(2024, 11, 6));
        reconciliations.confirm(REVIEWER, ro.id(), LocalDate.of(2024, 11, 6));
        PaymentBatch trueUp = settlements.prepare(CLERK, oct, LocalDate.of(2024, 11, 20), id("prep"));
        // 310: gross −8,900.00, advance 10,600.25 → nothing paid, 19,500.25 carried; 390: gross 0, advance 1,800.
        assertThat(trueUp.lines()).extracting(PaymentBatch.Line::insutype, PaymentBatch.Line::net,
                PaymentBatch.Line::carriedOut).containsExactly(
                org.assertj.core.groups.Tuple.tuple("310", Money.ZERO, Money.ofYuan("19500.25")),
                org.assertj.core.groups.Tuple.tuple("390", Money.ZERO, Money.ofYuan("1800.00")));
        settlements.approve(FINANCE, trueUp.id(), LocalDate.of(2024, 11, 21), id("pay"));
        audit.assertSound();
    }

    @Test
    @DisplayName("henan-2023 三(一): applied after the shifted due date → settled with the next month")
    void lateApplicationRollsOver() {
        fund("410403-AGENCY");
        TestUsers.ensure(users, "wd-clerk", "410403-AGENCY", Role.CLERK);
        reconciliations.assignClerk(BF_CLERK, BAOFENG_HOSPITAL, "wd-clerk");
        YearMonth sep = YearMonth.of(2024, 9);
        var totals = send(BAOFENG_HOSPITAL, "410403", sep, List.of(
                row(id("BF"), BAOFENG_HOSPITAL, "390", "2024-09-10 10:00:00", "2000.00", "1200.00", "1200.00", "0.00")));
        ReconciliationView r = reconciliations.apply(hospitalActor(BAOFENG_HOSPITAL),
                new ReconciliationApplication(BAOFENG_HOSPITAL, sep, totals, List.of()), LocalDate.of(2024, 10, 9),
                id("apply"));
        assertThat(r.dueDate()).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(r.late()).isTrue();
        assertThat(r.cycle()).isEqualTo(YearMonth.of(2024, 10));
        var obligations = reconciliations.obligations(BF_CLERK, sep, LocalDate.of(2024, 10, 20));
        assertThat(obligations).filteredOn(o -> o.hospitalCode().equals(BAOFENG_HOSPITAL)).singleElement()
                .satisfies(o -> assertThat(o.overdue()).isTrue());
        reconciliations.check(BF_CLERK, r.id(), LocalDate.of(2024, 10, 9));
        reconciliations.confirm(BF_REVIEWER, r.id(), LocalDate.of(2024, 10, 9));
        assertThatThrownBy(() -> settlements.prepare(BF_CLERK, sep, LocalDate.of(2024, 10, 10), id("p")))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("settlement.nothing-to-settle"));
        // 3203 for the cycle the late month joined, withdrawn (3204) and applied again; wrong amounts are refused.
        YearMonth oct = YearMonth.of(2024, 10);
        var wrong = clearingApplication(oct, "1199.99");
        assertThatThrownBy(() -> clearing.apply(hospitalActor(BAOFENG_HOSPITAL), wrong, LocalDate.of(2024, 11, 1),
                id("c"))).isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.field()).isEqualTo("fund_appy_sum"));
        var first = clearing.apply(hospitalActor(BAOFENG_HOSPITAL), clearingApplication(oct, "1200.00"),
                LocalDate.of(2024, 11, 1), id("c"));
        assertThat(clearing.withdraw(hospitalActor(BAOFENG_HOSPITAL), first.id(), LocalDate.of(2024, 11, 2)).status())
                .isEqualTo(ClearingStatus.WITHDRAWN);
        var second = clearing.apply(hospitalActor(BAOFENG_HOSPITAL), clearingApplication(oct, "1200.00"),
                LocalDate.of(2024, 11, 3), id("c"));
        PaymentBatch b = settlements.prepare(BF_CLERK, oct, LocalDate.of(2024, 11, 10), id("p"));
        assertThat(b.lines()).singleElement().satisfies(l -> assertThat(l.gross()).isEqualTo(Money.ofYuan("1200.00")));
        settlements.approve(new Actor("wd-finance", "410403-AGENCY", Set.of(Role.FINANCE)), b.id(),
                LocalDate.of(2024, 11, 12), id("pay"));
        assertThat(clearing.find(second.id()).status()).isEqualTo(ClearingStatus.APPROVED);
        assertThatThrownBy(() -> clearing.withdraw(hospitalActor(BAOFENG_HOSPITAL), second.id(),
                LocalDate.of(2024, 11, 13))).isInstanceOf(Rejection.class);
        String bankFile = new String(BankFiles.csv(settlements.batch(BF_CLERK, b.id())),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(bankFile).contains("1200.00", "2024年10月 城乡居民基本医疗保险", "DEMO-", "壹仟贰佰元整");
        assertThat(BankFiles.xlsx(settlements.batch(BF_CLERK, b.id()))).isNotEmpty();
        audit.assertSound();
    }

    @Test
    @DisplayName("3202 detail: differences listed per setl_id; a hospital sees only its own reconciliations")
    void detailDifferences() {
        TestUsers.ensure(users, "wd-clerk", "410403-AGENCY", Role.CLERK);
        reconciliations.assignClerk(BF_CLERK, BAOFENG_HOSPITAL, "wd-clerk");
        YearMonth month = YearMonth.of(2023, 5);
        String a = id("DD");
        String b = id("DD");
        var totals = send(BAOFENG_HOSPITAL, "410403", month, List.of(
                row(a, BAOFENG_HOSPITAL, "390", "2023-05-10 10:00:00", "100.00", "60.00", "60.00", "0.00"),
                row(b, BAOFENG_HOSPITAL, "390", "2023-05-11 10:00:00", "200.00", "120.00", "120.00", "0.00")));
        var details = List.of(
                new ReconciliationApplication.Detail(a, Money.ofYuan("100.00"), Money.ofYuan("60.00"), Money.ZERO),
                new ReconciliationApplication.Detail(b, Money.ofYuan("200.00"), Money.ofYuan("121.00"), Money.ZERO),
                new ReconciliationApplication.Detail("ONLYHOSP" + a, Money.ofYuan("1.00"), Money.ZERO, Money.ZERO));
        ReconciliationView r = reconciliations.apply(hospitalActor(BAOFENG_HOSPITAL),
                new ReconciliationApplication(BAOFENG_HOSPITAL, month, totals, details), LocalDate.of(2023, 6, 2),
                id("apply"));
        assertThat(r.stmtRslt()).isEqualTo("1");
        assertThat(reconciliations.differences(hospitalActor(BAOFENG_HOSPITAL), r.id()))
                .extracting(ReconciliationView.Difference::setlId, ReconciliationView.Difference::stmtRslt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(b, "3"),
                        org.assertj.core.groups.Tuple.tuple("ONLYHOSP" + a, "2"));
        assertThatThrownBy(() -> reconciliations.view(hospitalActor(PDS_HOSPITAL), r.id()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.status()).isEqualTo(403));
    }
}
