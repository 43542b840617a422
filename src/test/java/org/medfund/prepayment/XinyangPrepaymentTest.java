package org.medfund.prepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.settlement.PaymentOffsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Xinyang 预付管理办法 (xinyang-2025) end to end: application and art. 3 review, art. 7 gate per fund, art. 6 workflow
 * with due dates, all-or-nothing clearing (art. 6(五)), recovery triggers (art. 10), write-off (art. 11). The ledger
 * equals the register after every scenario.
 */
@DatabaseTest
class XinyangPrepaymentTest {

    private static final String CITY = "411500";
    private static final String COUNTY = "411521"; // 罗山县
    private static final String COUNTY_AGENCY = "411521-AGENCY";

    @Autowired
    Prepayments prepayments;
    @Autowired
    FundStatuses fundStatuses;
    @Autowired
    Agreements agreements;
    @Autowired
    Applications applications;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    org.medfund.ledger.LedgerReports reports;
    @Autowired
    org.medfund.ledger.LedgerAudit audit;

    private final Actor clerk = Fixtures.actor("xy-clerk", COUNTY_AGENCY, Role.CLERK);
    private final Actor cityClerk = Fixtures.actor("xy-city-clerk", "411500-AGENCY", Role.CLERK);
    private final Actor bureau = Fixtures.actor("xy-bureau", "411500-BUREAU", Role.REVIEWER);
    private final Actor finance = Fixtures.actor("xy-finance", "411500-FINANCE", Role.FINANCE);

    @AfterEach
    void ledgerEqualsRegister() {
        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
    }

    static ApplicationForm form() {
        return new ApplicationForm("罗山县某医院，二级，编码见上", "严格履行协议，考核合格", "财务制度健全", "配合支付方式改革",
                "配合飞行检查", "无", true, true, true, true);
    }

    static List<Finding> allMet() {
        List<Finding> findings = new ArrayList<>();
        for (EligibilityCondition condition : EligibilityCondition.values()) {
            findings.add(new Finding(condition, true, "审核材料：" + condition.text(), null));
        }
        return findings;
    }

    /** Applies, reviews and runs the art. 6 steps to payment; answers the employee row. */
    private Prepayment prepaid(String hospital, int year, LocalDate applied) {
        applications.apply(hospital, year, form(), applied, Fixtures.actor("h-" + hospital, hospital, Role.HOSPITAL));
        var rows = applications.review("PA-" + year + "-" + hospital, allMet(), applied.plusDays(1), clerk);
        String id = rows.get(0).id();
        LocalDate d = applied.plusDays(2);
        applications.complete(id, WorkflowStep.CITY_AGGREGATED, d, cityClerk, null);
        applications.complete(id, WorkflowStep.BUREAU_REVIEWED, d, bureau, null);
        applications.complete(id, WorkflowStep.FUNDED, d.plusDays(3),
                Fixtures.actor("xy-finance", "411500-FINANCE", Role.FINANCE), null);
        applications.confirmReceipt(id, WorkflowStep.FUNDED, d.plusDays(3), cityClerk);
        applications.complete(id, WorkflowStep.COUNTY_SHARED, d.plusDays(3), cityClerk, null);
        applications.confirmReceipt(id, WorkflowStep.COUNTY_SHARED, d.plusDays(4), clerk);
        applications.complete(id, WorkflowStep.PAID, d.plusDays(4), clerk, "t-xy-pay-" + id);
        return prepayments.prepayment(id, clerk);
    }

    @org.junit.jupiter.api.BeforeEach
    void openingBalance() {
        Fixtures.fund(ledger, COUNTY_AGENCY, "t-open-" + COUNTY_AGENCY);
        Fixtures.fund(ledger, "411500-AGENCY", "t-open-" + "411500-AGENCY");
        Fixtures.fundXinyangChain(ledger);
    }

    @Test
    @DisplayName("DESIGN §7: Xinyang hospitals follow henan-2023 until xinyang-2025 is in force")
    void regimeByDate() {
        assertThat(prepayments.regime(COUNTY, LocalDate.of(2024, 6, 1)).packId()).isEqualTo("henan-2023");
        assertThat(prepayments.regime(COUNTY, LocalDate.of(2025, 1, 10)).packId()).isEqualTo("xinyang-2025");
    }

