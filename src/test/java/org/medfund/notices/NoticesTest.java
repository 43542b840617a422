package org.medfund.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfund.claims.IntakeFixtures.hospitalActor;
import static org.medfund.claims.IntakeFixtures.id;
import static org.medfund.claims.IntakeFixtures.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Money;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.Fixtures;
import org.medfund.prepayment.PrepaymentNotices;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.SettlementNotices;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.medfund.users.Users;
import org.medfund.web.MedfundUser;
import org.medfund.web.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The printable notices carry what the records say, as extractable text in Chinese with the amounts and their
 * capitals, and are scoped like the pages they come from. One settlement cycle in 潢川县 (411526, 2025-08, which no
 * other test settles there): a hospital whose prepayment is recovered by offset (xinyang-2025 art. 10(七)), one whose
 * payments are stopped (art. 11, held) and one paid in full.
 */
@DatabaseTest
public class NoticesTest {

    private static final String COUNTY = "411526";
    private static final String AGENCY = "411526-AGENCY";
    private static final YearMonth CYCLE = YearMonth.of(2025, 8);

    @Autowired
    SettlementNotices notices;
    @Autowired
    PrepaymentNotices prepaymentNotices;
    @Autowired
    Agreements agreements;
    @Autowired
    FundStatuses fundStatuses;
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
    Users users;
    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.medfund.prepayment.Prepayments prepayments;

    private final Actor clerk = Fixtures.actor("hc-clerk", AGENCY, Role.CLERK);
    private final Actor reviewer = Fixtures.actor("hc-reviewer", AGENCY, Role.REVIEWER);
    private final Actor finance = Fixtures.actor("hc-finance", "411526-FINANCE", Role.FINANCE);
    private final Actor cityClerk = Fixtures.actor("hc-city-clerk", "411500-AGENCY", Role.CLERK);

    /** One scenario for all tests of the class: built once, since the shared database keeps it. */
    private static Scenario scenario;

    record Scenario(String offset, String held, String plain, String recoveryId, String prepaymentId,
                    long batchId) {
    }

    @BeforeEach
    void cycleSettled() {
        if (scenario != null) {
            return;
        }
        Fixtures.fund(ledger, AGENCY, "t-open-" + AGENCY);
        Fixtures.fundXinyangChain(ledger);
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String offset = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）冲抵医院");
        String held = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）停拨医院");
        String plain = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）全额医院");
        String prepaymentId = prepaid(offset);
        prepaid(held);
        Recovery misuse = recoveries.raise(offset, "310", RecoveryTrigger.MISUSE, "监督检查发现预付金用于基建",
                LocalDate.of(2025, 7, 1), clerk);
        var stop = recoveries.breachOfUse(held, "预付金用于对外投资", LocalDate.of(2025, 7, 1), clerk);
        recoveries.unrecoverable(stop.get(0).id(), "（2025）豫1526执12号 终结本次执行裁定", LocalDate.of(2025, 8, 1),
                clerk);
        reconciled(offset, "3000.00");
        reconciled(held, "7000.00");
        reconciled(plain, "4500.50");
        PaymentBatch prepared = settlements.prepare(clerk, CYCLE, LocalDate.of(2025, 9, 10), id("prep"));
        PaymentBatch paid = settlements.approve(finance, prepared.id(), LocalDate.of(2025, 9, 12), id("pay"));
        scenario = new Scenario(offset, held, plain, misuse.id(), prepaymentId, paid.id());
    }

    @Test
    @DisplayName("henan-2023 三(一), xinyang-2025 art. 10: the settlement notice shows reconciled, offset, paid, in capitals")
    void settlementNoticeWithOffset() throws Exception {
        String text = text(notices.settlementNoticePdf(clerk, scenario.offset(), CYCLE).pdf());
        assertThat(text).contains("医疗费用结算及拨付通知书", "（测试）冲抵医院" + scenario.offset(), "潢川县医疗保障服务中心",
                "对账情况", "2025-08", "职工基本医疗保险", "住院", "相符", "已结算", "3,000.00", "2,000.00", "1,000.00",
                "已拨付：1,000.00 元", "壹仟元整", "已支付 2025-09-12")
                .doesNotContain("seed", "PAID", "REGULAR", scenario.plain());
        audit.assertSound();
    }

    @Test
    @DisplayName("xinyang-2025 art. 11: a held line is shown as 暂停拨付 with its reason, nothing paid")
    void settlementNoticeHeld() throws Exception {
        String text = text(notices.settlementNoticePdf(clerk, scenario.held(), CYCLE).pdf());
        assertThat(text).contains("暂停拨付：7,000.00 元（大写：柒仟元整）", "已拨付：0.00 元（大写：零元整）");
        // The reason is a long paragraph: the PDF wraps it, a reader's copy joins the lines again.
        assertThat(text.replace("\n", "")).contains("暂停拨付：依《信阳市基本医疗保险基金预付管理办法》第十一条",
                "（2025）豫1526执12号");
    }

