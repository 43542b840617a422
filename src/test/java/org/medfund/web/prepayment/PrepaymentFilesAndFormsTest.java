package org.medfund.web.prepayment;

import org.medfund.notices.XlsxExport;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.common.Money;
import org.medfund.ledger.Ledger;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.prepayment.Fixtures;
import org.medfund.prepayment.ApplicationStatus;
import org.medfund.prepayment.RecoveryStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The prepayment payment file (henan-2023 二(二) "通过线上…预拨") as CSV and xlsx through the API and the staff pages,
 * scoped by organisation, and the staff forms for application review and recoveries. Runs in 叶县 (410422), where no
 * other test prepays.
 */
@DatabaseTest
class PrepaymentFilesAndFormsTest {

    private static final String HN_COUNTY = "410422";
    private static final String HN_AGENCY = "410422-AGENCY";
    private static final String XY_COUNTY = "411523"; // 新县: no other test prepays there
    private static final String XY_AGENCY = "411523-AGENCY";
    private final Actor xyClerk = Fixtures.actor("xx-clerk", XY_AGENCY, Role.CLERK);
    private final Actor cityClerk = Fixtures.actor("xx-city-clerk", "411500-AGENCY", Role.CLERK);

    @Autowired
    MockMvc mvc;
    @Autowired
    Prepayments prepayments;
    @Autowired
    FundStatuses fundStatuses;
    @Autowired
    Agreements agreements;
    @Autowired
    Ledger ledger;
    @Autowired
    Applications applications;
    @Autowired
    Recoveries recoveries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private static MedfundUser as(String user, String org, Role... roles) {
        return MedfundUser.of(new Actor(user, org, Set.of(roles)));
    }