    @Test
    @DisplayName("xinyang-2025 art. 3–7: eligible hospital, art. 4 amount of local settlements, resident fund closed at 5.99")
    void applicationReviewGateAndWorkflow() {
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）罗山医院");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 10_001));
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.IN_PROVINCE,
                Fixtures.months(2024, 1, 3, 777)); // art. 8: a separate category, not in the sizing
        Fixtures.xinyangFundStatus(fundStatuses, 2025, false, cityClerk);

        var application = applications.apply(hospital, 2025, form(), LocalDate.of(2025, 1, 10),
                Fixtures.actor("h", hospital, Role.HOSPITAL));
        assertThat(application.dueOn()).isEqualTo(LocalDate.of(2025, 1, 15));
        assertThat(application.late()).isFalse();
        var rows = applications.review(application.id(), allMet(), LocalDate.of(2025, 1, 16), clerk);
        assertThat(rows).hasSize(2);
        var employee = rows.get(0);
        assertThat(employee.insuranceType()).isEqualTo("310");
        assertThat(employee.sized()).isEqualTo(Money.ofFen(10_001));
        assertThat(employee.derivation().citation()).contains("xinyang-2025", "xinyang-2025 art. 4");
        var resident = rows.get(1);
        assertThat(resident.status()).isEqualTo(PrepaymentStatus.CLOSED);
        assertThat(resident.gateReasons()).contains("5.99", "低于 6 个月");
        assertThat(applications.findings(application.id())).hasSize(5)
                .allSatisfy(f -> assertThat(f.reviewerUserId()).isEqualTo("xy-clerk"));

