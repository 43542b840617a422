package org.medfund.web.workplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 13, "show the month at a glance", over the demo world: each role's dashboard shows its sections in Chinese
 * with no stored state word; the to-do list and the statement stay inside the caller's scope (a hospital sees only
 * its own, a county clerk not its city's, a city clerk its counties' too); month filters filter and are remembered.
 */
@DatabaseTest
class WorkplacePagesTest {

    static final String CITY = "411500-AGENCY";
    static final String COUNTY = "411521-AGENCY";
    static final String FINANCE = "411500-FINANCE";
    static final String HOSPITAL_A = "H41150200001";
    static final String HOSPITAL_A1 = "H41152100001";
    static final String HOSPITAL_B = "H41040200001";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void demo() {
        TestDemo.ensure(context);
    }

    private static RequestPostProcessor as(String org, Role... roles) {
        return user(MedfundUser.of(new Actor("wp-" + org, org, Set.of(roles))));
    }

    private MockHttpServletResponse page(String uri, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(uri).with(who)).andReturn().getResponse();
    }

    private String ok(String uri, RequestPostProcessor who) throws Exception {
        MockHttpServletResponse response = page(uri, who);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(response.getStatus()).as(uri + "\n" + body).isEqualTo(200);
        assertThat(body).doesNotContainPattern("\\b(APPLIED|CHECKED|CONFIRMED|PREPARED|DISBURSED|REGULAR|FALLBACK"
                + "|NOT_APPLIED|IN_TRANSIT)\\b").doesNotContain("Exception");
        return body;
    }

    private String html(String uri, RequestPostProcessor who, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(uri).with(who).session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Reconciliations of 2026-11 waiting on the agencies: the city's hospital checked, the county's only applied. */
    private void waitingReconciliations() {
        insert(HOSPITAL_A, CITY, "CHECKED", "demo-clerk-411500-agency");
        insert(HOSPITAL_A1, COUNTY, "APPLIED", null);
    }

    private void insert(String hospital, String agency, String status, String checkedBy) {
        jdbc.sql("""
                insert into stl_reconciliation (fixmedins_code, agency_code, period, cycle, applied_on, late, status,
                    stmt_rslt, applied_by, clerk_user, checked_by, request_id)
                values (:h, :a, 202611, 202611, date '2026-12-01', false, :s, '0', 'wp-test', :clerk, :checked,
                    :req)""")
                .param("h", hospital).param("a", agency).param("s", status)
                .param("clerk", "demo-clerk-" + agency.toLowerCase()).param("checked", checkedBy)
                .param("req", "wp-" + hospital).update();
    }

    @AfterEach
    void removeWaiting() {
        jdbc.sql("delete from stl_reconciliation where request_id like 'wp-%' and applied_by = 'wp-test'").update();
    }

    @Test
    @DisplayName("clerk dashboard: the month's reconciliations by status in Chinese, the counties' months, the charts")
    void clerkDashboard() throws Exception {
        String body = ok("/?period=2026-09", as(CITY, Role.CLERK));
        assertThat(body).contains("2026-09 月度对账", "已结算", "逾期未申请或逾期申请", "下辖经办机构 2026-09 月",
                "罗山县医疗保障服务中心", "预付金余额（按医疗机构）", "（演示）罗山县人民医院", "每月结算支付",
                "id=\"dashboard-charts\"", "echarts.min.js", "\"name\":\"已结算\",\"value\":6");
        assertThat(body).doesNotContain("平顶山市第一人民医院").doesNotContain(HOSPITAL_B);
        String province = ok("/?period=2026-09", as("410000-CENTRE", Role.CLERK));
        assertThat(province).contains("下辖经办机构", "平顶山", "罗山县医疗保障服务中心");
    }

    @Test
    @DisplayName("finance dashboard: batches to approve and release, money paid this month, transfers in transit")
    void financeDashboard() throws Exception {
        String body = ok("/?period=2026-09", as(FINANCE, Role.FINANCE));
        assertThat(body).contains("待审核支付的批次", "暂停拨付待解除", "本月（", "2026-09 周期结算已支付", "941,985.98 元",
                "在途资金");
    }

    @Test
    @DisplayName("hospital dashboard: its reconciliation, payments and prepayment balance, nothing of another hospital")
    void hospitalDashboard() throws Exception {
        String body = ok("/?period=2026-09", as(HOSPITAL_A, Role.HOSPITAL));
        assertThat(body).contains("我的对账", "已结算", "我的结算支付", "941,985.98", "我的预付金余额",
                "城乡居民基本医疗保险", "1,800,000.00");
        assertThat(body).doesNotContain("罗山县人民医院", HOSPITAL_A1, HOSPITAL_B, "下辖经办机构");
    }

    @Test
    @DisplayName("auditor dashboard: each visible book's hash chain verified, the latest postings of its own book")
    void auditorDashboard() throws Exception {
        String body = ok("/", as(CITY, Role.AUDITOR));
        assertThat(body).contains("账簿哈希链校验", "完整", "最新凭证（本机构账套）").doesNotContain("断链");
        assertThat(body).doesNotContain("待审核支付的批次");
    }

    @Test
    @DisplayName("to-do: the county's clerk checks its hospital's application, the city supervises it, the city's "
            + "reviewer confirms its own; other counties and cities see none of it")
    void todoAcrossScope() throws Exception {
        waitingReconciliations();
        String city = ok("/todo?period=2026-11", as(CITY, Role.CLERK, Role.REVIEWER));
        assertThat(city).contains("复核确认对账", "（演示）信阳市中心医院 2026-11 对账", "下辖机构待办（督办）",
                "核对对账申请（专人对账）", "（演示）罗山县人民医院 2026-11 对账", "罗山县医疗保障服务中心");
        MockHttpServletResponse county = page("/todo?period=2026-11", user(MedfundUser.of(new Actor(
                "demo-clerk-411521-agency", COUNTY, Set.of(Role.CLERK)))));
        assertThat(county.getContentAsString(StandardCharsets.UTF_8)).contains("核对对账申请（专人对账）",
                "（演示）罗山县人民医院 2026-11 对账").doesNotContain("信阳市中心医院 2026-11").doesNotContain("下辖机构待办");
        assertThat(ok("/todo?period=2026-11", as("411525-AGENCY", Role.CLERK))).doesNotContain("罗山县人民医院 2026-11");
        assertThat(ok("/todo?period=2026-11", as("410400-AGENCY", Role.CLERK, Role.REVIEWER)))
                .doesNotContain("信阳").contains("暂无待办事项");
        assertThat(ok("/", as(CITY, Role.REVIEWER))).contains("等我办理", "复核确认对账");
        // The settlements list: the city's clerk sees its county's reconciliation (that page's state labels: h13a).
        assertThat(html("/settlements?period=2026-11", as(CITY, Role.CLERK), new MockHttpSession()))
                .contains(HOSPITAL_A1);
    }

    @Test
    @DisplayName("to-do of a hospital: its own month to apply for, with the due date of its pack")
    void hospitalTodo() throws Exception {
        String body = ok("/todo?period=2026-11", as(HOSPITAL_A, Role.HOSPITAL));
        assertThat(body).contains("月度对账申请（3201）").doesNotContain("罗山");
    }

    @Test
    @DisplayName("statement: owed, prepaid, offset, held and paid of a hospital's month, as page and xlsx; a hospital "
            + "sees only its own, a county not its city's hospital")
    void statementScope() throws Exception {
        String body = ok("/statements?period=2026-09", as(HOSPITAL_A, Role.HOSPITAL));
        assertThat(body).contains("（演示）信阳市中心医院 2026-09 月对账单", "应付", "已预拨及结转扣减", "预付金冲抵",
                "暂停拨付", "实付", "合计", "941,985.98", "职工基本医疗保险", "月末余额", "1,800,000.00");
        assertThat(page("/statements?hospital=" + HOSPITAL_B + "&period=2026-09", as(HOSPITAL_A, Role.HOSPITAL))
                .getStatus()).isEqualTo(403);
        assertThat(page("/statements.xlsx?hospital=" + HOSPITAL_B + "&period=2026-09", as(HOSPITAL_A, Role.HOSPITAL))
                .getStatus()).isEqualTo(403);
        assertThat(page("/statements?hospital=" + HOSPITAL_A + "&period=2026-09", as(COUNTY, Role.CLERK))
                .getStatus()).isEqualTo(403);
        assertThat(ok("/statements?hospital=" + HOSPITAL_A1 + "&period=2026-09", as(CITY, Role.CLERK)))
                .contains("（演示）罗山县人民医院 2026-09 月对账单", "298,625.81");
        MockHttpServletResponse xlsx = page("/statements.xlsx?hospital=" + HOSPITAL_A + "&period=2026-09",
                as(HOSPITAL_A, Role.HOSPITAL));
        assertThat(xlsx.getStatus()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(6).getStringCellValue()).isEqualTo("应付（元）");
            var total = sheet.getRow(sheet.getLastRowNum() - 2);
            assertThat(total.getCell(3).getStringCellValue()).isEqualTo("合计");
            assertThat(total.getCell(10).getNumericCellValue()).isEqualTo(941985.98);
        }
        assertThat(page("/statements?hospital=" + HOSPITAL_A + "&period=2026-13", as(HOSPITAL_A, Role.HOSPITAL))
                .getStatus()).isEqualTo(422);
    }

    @Test
    @DisplayName("month filters: ?period=2026-10 lists no 2026-09 row, the month is remembered across pages, an empty "
            + "period shows every month; ledger pages open on the latest period with entries")
    void monthFilters() throws Exception {
        MockHttpSession session = new MockHttpSession();
        RequestPostProcessor clerk = as(CITY, Role.CLERK);
        assertThat(html("/settlements?period=2026-10", clerk, session)).doesNotContain("<td>2026-09</td>")
                .contains("value=\"2026-10\"");
        assertThat(html("/settlements", clerk, session)).doesNotContain("<td>2026-09</td>")
                .contains("value=\"2026-10\"");
        assertThat(html("/statements?hospital=" + HOSPITAL_A, clerk, session)).contains("2026-10 月对账单");
        assertThat(html("/settlements?period=", clerk, session)).contains("<td>2026-09</td>");
        assertThat(html("/settlements?period=2026-09", clerk, session)).contains("<td>2026-09</td>");
        assertThat(html("/ledger/" + CITY + "/journal", clerk, session)).contains("value=\"2026-09\"");
        String latest = jdbc.sql("select max(period) from ledger_entry where org_code = :o").param("o", CITY)
                .query(String.class).single();
        assertThat(html("/ledger/" + CITY + "/journal", clerk, new MockHttpSession()))
                .contains("value=\"" + latest + "\"");
        assertThat(page("/settlements?period=2026-13", clerk).getStatus()).isEqualTo(422);
    }
}