    @Test
    @DisplayName("henan-2023 二(二): payment file as CSV and xlsx (API and page), 1.5 × 1,000.01 = 1,500.02; other org 403")
    void paymentFile() throws Exception {
        Actor clerk = Fixtures.actor("yx-clerk", HN_AGENCY, Role.CLERK);
        String hospital = Fixtures.hospital(jdbc, HN_COUNTY, 2, false, "（测试）叶县医院");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, HN_COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 1, 12, 100_001));
        Fixtures.fund(ledger, HN_AGENCY, "t-open-" + HN_AGENCY);
        prepayments.sizeRegion(HN_COUNTY, 2024, LocalDate.of(2024, 1, 5), clerk);
        String id = "PP-2024-" + hospital + "-310";
        prepayments.approve(id, LocalDate.of(2024, 1, 8), Fixtures.actor("yx-reviewer", HN_AGENCY, Role.REVIEWER));
        prepayments.disburse(id, LocalDate.of(2024, 1, 10), true, clerk, "t-yx-d-" + hospital);

        MedfundUser staff = as("yx-staff", HN_AGENCY, Role.CLERK);
        String csv = mvc.perform(get("/api/prepayments/payment-file.csv").param("date", "2024-01-10")
                        .with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("TEST-" + hospital, id, "1500.02", "壹仟伍佰元零贰分", "DEMO-", "合计");

        byte[] xlsx = mvc.perform(get("/prepayments/payment-file.xlsx").param("payer", HN_AGENCY)
                        .param("date", "2024-01-10").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XlsxExport.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("金额（元）");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1) != null && id.equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
                    assertThat(sheet.getRow(r).getCell(7).getNumericCellValue()).isEqualTo(1500.02);
                    assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("TEST-" + hospital);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/prepayments/" + id).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/prepayments/payment-file.xlsx?payer=" + HN_AGENCY
                        + "&amp;date=2024-01-10")));

        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/prepayments/payment-file.xlsx")))
                .andExpect(content().string(containsString("/api/prepayments/payment-file.csv")));
        // Another city's agency and the hospital itself may not export 叶县's payment file.
        mvc.perform(get("/api/prepayments/payment-file.xlsx").param("payer", HN_AGENCY).param("date", "2024-01-10")
                        .with(user(as("xy-staff", "411500-AGENCY", Role.CLERK))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/prepayments/payment-file.csv").param("payer", HN_AGENCY).param("date", "2024-01-10")
                        .with(user(as("yx-h", hospital, Role.HOSPITAL))))
                .andExpect(status().isForbidden());
    }

    /** A 新县 hospital with 2,000.00 a month of 2024 settlements per fund that applied on 2025-01-06. */
    private String applied(String name) {
        String hospital = Fixtures.hospital(jdbc, XY_COUNTY, 2, false, name);
        Fixtures.agreement(agreements, hospital, xyClerk);
        for (String fund : List.of("310", "390")) {
            Fixtures.settlements(context, hospital, XY_COUNTY, fund, PlaceOfSettlement.LOCAL,
                    Fixtures.months(2024, 1, 12, 200_000));
        }
        applications.apply(hospital, 2025, new ApplicationForm("新县某医院，二级", "履约良好", "制度健全", "配合改革",
                "配合检查", "无", true, true, true, true), LocalDate.of(2025, 1, 6),
                Fixtures.actor("h-" + hospital, hospital, Role.HOSPITAL));
        return hospital;
    }

    private static MockHttpServletRequestBuilder review(String applicationId, EligibilityCondition unmet) {
        MockHttpServletRequestBuilder request = post("/prepayments/applications/" + applicationId + "/review")
                .with(csrf()).param("date", "2025-01-07");
        for (EligibilityCondition c : EligibilityCondition.values()) {
            request.param("met_" + c.name(), Boolean.toString(c != unmet))
                    .param("evidence_" + c.name(), "核查材料：" + c.text());
        }
        return request;
    }

    @Test
    @DisplayName("xinyang-2025 art. 3 review form: five findings with evidence; unmet (四) refuses with the article; other org denied")
    void reviewForm() throws Exception {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String eligible = applied("（测试）新县甲");
        String refused = applied("（测试）新县乙");
        MedfundUser staff = as("xx-clerk", XY_AGENCY, Role.CLERK);
        MedfundUser henan = as("yx-staff", HN_AGENCY, Role.CLERK);

        mvc.perform(get("/prepayments/applications/PA-2025-" + eligible).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("信医保办〔2025〕7号 第三条（五）")))
                .andExpect(content().string(containsString("提交审核")));
        mvc.perform(get("/prepayments/applications/PA-2025-" + eligible)
                        .with(user(as("h", eligible, Role.HOSPITAL))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("提交审核"))));
        // Out of scope: 叶县's clerk can neither see nor review a 新县 application.
        mvc.perform(get("/prepayments/applications/PA-2025-" + eligible).with(user(henan)))
                .andExpect(status().isNotFound());
        mvc.perform(review("PA-2025-" + eligible, null).with(user(henan))).andExpect(status().isNotFound());
        // A hospital cannot review its own application.
        mvc.perform(review("PA-2025-" + eligible, null).with(user(as("h", eligible, Role.HOSPITAL))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/prepayments/applications/PA-2025-" + eligible + "/review").with(csrf()).with(user(staff))
                        .param("met_AGREEMENT_AND_PERFORMANCE", "true"))
                .andExpect(status().is4xxClientError());

        mvc.perform(review("PA-2025-" + eligible, null).with(user(staff))).andExpect(status().is3xxRedirection());
        assertThat(applications.application("PA-2025-" + eligible).orElseThrow().status()).isEqualTo(ApplicationStatus.ELIGIBLE);
        assertThat(applications.findings("PA-2025-" + eligible)).hasSize(5)
                .allSatisfy(f -> assertThat(f.reviewerUserId()).isEqualTo("xx-clerk"));
        mvc.perform(get("/prepayments/applications/PA-2025-" + eligible).with(user(staff)))
                .andExpect(content().string(containsString("PP-2025-" + eligible + "-310")))
                .andExpect(content().string(containsString("2,000.00")));

        mvc.perform(review("PA-2025-" + refused, EligibilityCondition.COOPERATES_SUPERVISION).with(user(staff)))
                .andExpect(status().is3xxRedirection());
        assertThat(applications.application("PA-2025-" + refused).orElseThrow().status()).isEqualTo(ApplicationStatus.REFUSED);
        mvc.perform(get("/prepayments/applications/PA-2025-" + refused).with(user(staff)))
                .andExpect(content().string(containsString("不符合xinyang-2025 art. 3(四)")));
    }

    @Test
    @DisplayName("xinyang-2025 art. 10–11 recovery form: trigger, return, court document, write-off by another user; other org denied")
    void recoveryForm() throws Exception {
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        Fixtures.fund(ledger, XY_AGENCY, "t-open-" + XY_AGENCY);
        Fixtures.fundXinyangChain(ledger);
        String hospital = applied("（测试）新县丙");
        List<String> rows = new ArrayList<>();
        for (var row : applications.review("PA-2025-" + hospital, allMet(), LocalDate.of(2025, 1, 7), xyClerk)) {
            String id = row.id();
            applications.complete(id, WorkflowStep.CITY_AGGREGATED, LocalDate.of(2025, 1, 8), cityClerk, null);
            applications.complete(id, WorkflowStep.BUREAU_REVIEWED, LocalDate.of(2025, 1, 8),
                    Fixtures.actor("xx-bureau", "411500-BUREAU", Role.REVIEWER), null);
            applications.complete(id, WorkflowStep.FUNDED, LocalDate.of(2025, 1, 9),
                    Fixtures.actor("xx-finance", "411500-FINANCE", Role.FINANCE), null);
            applications.confirmReceipt(id, WorkflowStep.FUNDED, LocalDate.of(2025, 1, 9), cityClerk);
            applications.complete(id, WorkflowStep.COUNTY_SHARED, LocalDate.of(2025, 1, 10), cityClerk, null);
            applications.confirmReceipt(id, WorkflowStep.COUNTY_SHARED, LocalDate.of(2025, 1, 10), xyClerk);
            applications.complete(id, WorkflowStep.PAID, LocalDate.of(2025, 1, 13), xyClerk, "t-xx-pay-" + id);
            rows.add(id);
        }
        String employee = rows.get(0);
        String resident = rows.get(1);
        MedfundUser staff = as("xx-clerk", XY_AGENCY, Role.CLERK, Role.REVIEWER);
        mvc.perform(get("/prepayments/" + employee).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("发起收回")))
                .andExpect(content().string(containsString("信医保办〔2025〕7号 第十条（四） 有财产被保全")));
        mvc.perform(post("/prepayments/" + employee + "/recoveries").with(csrf())
                        .with(user(as("yx-staff", HN_AGENCY, Role.CLERK)))
                        .param("trigger", "ASSETS_PRESERVED").param("evidence", "x"))
                .andExpect(status().isNotFound());

        mvc.perform(post("/prepayments/" + employee + "/recoveries").with(csrf()).with(user(staff))
                        .param("trigger", "ASSETS_PRESERVED").param("evidence", "（2025）豫1523财保3号 财产保全裁定")
                        .param("date", "2025-06-03"))
                .andExpect(status().is3xxRedirection());
        var recovery = recoveries.recoveries(hospital, xyClerk).stream()
                .filter(r -> r.insuranceType().equals("310")).findFirst().orElseThrow();
        assertThat(recovery.returnDue()).isEqualTo(LocalDate.of(2025, 6, 17));
        assertThat(recovery.amount()).isEqualTo(Money.ofFen(200_000));
        for (int i = 0; i < 2; i++) { // the same rendered form submitted twice records one return
            mvc.perform(post("/prepayments/" + employee + "/recoveries/" + recovery.id() + "/return").with(csrf())
                            .with(user(staff)).param("amount", "2000.00").param("date", "2025-06-12")
                            .param("requestId", "form-" + hospital))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(prepayments.outstanding(hospital, "310")).isEqualTo(Money.ZERO);

        mvc.perform(post("/prepayments/" + resident + "/recoveries").with(csrf()).with(user(staff))
                        .param("trigger", "MISUSE").param("evidence", "预付金用于偿还债务").param("date", "2025-07-01"))
                .andExpect(status().is3xxRedirection());
        var misuse = recoveries.recoveries(hospital, xyClerk).stream()
                .filter(r -> r.insuranceType().equals("390")).findFirst().orElseThrow();
        mvc.perform(post("/prepayments/" + resident + "/recoveries/" + misuse.id() + "/unrecoverable").with(csrf())
                        .with(user(staff)).param("reason", "催收无果，医院账户冻结").param("date", "2025-09-01"))
                .andExpect(status().is3xxRedirection());
        assertThat(recoveries.paymentsStopped(hospital, LocalDate.of(2025, 9, 1))).isTrue();
        mvc.perform(get("/prepayments/" + resident).with(user(staff)))
                .andExpect(content().string(containsString("认定无法收回，停止拨付结算费用")))
                .andExpect(content().string(containsString("登记申请强制执行")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("人民政府批准核销文件"))));
        mvc.perform(post("/prepayments/" + resident + "/recoveries/" + misuse.id() + "/court-application")
                        .with(csrf()).with(user(staff)).param("court", "新县人民法院").param("caseNo", "（2025）豫1523执9号")
                        .param("date", "2025-09-03"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/prepayments/" + resident + "/recoveries/" + misuse.id() + "/court-document")
                        .with(csrf()).with(user(staff)).param("courtDocument", "（2025）豫1523执9号 终结本次执行裁定")
                        .param("loss", "2000.00").param("date", "2025-09-30"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/prepayments/" + resident).with(user(staff)))
                .andExpect(content().string(containsString("豫1523执9号")))
                .andExpect(content().string(containsString("新县人民法院")))
                .andExpect(content().string(containsString("人民政府批准核销文件")));
        // Maker-checker: the clerk who declared it unrecoverable cannot write it off, even holding the reviewer role.
        mvc.perform(post("/prepayments/" + resident + "/recoveries/" + misuse.id() + "/write-off").with(csrf())
                        .with(user(staff)).param("approvalDocument", "新政文〔2025〕5号").param("date", "2025-10-08")
                        .param("requestId", "wo-self-" + hospital))
                .andExpect(status().isForbidden());
        mvc.perform(post("/prepayments/" + resident + "/recoveries/" + misuse.id() + "/write-off").with(csrf())
                        .with(user(as("xx-reviewer", XY_AGENCY, Role.REVIEWER)))
                        .param("approvalDocument", "新政文〔2025〕5号").param("date", "2025-10-08")
                        .param("requestId", "wo-" + hospital))
                .andExpect(status().is3xxRedirection());
        assertThat(recoveries.recoveries(hospital, xyClerk).stream().filter(r -> r.id().equals(misuse.id()))
                .findFirst().orElseThrow().status()).isEqualTo(RecoveryStatus.WRITTEN_OFF);
        assertThat(recoveries.paymentsStopped(hospital, LocalDate.of(2025, 10, 9))).isFalse();
        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 二(二) region plans: page and API readable; only the province centre may generate")
    void regionPlanPages() throws Exception {
        // Generation itself is RegionPlanTest's (plans are issued once a year and tests share the database).
        mvc.perform(get("/prepayments/region-plans").param("year", "2025")
                        .with(user(as("ha-centre", "410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("省内异地就医统筹基金预拨计划")));
        mvc.perform(get("/api/prepayments/region-plans").param("year", "2025")
                        .with(user(as("yx-staff", HN_AGENCY, Role.CLERK))))
                .andExpect(status().isOk());
        mvc.perform(post("/prepayments/region-plans").with(csrf()).param("year", "2030").param("date", "2026-01-05")
                        .with(user(as("yx-staff", HN_AGENCY, Role.CLERK))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/prepayments/region-plans").header(Idempotency.HEADER, "k-rp-" + System.nanoTime())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"year\":2030,\"date\":\"2026-01-05\"}")
                        .with(user(as("yx-staff", HN_AGENCY, Role.CLERK))))
                .andExpect(status().isForbidden());
    }

    private static List<Finding> allMet() {
        List<Finding> findings = new ArrayList<>();
        for (EligibilityCondition c : EligibilityCondition.values()) {
            findings.add(new Finding(c, true, "审核材料：" + c.text(), null));
        }
        return findings;
    }
}