    @Test
    @DisplayName("the bank-file summary lists the paid rows with the total in 大写, never the held one")
    void bankFileSummary() throws Exception {
        String text = text(notices.bankFileSummaryPdf(finance, scenario.batchId()).pdf());
        assertThat(text).contains("医保基金银行支付文件汇总表", "潢川县医疗保障服务中心", "2 笔", "5,500.50",
                Money.ofYuan("5500.50").toChineseCapital(), "（测试）冲抵医院", "（测试）全额医院", "测试银行")
                .doesNotContain("（测试）停拨医院");
        assertThat(Money.ofYuan("5500.50").toChineseCapital()).isEqualTo("伍仟伍佰元伍角整");
    }

    @Test
    @DisplayName("xinyang-2025 art. 10(七): the recovery notice cites the document and article, amount and deadline")
    void recoveryNotice() throws Exception {
        String text = text(prepaymentNotices.recoveryNoticePdf(clerk, scenario.prepaymentId(), scenario.recoveryId()).pdf());
        assertThat(text).contains("医保基金预付金收回通知书", "（测试）冲抵医院", "信医保办〔2025〕7号 第十条（七）",
                "监督检查发现预付金用于基建", "2,000.00", "贰仟元整", "已收回", "潢川县医疗保障服务中心职工医保支出户",
                "DEMO-000142").doesNotContain("seed", "TRIGGER", "RECOVERED");
    }

    @Test
    @DisplayName("xinyang-2025 art. 19: the disclosure PDF has the lines of the disclosure page")
    void disclosure() throws Exception {
        String text = text(prepaymentNotices.disclosurePdf(clerk, 2025).pdf());
        assertThat(text).contains("2025 年度医保基金预付金拨付及清算情况公示", "信医保办〔2025〕7号 第十九条",
                "（测试）冲抵医院", scenario.offset(), "（测试）停拨医院", "2,000.00", "已收回")
                .doesNotContain("DISBURSED", "seed");
        // Issue 13: the sheet's totals, in figures and in 大写, as every signed paper carries them.
        PrepaymentNotices.DisclosureNotice sheet = new PrepaymentNotices.DisclosureNotice(2025, null, "",
                prepayments.disclosure(2025, clerk), java.time.LocalDate.of(2026, 1, 31));
        assertThat(text.replaceAll("\\s+", "")).contains("合计", sheet.totalDisbursed().toYuanText(),
                "拨付合计（大写：" + sheet.totalDisbursed().toChineseCapital() + "）",
                "收回合计（大写：" + sheet.totalRecovered().toChineseCapital() + "）");
    }

    @Test
    @DisplayName("scope: a hospital prints only its own notices; another agency is refused")
    void scope() throws Exception {
        MedfundUser plain = MedfundUser.of(hospitalActor(scenario.plain()));
        MockHttpServletResponse own = page("/settlements/notice.pdf?hospital=" + scenario.plain() + "&period=2025-08",
                plain);
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat(own.getContentType()).isEqualTo("application/pdf");
        assertThat(text(own.getContentAsByteArray())).contains("4,500.50", "肆仟伍佰元伍角");
        assertThat(page("/settlements/notice.pdf?hospital=" + scenario.offset() + "&period=2025-08", plain)
                .getStatus()).isEqualTo(403);
        assertThat(page("/prepayments/" + scenario.prepaymentId() + "/recoveries/" + scenario.recoveryId()
                + "/notice.pdf", plain).getStatus()).isIn(403, 404);
        String summary = text(page("/settlements/payment-batches/" + scenario.batchId() + "/bank-file-summary.pdf",
                plain).getContentAsByteArray());
        assertThat(summary).contains("（测试）全额医院", "1 笔").doesNotContain("（测试）冲抵医院");
        MedfundUser otherAgency = MedfundUser.of(Fixtures.actor("hc-other", "411527-AGENCY", Role.CLERK));
        assertThat(page("/settlements/notice.pdf?hospital=" + scenario.offset() + "&period=2025-08", otherAgency)
                .getStatus()).isEqualTo(403);
        assertThat(page("/settlements/notice.pdf?hospital=" + scenario.offset() + "&period=2025-07",
                MedfundUser.of(clerk)).getStatus()).isEqualTo(404);
        assertThat(page("/settlements/notice.pdf?period=2025-08", MedfundUser.of(clerk)).getStatus()).isEqualTo(422);
    }