        assertThatThrownBy(() -> applications.complete(employee.id(), WorkflowStep.BUREAU_REVIEWED,
                LocalDate.of(2025, 1, 17), bureau, null)).isInstanceOf(Rejection.class)
                .hasMessageContaining("市级经办机构审核汇总");
        applications.complete(employee.id(), WorkflowStep.CITY_AGGREGATED, LocalDate.of(2025, 1, 17),
                cityClerk, null);
        applications.complete(employee.id(), WorkflowStep.BUREAU_REVIEWED, LocalDate.of(2025, 1, 17), bureau,
                null);
        var funded = applications.steps(employee.id()).stream()
                .filter(s -> s.step() == WorkflowStep.FUNDED).findFirst().orElseThrow();
        // 10 working days after Fri 2025-01-17, across the Spring Festival holiday (Jan 28 – Feb 4, Jan 26 worked)
        assertThat(funded.dueOn()).isEqualTo(LocalDate.of(2025, 2, 7));
        assertThat(funded.overdue(LocalDate.of(2025, 2, 8))).isTrue();
        applications.complete(employee.id(), WorkflowStep.FUNDED, LocalDate.of(2025, 2, 10), finance, null);
        assertThat(applications.steps(employee.id()).stream().filter(s -> s.step() == WorkflowStep.FUNDED)
                .findFirst().orElseThrow().overdue(LocalDate.of(2025, 3, 1))).isTrue();
        applications.confirmReceipt(employee.id(), WorkflowStep.FUNDED, LocalDate.of(2025, 2, 10), cityClerk);
        applications.complete(employee.id(), WorkflowStep.COUNTY_SHARED, LocalDate.of(2025, 2, 10), cityClerk,
                null);
        applications.confirmReceipt(employee.id(), WorkflowStep.COUNTY_SHARED, LocalDate.of(2025, 2, 11), clerk);
        applications.complete(employee.id(), WorkflowStep.PAID, LocalDate.of(2025, 2, 12), clerk,
                "t-xy-paid-" + employee.id());
        assertThat(prepayments.prepayment(employee.id(), clerk).status()).isEqualTo(PrepaymentStatus.DISBURSED);
        assertThat(prepayments.outstanding(hospital, "310")).isEqualTo(Money.ofFen(10_001));
        assertThat(prepayments.outstanding(hospital, "390")).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("xinyang-2025 art. 3: an unmet condition refuses with its article; art. 5 adjustment records the decision")
    void refusalAndAdjustment() {
        String refused = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）不合格医院");
        applications.apply(refused, 2025, form(), LocalDate.of(2025, 1, 13), Fixtures.actor("h", refused,
                Role.HOSPITAL));
        List<Finding> findings = allMet();
        findings.set(3, new Finding(EligibilityCondition.COOPERATES_SUPERVISION, false,
                "2024-09 被医保部门行政处罚", null));
        assertThat(applications.review("PA-2025-" + refused, findings, LocalDate.of(2025, 1, 16), clerk)).isEmpty();
        var application = applications.application("PA-2025-" + refused).orElseThrow();
        assertThat(application.status()).isEqualTo(ApplicationStatus.REFUSED);
        assertThat(application.refusals()).contains("xinyang-2025 art. 3(四)");

        String adjusted = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）调整医院");
        Fixtures.settlements(context, adjusted, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 50_000));
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        applications.apply(adjusted, 2025, form(), LocalDate.of(2025, 1, 20), Fixtures.actor("h", adjusted,
                Role.HOSPITAL));
        assertThat(applications.application("PA-2025-" + adjusted).orElseThrow().late()).isTrue();
        var rows = applications.review("PA-2025-" + adjusted, allMet(), LocalDate.of(2025, 1, 21), clerk);
        var row = applications.adjust(rows.get(0).id(), Money.ofFen(75_000), "信医保〔2025〕9号", "突发公共卫生事件",
                clerk);
        assertThat(row.sized()).isEqualTo(Money.ofFen(75_000));
        assertThat(row.toPay()).isEqualTo(Money.ofFen(75_000));
        assertThat(row.derivation().explain()).contains("信医保〔2025〕9号", "第四条核定额度 = 500.00");
        assertThat(rows.get(1).status()).isEqualTo(PrepaymentStatus.PREPARED);
    }

    @Test
    @DisplayName("xinyang-2025 art. 6(五): one fen short → nothing offset, full return; absorbed → full offset; uncleared can't apply")
    void allOrNothingClearing() {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String shortOne = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）差一分");
        String absorbed = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）全额冲抵");
        for (String h : List.of(shortOne, absorbed)) {
            Fixtures.agreement(agreements, h, clerk);
            Fixtures.settlements(context, h, COUNTY, "310", PlaceOfSettlement.LOCAL,
                    Fixtures.months(2024, 1, 12, 300_000));
        }
        var a = prepaid(shortOne, 2025, LocalDate.of(2025, 1, 6));
        var b = prepaid(absorbed, 2025, LocalDate.of(2025, 1, 6));
        assertThat(a.toPay()).isEqualTo(Money.ofFen(300_000));

        var clearing = recoveries.clear(a.id(), LocalDate.of(2026, 1, 5), clerk);
        assertThat(clearing.returnDue()).isEqualTo(LocalDate.of(2026, 1, 31));
        Money offset = recoveries.offset(new PaymentOffsets.OffsetRequest(COUNTY_AGENCY, shortOne, "310",
                YearMonth.of(2025, 12), Money.ofFen(299_999), LocalDate.of(2026, 1, 20), "t-xy-clr-" + shortOne));
        assertThat(offset).isEqualTo(Money.ZERO);
        assertThat(prepayments.outstanding(shortOne, "310")).isEqualTo(Money.ofFen(300_000));
        assertThatThrownBy(() -> applications.apply(shortOne, 2026, form(), LocalDate.of(2026, 1, 12),
                Fixtures.actor("h", shortOne, Role.HOSPITAL))).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).code()).isEqualTo("prepayment.not-cleared");
        assertThatThrownBy(() -> recoveries.recordReturn(clearing.id(), Money.ofFen(100_000),
                LocalDate.of(2026, 1, 25), clerk, "t-xy-ret-part-" + shortOne)).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).code()).isEqualTo("prepayment.return-in-full");
        recoveries.recordReturn(clearing.id(), Money.ofFen(300_000), LocalDate.of(2026, 1, 25), clerk,
                "t-xy-ret-" + shortOne);
        assertThat(prepayments.prepayment(a.id(), clerk).clearingMethod()).isEqualTo(ClearingMethod.RETURN);

        recoveries.clear(b.id(), LocalDate.of(2026, 1, 5), clerk);
        Money full = recoveries.offset(new PaymentOffsets.OffsetRequest(COUNTY_AGENCY, absorbed, "310",
                YearMonth.of(2025, 12), Money.ofFen(300_000), LocalDate.of(2026, 1, 20), "t-xy-clr-" + absorbed));
        assertThat(full).isEqualTo(Money.ofFen(300_000));
        assertThat(prepayments.prepayment(b.id(), clerk).clearingMethod()).isEqualTo(ClearingMethod.OFFSET);
        assertThat(ledger.balance(COUNTY_AGENCY, Prepayments.RECEIVABLE_ACCOUNT, absorbed, "310",
                LocalDate.of(2026, 1, 31))).isEqualTo(Money.ZERO);
        assertThat(recoveries.cleared(absorbed)).isTrue();
    }

    @Test
    @DisplayName("xinyang-2025 art. 10–11: (一) 10 working days to return then offset; (六) unrecoverable → stop, write-off")
    void recoveryAndWriteOff() {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String ended = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）解除协议");
        String fraud = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）弄虚作假");
        for (String h : List.of(ended, fraud)) {
            Fixtures.agreement(agreements, h, clerk);
            Fixtures.settlements(context, h, COUNTY, "310", PlaceOfSettlement.LOCAL,
                    Fixtures.months(2024, 1, 12, 200_000));
        }
        prepaid(ended, 2025, LocalDate.of(2025, 1, 6));
        prepaid(fraud, 2025, LocalDate.of(2025, 1, 6));

        // Issue 11 #6: only the paying county centre acts on its prepayments; the city and the province see them.
        for (Actor superior : List.of(cityClerk, Fixtures.actor("ha-clerk", "410000-CENTRE", Role.CLERK))) {
            assertThatThrownBy(() -> recoveries.raise(ended, "310", RecoveryTrigger.AGREEMENT_ENDED, "协议解除通知书",
                    LocalDate.of(2025, 6, 3), superior)).isInstanceOfSatisfying(Rejection.class,
                            e -> assertThat(e.code()).isEqualTo("prepayment.not-payer"));
        }
        var recovery = recoveries.raise(ended, "310", RecoveryTrigger.AGREEMENT_ENDED, "协议解除通知书",
                LocalDate.of(2025, 6, 3), clerk);
        assertThatThrownBy(() -> recoveries.recordReturn(recovery.id(), Money.ofFen(50_000), LocalDate.of(2025, 6, 20),
                cityClerk, "t-xy-city-" + ended)).isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("prepayment.not-payer"));
        assertThat(recovery.returnDue()).isEqualTo(LocalDate.of(2025, 6, 17)); // 10 working days
        Money early = recoveries.offset(new PaymentOffsets.OffsetRequest(COUNTY_AGENCY, ended, "310",
                YearMonth.of(2025, 5), Money.ofFen(500_000), LocalDate.of(2025, 6, 17), "t-xy-early-" + ended));
        assertThat(early).isEqualTo(Money.ZERO);
        Money late = recoveries.offset(new PaymentOffsets.OffsetRequest(COUNTY_AGENCY, ended, "310",
                YearMonth.of(2025, 5), Money.ofFen(150_000), LocalDate.of(2025, 6, 18), "t-xy-late-" + ended));
        assertThat(late).isEqualTo(Money.ofFen(150_000));
        recoveries.recordReturn(recovery.id(), Money.ofFen(50_000), LocalDate.of(2025, 6, 20), clerk,
                "t-xy-rest-" + ended);
        assertThat(prepayments.outstanding(ended, "310")).isEqualTo(Money.ZERO);

        var misuse = recoveries.breachOfUse(fraud, "预付金用于基础建设", LocalDate.of(2025, 7, 1), clerk);
        assertThat(misuse).singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo(RecoveryTrigger.MISUSE));
        String id = misuse.get(0).id();
        // Art. 11 in its order: the decision stops payments at once, before any court document exists.
        assertThatThrownBy(() -> recoveries.courtApplication(id, LocalDate.of(2025, 9, 2), "罗山县人民法院",
                "（2025）豫1521执123号", clerk)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.not-unrecoverable"));
        recoveries.unrecoverable(id, "催收三次未果，医院账户已无余额", LocalDate.of(2025, 9, 1), clerk);
        assertThat(recoveries.paymentsStopped(fraud, LocalDate.of(2025, 8, 31))).isFalse();
        assertThat(recoveries.paymentsStopped(fraud, LocalDate.of(2025, 9, 1))).isTrue();
        assertThat(recoveries.holdReason(COUNTY_AGENCY, fraud, LocalDate.of(2025, 9, 1))).get().asString()
                .contains("xinyang-2025 art. 11", "催收三次未果");
        assertThatThrownBy(() -> recoveries.writeOff(id, "罗政文〔2025〕8号", LocalDate.of(2025, 10, 1),
                Fixtures.actor("xy-reviewer", COUNTY_AGENCY, Role.REVIEWER), "t-xy-wo-early-" + fraud))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("prepayment.no-court-document"));
        recoveries.courtApplication(id, LocalDate.of(2025, 9, 5), "罗山县人民法院", "（2025）豫1521执123号", clerk);
        assertThat(recoveries.holdReason(COUNTY_AGENCY, fraud, LocalDate.of(2025, 9, 6))).get().asString()
                .contains("罗山县人民法院", "豫1521执123号");
        assertThatThrownBy(() -> recoveries.courtDocument(id, "（2025）豫1521执123号之一 终结本次执行裁定",
                LocalDate.of(2025, 9, 4), Money.ofFen(200_000), clerk)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.court-date"));
        assertThatThrownBy(() -> recoveries.courtDocument(id, "（2025）豫1521执123号之一 终结本次执行裁定",
                LocalDate.of(2025, 9, 20), Money.ofFen(200_001), clerk)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.loss-amount"));
        recoveries.courtDocument(id, "（2025）豫1521执123号之一 终结本次执行裁定", LocalDate.of(2025, 9, 20),
                Money.ofFen(200_000), clerk);
        var court = recoveries.recoveries(fraud, clerk).get(0).court();
        assertThat(court.decidedOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(court.caseNo()).isEqualTo("（2025）豫1521执123号");
        assertThat(court.loss()).isEqualTo(Money.ofFen(200_000));
        assertThatThrownBy(() -> recoveries.writeOff(id, "罗政文〔2025〕8号", LocalDate.of(2025, 10, 1),
                Fixtures.actor("xy-clerk", COUNTY_AGENCY, Role.CLERK, Role.REVIEWER), "t-xy-wo-self-" + fraud))
                .isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).code())
                .isEqualTo("prepayment.maker-checker");
        recoveries.writeOff(id, "罗政文〔2025〕8号", LocalDate.of(2025, 10, 1),
                Fixtures.actor("xy-reviewer", COUNTY_AGENCY, Role.REVIEWER), "t-xy-wo-" + fraud);
        assertThat(prepayments.outstanding(fraud, "310")).isEqualTo(Money.ZERO);
        assertThat(recoveries.paymentsStopped(fraud, LocalDate.of(2025, 10, 2))).isFalse();
        assertThat(ledger.balance(COUNTY_AGENCY, "9101", fraud, null, LocalDate.of(2025, 12, 31)))
                .isEqualTo(Money.ofFen(200_000));
        audit.assertSound();
    }

    @Test
    @DisplayName("xinyang-2025 art. 10 全额退回: a partial return in the 10 days leaves the rest open, offset after the due date")
    void partialReturnStaysOpen() {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）部分退回");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 200_000));
        prepaid(hospital, 2025, LocalDate.of(2025, 1, 6));
        var recovery = recoveries.raise(hospital, "310", RecoveryTrigger.ASSETS_PRESERVED, "（2025）豫1521财保7号",
                LocalDate.of(2025, 6, 3), clerk);
        assertThat(recovery.returnDue()).isEqualTo(LocalDate.of(2025, 6, 17));
        recoveries.recordReturn(recovery.id(), Money.ofFen(50_000), LocalDate.of(2025, 6, 10), clerk,
                "t-xy-part-" + hospital);
        var open = recoveries.recoveries(hospital, clerk).get(0);
        assertThat(open.status()).isEqualTo(RecoveryStatus.OPEN);
        assertThat(open.remaining()).isEqualTo(Money.ofFen(150_000));
        assertThat(open.overdue(LocalDate.of(2025, 6, 17))).isFalse();
        assertThat(open.overdue(LocalDate.of(2025, 6, 18))).isTrue();
        // Not offset on the due date itself: the hospital may still return the rest that day.
        assertThat(recoveries.offset(new PaymentOffsets.OffsetRequest(COUNTY_AGENCY, hospital, "310",
                YearMonth.of(2025, 5), Money.ofFen(500_000), LocalDate.of(2025, 6, 17), "t-xy-p1-" + hospital)))
                .isEqualTo(Money.ZERO);
        assertThat(recoveries.offset(new PaymentOffsets.OffsetRequest(COUNTY_AGENCY, hospital, "310",
                YearMonth.of(2025, 5), Money.ofFen(500_000), LocalDate.of(2025, 6, 18), "t-xy-p2-" + hospital)))
                .isEqualTo(Money.ofFen(150_000));
        assertThat(recoveries.recoveries(hospital, clerk).get(0).status()).isEqualTo(RecoveryStatus.RECOVERED);
        assertThat(prepayments.outstanding(hospital, "310")).isEqualTo(Money.ZERO);
        audit.assertSound();
    }

    @Test
    @DisplayName("xinyang-2025 art. 10(一): confirming the end of a hospital's agreement raises the recovery with 10 working days")
    void agreementEndedRaisesArticle10() {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）解除协议自动收回");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 200_000));
        prepaid(hospital, 2025, LocalDate.of(2025, 1, 6));
        // An end date still in the future is an expiry to come: nothing is recovered yet.
        var expiring = agreements.record(new Agreement(hospital, "XY-" + hospital, LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 12, 31), "按年核定预付金，年终清算", false, null), "协议续签前的到期日", clerk,
                "t-xy-expiring-" + hospital);
        agreements.confirm(expiring.id(), LocalDate.of(2025, 3, 1), Fixtures.actor("xy-reviewer", COUNTY_AGENCY,
                Role.REVIEWER));
        assertThat(recoveries.recoveries(hospital, clerk)).isEmpty();
        var ended = agreements.record(new Agreement(hospital, "XY-" + hospital, LocalDate.of(2020, 1, 1),
                LocalDate.of(2025, 6, 2), "按年核定预付金，年终清算", false, null), "解除医保协议决定书（罗医保〔2025〕3号）",
                clerk, "t-xy-ended-" + hospital);
        assertThat(recoveries.recoveries(hospital, clerk)).isEmpty();
        agreements.confirm(ended.id(), LocalDate.of(2025, 6, 3), Fixtures.actor("xy-reviewer", COUNTY_AGENCY,
                Role.REVIEWER));
        assertThat(recoveries.recoveries(hospital, clerk)).singleElement().satisfies(r -> {
            assertThat(r.trigger()).isEqualTo(RecoveryTrigger.AGREEMENT_ENDED);
            assertThat(r.amount()).isEqualTo(Money.ofFen(200_000));
            assertThat(r.returnDue()).isEqualTo(LocalDate.of(2025, 6, 17));
            assertThat(r.evidence()).contains("罗医保〔2025〕3号");
        });
        recoveries.recordReturn(recoveries.recoveries(hospital, clerk).get(0).id(), Money.ofFen(200_000),
                LocalDate.of(2025, 6, 10), clerk, "t-xy-ended-ret-" + hospital);
        audit.assertSound();
    }

    @Test
    @DisplayName("xinyang-2025 art. 3(一): three months of settlements last year → refused with the months as evidence")
    void fullNaturalYearRequired() {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）新定点医院");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 10, 12, 10_001));
        applications.apply(hospital, 2025, form(), LocalDate.of(2025, 1, 10), Fixtures.actor("h", hospital,
                Role.HOSPITAL));
        assertThat(applications.review("PA-2025-" + hospital, allMet(), LocalDate.of(2025, 1, 16), clerk)).isEmpty();
        var application = applications.application("PA-2025-" + hospital).orElseThrow();
        assertThat(application.status()).isEqualTo(ApplicationStatus.REFUSED);
        assertThat(application.refusals()).contains("xinyang-2025 art. 3(一)", "10、11、12 月", "未满一个自然年度");
    }

    @Test
    @DisplayName("xinyang-2025 art. 6(三)(四): finance → city → county as ledger transfers, aggregated per receiver, in transit until confirmed")
    void fundingChainAsTransfers() {
        // Year 2026 so that no other test's approved rows join these aggregates.
        Fixtures.xinyangFundStatus(fundStatuses, 2026, true, cityClerk);
        String county = "411522"; // 光山县: no other test pays hospitals there
        String countyAgency = "411522-AGENCY";
        Actor countyClerk = Fixtures.actor("gs-clerk", countyAgency, Role.CLERK);
        String a = Fixtures.hospital(jdbc, county, 2, false, "（测试）光山甲");
        String b = Fixtures.hospital(jdbc, county, 2, false, "（测试）光山乙");
        String c = Fixtures.hospital(jdbc, "411502", 3, true, "（测试）市直");
        long[] monthly = {300_000, 100_001, 500_000};
        List<String> hospitals = List.of(a, b, c);
        List<String> employeeRows = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String h = hospitals.get(i);
            String region = i < 2 ? county : "411502";
            Fixtures.agreement(agreements, h, i < 2 ? countyClerk : cityClerk);
            for (String fund : List.of("310", "390")) {
                Fixtures.settlements(context, h, region, fund, PlaceOfSettlement.LOCAL,
                        Fixtures.months(2025, 1, 12, monthly[i]));
            }
            applications.apply(h, 2026, form(), LocalDate.of(2026, 1, 5), Fixtures.actor("h-" + h, h, Role.HOSPITAL));
            for (var row : applications.review("PA-2026-" + h, allMet(), LocalDate.of(2026, 1, 6),
                    i < 2 ? countyClerk : cityClerk)) {
                applications.complete(row.id(), WorkflowStep.CITY_AGGREGATED, LocalDate.of(2026, 1, 7),
                        cityClerk, null);
                applications.complete(row.id(), WorkflowStep.BUREAU_REVIEWED, LocalDate.of(2026, 1, 7), bureau,
                        null);
                if (row.insuranceType().equals("310")) {
                    employeeRows.add(row.id());
                }
            }
        }
        String rowA = employeeRows.get(0);
        String rowB = employeeRows.get(1);
        String rowC = employeeRows.get(2);
        Money financeBefore = ledger.balance("411500-FINANCE", "1003", null, null, null);

        assertThatThrownBy(() -> applications.complete(rowA, WorkflowStep.FUNDED, LocalDate.of(2026, 1, 6),
                finance, null)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("date.before-document"));
        // One transfer from city finance for the three employee rows: 3,000.00 + 1,000.01 + 5,000.00.
        var funded = applications.complete(rowA, WorkflowStep.FUNDED, LocalDate.of(2026, 1, 9), finance, null);
        var transfer = ledger.transfer(funded.transferId()).orElseThrow();
        assertThat(transfer.amount()).isEqualTo(Money.ofFen(900_001));
        assertThat(transfer.ruleType()).isEqualTo("funding.finance-to-agency");
        assertThat(transfer.status()).isEqualTo(org.medfund.ledger.TransferStatus.IN_TRANSIT);
        assertThat(financeBefore.minus(ledger.balance("411500-FINANCE", "1003", null, null, null)))
                .isEqualTo(Money.ofFen(900_001));
        for (String other : List.of(rowB, rowC)) {
            assertThat(step(other, WorkflowStep.FUNDED).transferId()).isEqualTo(funded.transferId());
        }
        assertThat(reports.transfersInTransit()).extracting(org.medfund.ledger.Transfer::transferId)
                .contains(funded.transferId());
        // In transit: neither can the city pass money on nor the city centre pay its own hospital.
        assertThatThrownBy(() -> applications.complete(rowA, WorkflowStep.COUNTY_SHARED,
                LocalDate.of(2026, 1, 9), cityClerk, null)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.funds-in-transit"));
        assertThatThrownBy(() -> applications.complete(rowC, WorkflowStep.PAID, LocalDate.of(2026, 1, 9),
                cityClerk, "t-xy-chain-early-" + rowC)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.funds-in-transit"));
        assertThatThrownBy(() -> applications.confirmReceipt(rowA, WorkflowStep.FUNDED,
                LocalDate.of(2026, 1, 12), countyClerk)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.step-actor"));

        applications.confirmReceipt(rowC, WorkflowStep.FUNDED, LocalDate.of(2026, 1, 12), cityClerk);
        assertThat(ledger.transfer(funded.transferId()).orElseThrow().status()).isEqualTo(org.medfund.ledger.TransferStatus.RECEIVED);
        assertThat(step(rowA, WorkflowStep.FUNDED).receivedOn()).isEqualTo(LocalDate.of(2026, 1, 12));
        // City hospital: paid by the city centre within 3 working days of the money arriving (Mon 12 → Thu 15).
        assertThat(step(rowC, WorkflowStep.PAID).dueOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        assertThat(step(rowA, WorkflowStep.PAID).dueOn()).isNull();

        var shared = applications.complete(rowB, WorkflowStep.COUNTY_SHARED, LocalDate.of(2026, 1, 13),
                cityClerk, null);
        var toCounty = ledger.transfer(shared.transferId()).orElseThrow();
        assertThat(toCounty.amount()).isEqualTo(Money.ofFen(400_001));
        assertThat(toCounty.ruleType()).isEqualTo("funding.agency-to-lower-agency");
        assertThat(step(rowA, WorkflowStep.COUNTY_SHARED).transferId()).isEqualTo(shared.transferId());
        assertThatThrownBy(() -> applications.complete(rowA, WorkflowStep.PAID, LocalDate.of(2026, 1, 13),
                countyClerk, "t-xy-chain-early-" + rowA)).isInstanceOf(Rejection.class);
        applications.confirmReceipt(rowA, WorkflowStep.COUNTY_SHARED, LocalDate.of(2026, 1, 14), countyClerk);
        assertThat(step(rowB, WorkflowStep.PAID).dueOn()).isEqualTo(LocalDate.of(2026, 1, 19));
        assertThat(ledger.balance(countyAgency, "1004", null, "310", null)).isEqualTo(Money.ofFen(400_001));

        applications.complete(rowA, WorkflowStep.PAID, LocalDate.of(2026, 1, 15), countyClerk, "t-xy-chain-" + rowA);
        applications.complete(rowB, WorkflowStep.PAID, LocalDate.of(2026, 1, 15), countyClerk, "t-xy-chain-" + rowB);
        applications.complete(rowC, WorkflowStep.PAID, LocalDate.of(2026, 1, 15), cityClerk, "t-xy-chain-" + rowC);
        assertThat(ledger.balance(countyAgency, "1004", null, "310", null)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(countyAgency, Prepayments.RECEIVABLE_ACCOUNT, a, "310", null))
                .isEqualTo(Money.ofFen(300_000));
        assertThat(ledger.balance("411500-AGENCY", "5201", countyAgency, "310", null)).isEqualTo(Money.ofFen(400_001));
        assertThat(reports.transfersInTransit()).extracting(org.medfund.ledger.Transfer::transferId)
                .doesNotContain(funded.transferId(), shared.transferId());
        audit.assertSound();
    }

    private StepState step(String prepaymentId, WorkflowStep step) {
        return applications.steps(prepaymentId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
