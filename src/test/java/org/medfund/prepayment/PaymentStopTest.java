package org.medfund.prepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfund.claims.IntakeFixtures.hospitalActor;
import static org.medfund.claims.IntakeFixtures.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.medfund.claims.IntakeFixtures.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.BankFiles;
import org.medfund.settlement.HoldStatus;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.medfund.web.TestUsers;
import org.medfund.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.medfund.web.MedfundUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Seed 002 art. 11 honoured by settlement: once the agency decides a hospital's prepayment cannot be recovered, the monthly
 * payment batch holds its line (nothing offset, nothing booked, not in the bank file) with the reason citing the
 * article, pays the other hospitals, refuses to release it while the stop lasts and pays it after the write-off.
 * Runs in 淮滨县 (411527) with hospitals of its own and cycle 2025-09, which no other test settles there.
 */
@DatabaseTest
class PaymentStopTest {

    private static final String COUNTY = "411527";
    private static final String AGENCY = "411527-AGENCY";
    private static final YearMonth CYCLE = YearMonth.of(2025, 9);

    @Autowired
    Prepayments prepayments;
    @Autowired
    FundStatuses fundStatuses;
    @Autowired
    Agreements agreements;
    @Autowired
    Users users;
    @Autowired
    Applications applications;
    @Autowired
    Recoveries recoveries;
    @Autowired
    SettlementIntake intake;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    MonthlySettlements settlements;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;

    private final Actor clerk = Fixtures.actor("hb-clerk", AGENCY, Role.CLERK);
    private final Actor reviewer = Fixtures.actor("hb-reviewer", AGENCY, Role.REVIEWER);
    private final Actor finance = Fixtures.actor("hb-finance", "411527-FINANCE", Role.FINANCE);
    private final Actor cityClerk = Fixtures.actor("hb-city-clerk", "411500-AGENCY", Role.CLERK);

    /** Art. 6 from application to payment by the county centre; answers the employee row's id. */
    private String prepaid(String hospital) {
        LocalDate applied = LocalDate.of(2025, 1, 6);
        applications.apply(hospital, 2025, XinyangPrepaymentTest.form(), applied,
                Fixtures.actor("h-" + hospital, hospital, Role.HOSPITAL));
        String id = applications.review("PA-2025-" + hospital, XinyangPrepaymentTest.allMet(), applied.plusDays(1),
                clerk).get(0).id();
        LocalDate d = applied.plusDays(2);
        applications.complete(id, WorkflowStep.CITY_AGGREGATED, d, cityClerk, null);
        applications.complete(id, WorkflowStep.BUREAU_REVIEWED, d,
                Fixtures.actor("hb-bureau", "411500-BUREAU", Role.REVIEWER), null);
        applications.complete(id, WorkflowStep.FUNDED, d.plusDays(3),
                Fixtures.actor("hb-city-finance", "411500-FINANCE", Role.FINANCE), null);
        applications.confirmReceipt(id, WorkflowStep.FUNDED, d.plusDays(3), cityClerk);
        applications.complete(id, WorkflowStep.COUNTY_SHARED, d.plusDays(3), cityClerk, null);
        applications.confirmReceipt(id, WorkflowStep.COUNTY_SHARED, d.plusDays(4), clerk);
        applications.complete(id, WorkflowStep.PAID, d.plusDays(4), clerk, "t-hb-pay-" + id);
        return id;
    }

    /** The hospital sends one 310 inpatient record for September and applies; the agency checks and confirms. */
    private void reconciled(String hospital, String fund, String hifp) {
        TestUsers.ensure(users, "hb-clerk", AGENCY, Role.CLERK);
        reconciliations.assignClerk(clerk, hospital, "hb-clerk");
        intake.submit(hospitalActor(hospital), List.of(row(id("PS"), hospital, "310", "2025-09-10 10:00:00",
                "10000.00", fund, hifp, "0.00")), id("k"));
        var total = new ReconciliationApplication.Total("310", "21", COUNTY, CYCLE.atDay(1), CYCLE.atEndOfMonth(),
                Money.ofYuan("10000.00"), Money.ofYuan(fund), Money.ZERO, 1, "1");
        ReconciliationView r = reconciliations.apply(hospitalActor(hospital),
                new ReconciliationApplication(hospital, CYCLE, List.of(total), List.of()), LocalDate.of(2025, 10, 9),
                id("apply"));
        reconciliations.check(clerk, r.id(), LocalDate.of(2025, 10, 10));
        reconciliations.confirm(reviewer, r.id(), LocalDate.of(2025, 10, 10));
    }