    @Test
    @DisplayName("bad input to the notice links answers a Chinese problem naming the field, never a bare 400")
    void badInput() throws Exception {
        MedfundUser as = MedfundUser.of(clerk);
        MockHttpServletResponse month = page("/settlements/notice.pdf?hospital=" + scenario.offset()
                + "&period=2025-13", as);
        assertThat(month.getStatus()).isEqualTo(422);
        assertThat(month.getContentAsString()).contains("结算月份格式应为 YYYY-MM", "period");
        MockHttpServletResponse year = page("/prepayments/disclosure.pdf", as);
        assertThat(year.getStatus()).isEqualTo(422);
        assertThat(year.getContentAsString()).contains("年度应为四位数字", "year");
        assertThat(page("/settlements/payment-batches/x1/bank-file-summary.pdf", as).getStatus()).isEqualTo(404);
        assertThat(page("/settlements/notice.pdf?hospital=NOPE&period=2025-08", as).getStatus()).isEqualTo(404);
    }

    @Test
    @DisplayName("the settlement, prepayment and disclosure pages link to their PDFs")
    void pagesLinkThePdfs() throws Exception {
        String settlementsPage = page("/settlements", MedfundUser.of(clerk)).getContentAsString();
        assertThat(settlementsPage).contains("/settlements/notice.pdf?hospital=" + scenario.offset()
                + "&amp;period=2025-08", "/settlements/payment-batches/" + scenario.batchId()
                + "/bank-file-summary.pdf");
        assertThat(page("/prepayments/" + scenario.prepaymentId(), MedfundUser.of(clerk)).getContentAsString())
                .contains("/recoveries/" + scenario.recoveryId() + "/notice.pdf");
        assertThat(page("/prepayments/disclosure?year=2025", MedfundUser.of(clerk)).getContentAsString())
                .contains("/prepayments/disclosure.pdf?year=2025");
    }

    private MockHttpServletResponse page(String url, MedfundUser as) throws Exception {
        return mvc.perform(get(url).with(user(as))).andReturn().getResponse();
    }

    /** The PDF's text as a reader's copy-paste gets it (PDFBox), newlines kept. */
    public static String text(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    /** Art. 6 from application to payment by the county centre; answers the employee row's id. */
    private String prepaid(String hospital) {
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 200_000));
        LocalDate applied = LocalDate.of(2025, 1, 6);
        applications.apply(hospital, 2025, new ApplicationForm("测试医院，二级", "考核合格", "财务制度健全", "配合改革",
                "配合检查", "无", true, true, true, true), applied,
                Fixtures.actor("h-" + hospital, hospital, Role.HOSPITAL));
        List<Finding> findings = new ArrayList<>();
        for (EligibilityCondition condition : EligibilityCondition.values()) {
            findings.add(new Finding(condition, true, "审核材料：" + condition.text(), null));
        }
        String id = applications.review("PA-2025-" + hospital, findings, applied.plusDays(1), clerk).get(0).id();
        LocalDate d = applied.plusDays(2);
        applications.complete(id, WorkflowStep.CITY_AGGREGATED, d, cityClerk, null);
        applications.complete(id, WorkflowStep.BUREAU_REVIEWED, d,
                Fixtures.actor("hc-bureau", "411500-BUREAU", Role.REVIEWER), null);
        applications.complete(id, WorkflowStep.FUNDED, d.plusDays(3),
                Fixtures.actor("hc-city-finance", "411500-FINANCE", Role.FINANCE), null);
        applications.confirmReceipt(id, WorkflowStep.FUNDED, d.plusDays(3), cityClerk);
        applications.complete(id, WorkflowStep.COUNTY_SHARED, d.plusDays(3), cityClerk, null);
        applications.confirmReceipt(id, WorkflowStep.COUNTY_SHARED, d.plusDays(4), clerk);
        applications.complete(id, WorkflowStep.PAID, d.plusDays(4), clerk, "t-hc-pay-" + id);
        return id;
    }

    /** The hospital sends one 310 inpatient record for August and applies; the agency checks and confirms. */
    private void reconciled(String hospital, String fund) {
        TestUsers.ensure(users, "hc-clerk", AGENCY, Role.CLERK);
        reconciliations.assignClerk(clerk, hospital, "hc-clerk");
        intake.submit(hospitalActor(hospital), List.of(row(id("NT"), hospital, "310", "2025-08-10 10:00:00",
                "10000.00", fund, fund, "0.00")), id("k"));
        var total = new ReconciliationApplication.Total("310", "21", COUNTY, CYCLE.atDay(1), CYCLE.atEndOfMonth(),
                Money.ofYuan("10000.00"), Money.ofYuan(fund), Money.ZERO, 1, "1");
        ReconciliationView r = reconciliations.apply(hospitalActor(hospital),
                new ReconciliationApplication(hospital, CYCLE, List.of(total), List.of()), LocalDate.of(2025, 9, 3),
                id("apply"));
        reconciliations.check(clerk, r.id(), LocalDate.of(2025, 9, 4));
        reconciliations.confirm(reviewer, r.id(), LocalDate.of(2025, 9, 4));
    }
}