    private PaymentBatch.Line line(PaymentBatch b, String hospital) {
        return b.lines().stream().filter(l -> l.hospitalCode().equals(hospital)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("xinyang-2025 art. 11: a stopped hospital's payment is held with the article, kept held, paid after write-off")
    void stoppedHospitalIsHeldUntilWrittenOff() throws Exception {
        Fixtures.fund(ledger, AGENCY, "t-open-" + AGENCY);
        Fixtures.fundXinyangChain(ledger);
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String stopped = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）停拨医院");
        String paid = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）正常医院");
        Fixtures.agreement(agreements, stopped, clerk);
        Fixtures.settlements(context, stopped, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 200_000));
        prepaid(stopped);
        var misuse = recoveries.breachOfUse(stopped, "预付金用于基础建设", LocalDate.of(2025, 7, 1), clerk);
        // The decision alone stops payments (art. 11 "应停止…拨付…并向…法院依法申请强制执行"): no court document yet.
        recoveries.unrecoverable(misuse.get(0).id(), "催收无果，账户余额不足", LocalDate.of(2025, 9, 1), clerk);
        recoveries.courtApplication(misuse.get(0).id(), LocalDate.of(2025, 9, 3), "淮滨县人民法院",
                "（2025）豫1527执45号", clerk);

        reconciled(stopped, "7000.00", "6500.00");
        reconciled(paid, "3000.00", "3000.00");
        Money expenseBefore = ledger.balance(AGENCY, "5001", stopped, null, null);
        PaymentBatch prepared = settlements.prepare(clerk, CYCLE, LocalDate.of(2025, 10, 13), id("prep"));
        PaymentBatch batch = settlements.approve(finance, prepared.id(), LocalDate.of(2025, 10, 15), id("pay"));

        PaymentBatch.Line held = line(batch, stopped);
        assertThat(held.held()).isTrue();
        assertThat(held.net()).isEqualTo(Money.ofYuan("7000.00"));
        assertThat(held.offsets()).isEqualTo(Money.ZERO);
        assertThat(held.holdReason()).contains("xinyang-2025 art. 11", "停止拨付", "2,000.00", "豫1527执45号",
                "淮滨县人民法院", misuse.get(0).id());
        assertThat(line(batch, paid).held()).isFalse();
        assertThat(batch.totalHeld()).isEqualTo(Money.ofYuan("7000.00"));
        assertThat(batch.totalNet()).isEqualTo(Money.ofYuan("3000.00"));
        assertThat(ledger.balance(AGENCY, "5001", stopped, null, null)).isEqualTo(expenseBefore);
        String bankFile = new String(BankFiles.csv(batch), StandardCharsets.UTF_8);
        assertThat(bankFile).contains(paid, "3000.00").doesNotContain(stopped);
        // The batch view on the staff pages shows the hold and its article; the bank file (page route) leaves it out.
        mvc.perform(get("/settlements").with(user(MedfundUser.of(clerk))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("暂停拨付：依《信阳市基本医疗保险基金预付管理办法》第十一条")));
        mvc.perform(get("/settlements/payment-batches/" + batch.id() + "/bank-file.csv")
                        .with(user(MedfundUser.of(clerk))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(paid)))
                .andExpect(content().string(not(containsString(stopped))));
        // The hospital sees its own line held, with the reason.
        assertThat(settlements.batch(hospitalActor(stopped), batch.id()).lines()).singleElement()
                .satisfies(l -> assertThat(l.holdReason()).contains("xinyang-2025 art. 11"));

        // Held until the stop is lifted: a release while the prepayment is still unrecovered is refused.
        assertThatThrownBy(() -> settlements.release(finance, batch.id(), LocalDate.of(2025, 10, 20), id("rel")))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("settlement.still-held");
                    assertThat(e.getMessage()).contains("xinyang-2025 art. 11");
                });
        assertThat(line(settlements.batch(clerk, batch.id()), stopped).held()).isTrue();

        recoveries.courtDocument(misuse.get(0).id(), "（2025）豫1527执45号 终结本次执行裁定", LocalDate.of(2025, 10, 28),
                Money.ofYuan("2000.00"), clerk);
        recoveries.writeOff(misuse.get(0).id(), "淮政文〔2025〕12号", LocalDate.of(2025, 11, 3), reviewer,
                "t-hb-wo-" + stopped);
        assertThat(recoveries.paymentsStopped(stopped, LocalDate.of(2025, 11, 4))).isFalse();
        mvc.perform(get("/settlements").with(user(MedfundUser.of(finance))))
                .andExpect(content().string(containsString("暂停拨付已解除的明细")));
        mvc.perform(post("/settlements/payment-batches/" + batch.id() + "/release").with(csrf())
                        .with(user(MedfundUser.of(finance))).param("date", "2025-11-04").param("requestId", id("rel")))
                .andExpect(status().is3xxRedirection());
        PaymentBatch released = settlements.batch(finance, batch.id());
        PaymentBatch.Line after = line(released, stopped);
        assertThat(after.holdStatus()).isEqualTo(HoldStatus.RELEASED);
        assertThat(after.releasedOn()).isEqualTo(LocalDate.of(2025, 11, 4));
        assertThat(after.derivation()).contains("已解除");
        assertThat(released.totalNet()).isEqualTo(Money.ofYuan("10000.00"));
        assertThat(ledger.balance(AGENCY, "5001", stopped, null, null).minus(expenseBefore))
                .isEqualTo(Money.ofYuan("7000.00"));
        assertThat(jdbc.sql("select status from stl_reconciliation where batch_id = :b and fixmedins_code = :h")
                .param("b", batch.id()).param("h", stopped).query(String.class).single()).isEqualTo("PAID");
        assertThatThrownBy(() -> settlements.release(finance, batch.id(), LocalDate.of(2025, 11, 5), id("rel")))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("settlement.nothing-held"));

        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
        audit.assertSound();
    }
}
