package org.medfund.web.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.notices.NoticesTest;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * guizhou-2017 附件一 一、三(一) on the pages and the API: 黔南州's 2027 third quarter — the notice and the sheet as
 * xlsx read back, as a printable page and as PDF; the quota page's amounts open the derivation and the remittance's
 * vouchers; a national file uploaded on the page and through the API, refused with its bad lines, accepted once per
 * key; another city and a hospital are refused. 黔南州 and 2027 Q3 are used by no other test or demo step.
 */
@DatabaseTest
class DocumentPagesTest {

    private static final String CITY = "522700";

    @Autowired
    MockMvc mvc;
    @Autowired
    CrossRegionQuotas quotas;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JsonMapper json;

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("dp-" + org, org, Set.of(role)));
    }

    private MockHttpServletResponse call(AbstractMockHttpServletRequestBuilder<?> request, MedfundUser user)
            throws Exception {
        return mvc.perform(request.with(user(user))).andReturn().getResponse();
    }

    private static List<List<String>> rows(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter format = new DataFormatter();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : book.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                row.forEach(c -> cells.add(format.formatCellValue(c)));
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    @DisplayName("guizhou-2017 附件一 一(一)(二)(三): sheet and notice as xlsx, page and PDF; amounts open derivation"
            + " and vouchers")
    void documents() throws Exception {
        Actor centre = Fixtures.actor("dp-centre", "520000-CENTRE", Role.CLERK);
        for (String org : List.of(CITY + "-FINANCE", CITY + "-AGENCY")) {
            ledger.openBook(org);
            ledger.post(new BusinessEvent("opening.balance.special-account", "dp-open-" + org + System.nanoTime(),
                    LocalDate.of(2026, 12, 31), null, Money.ofYuan("100000.00"), Map.of("book", org), null,
                    "opening-balance", org, null, null, "期初余额（测试）"));
        }
        // 36,000.00 a year → first quota of four months 12,000.00, remitted by 30 July.
        Quota quota = quotas.size(new QuotaRequest(CITY, 2027, 3, QuotaScope.IN_PROVINCE, Money.ofYuan("36000.00"),
                LocalDate.of(2027, 7, 9)), centre);
        MedfundUser agency = as(CITY + "-AGENCY", Role.CLERK);
        MockHttpServletResponse page = call(get("/crossregion/documents").param("year", "2027").param("quarter", "3"),
                as("520000-CENTRE", Role.CLERK));
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("黔南布依族苗族自治州", "12,000.00",
                "生成本季度用款计划", "multipart/form-data", "/crossregion/quotas/" + quota.id() + "#derivation")
                .doesNotContain("guizhou-2017");

        byte[] noticeXlsx = call(get("/crossregion/documents/remittance-notice.xlsx").param("city", CITY)
                .param("year", "2027").param("quarter", "3"), agency).getContentAsByteArray();
        List<List<String>> notice = rows(noticeXlsx);
        assertThat(notice.get(0)).containsExactly("类别", "方式", "本季度预付金额度（元）", "应上解金额（元）", "上解截止日期");
        assertThat(notice.get(1)).containsExactly("省内异地就医", "首期预付金", "12000.00", "12000.00", "2027-07-30");
        // Rows below the table fill the first cells and leave the rest blank.
        assertThat(notice).anySatisfy(r -> assertThat(r).contains("应上解合计", "12000.00", "大写：壹万贰仟元整"));
        assertThat(notice).anySatisfy(r -> assertThat(r).startsWith("收款账户账号", "2402002129014452854-000000008"));
        assertThat(notice).anySatisfy(r -> assertThat(r).startsWith("收款账户开户银行", "中国工商银行贵州省新支行"));
        List<List<String>> sheet = rows(call(get("/crossregion/documents/prepayment-sheet.xlsx")
                .param("province", "520000").param("year", "2027").param("quarter", "3"), agency)
                .getContentAsByteArray());
        assertThat(sheet).anySatisfy(r -> assertThat(r).startsWith("黔南布依族苗族自治州", "省内异地就医", "首期预付金",
                "12000.00", "12000.00", "2027-07-30", "已下达"));
        String printable = call(get("/crossregion/documents/remittance-notice").param("city", CITY)
                .param("year", "2027").param("quarter", "3"), agency).getContentAsString(StandardCharsets.UTF_8);
        assertThat(printable).contains("异地就医预付金收款通知书", "壹万贰仟元整", "贵州省财政厅", "2027-07-20");
        MockHttpServletResponse pdf = call(get("/crossregion/documents/remittance-notice.pdf").param("city", CITY)
                .param("year", "2027").param("quarter", "3"), agency);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(NoticesTest.text(pdf.getContentAsByteArray())).contains("壹万贰仟元整",
                "2402002129014452854-000000008");
        assertThat(call(get("/crossregion/documents/remittance-notice").param("city", CITY).param("year", "2027")
                .param("quarter", "3"), as("522600-AGENCY", Role.CLERK)).getStatus()).isEqualTo(403);
        assertThat(call(get("/crossregion/documents/prepayment-sheet").param("province", "520000")
                .param("year", "2027").param("quarter", "3"), as("H41040200001", Role.HOSPITAL)).getStatus())
                .isEqualTo(403);

        // The quota's amount → its derivation and, once remitted, the vouchers of both sides.
        quotas.confirm(quota.id(), LocalDate.of(2027, 7, 12), Fixtures.actor("dp-a", CITY + "-AGENCY", Role.CLERK));
        quotas.review(quota.id(), LocalDate.of(2027, 7, 13), Fixtures.actor("dp-f", CITY + "-FINANCE", Role.FINANCE));
        quotas.remit(quota.id(), LocalDate.of(2027, 7, 14), Fixtures.actor("dp-f", CITY + "-FINANCE", Role.FINANCE));
        assertThat(call(get("/crossregion/quotas").param("year", "2027").param("quarter", "3"),
                as("520000-CENTRE", Role.CLERK)).getContentAsString(StandardCharsets.UTF_8))
                .contains("/crossregion/quotas/" + quota.id() + "#derivation", "/crossregion/quotas/" + quota.id()
                        + "#usage", "/crossregion/quotas/" + quota.id() + "#vouchers");
        String detail = call(get("/crossregion/quotas/" + quota.id()), as(CITY + "-FINANCE", Role.FINANCE))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(detail).contains("计算过程", "黔人社厅通〔2017〕204号 三(三)", "预付金使用率", "记账凭证",
                "/ledger/" + CITY + "-FINANCE/entries/", "在途", "壹万贰仟元整");
        quotas.receive(quota.id(), LocalDate.of(2027, 7, 16), centre);
        String provinceView = call(get("/crossregion/quotas/" + quota.id()), as("520000-CENTRE", Role.CLERK))
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(provinceView).contains("/ledger/520000-CENTRE/entries/", "/ledger/520000-FINANCE/entries/",
                "已到账");
        String voucherLink = provinceView.replaceAll("(?s).*href=\"(/ledger/520000-CENTRE/entries/\\d+)\".*", "$1");
        assertThat(call(get(voucherLink), as("520000-CENTRE", Role.CLERK)).getContentAsString(StandardCharsets.UTF_8))
                .contains("/crossregion/quotas/" + quota.id());
        assertThat(call(get("/crossregion/quotas/" + quota.id()), as("522600-AGENCY", Role.CLERK)).getStatus())
                .isEqualTo(404);
        audit.assertSound();
    }

    private static final String CLEARING = "trt_year,trt_month,seqno,mdtrtarea_admvs,insuplc_admdvs,medins_no,"
            + "certno,mdtrt_id,mdtrt_setl_time,setl_sn,fulamt_advpay_flag,medfee_sumamt,optins_pay_sumamt\n";

    @Test
    @DisplayName("guizhou-2017 附件一 三(一): a clearing detail uploaded on the page and through the API, all or nothing")
    void nationalUpload() throws Exception {
        MedfundUser centre = as("520000-CENTRE", Role.CLERK);
        String bad = CLEARING + "2027,6,1,522701,410402,H1,C1,M1,2027-06-03,DP-S1,0,100.00,120.00\n";
        MockHttpServletResponse refused = call(multipart("/crossregion/documents/national-imports")
                .file(new MockMultipartFile("file", "2027-06.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                .param("kind", "CLEARING_DETAIL").with(csrf()), centre);
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("基金支付不能大于医疗费总额",
                "未导入任何记录");
        MockHttpServletResponse pdf = call(multipart("/crossregion/documents/national-imports")
                .file(new MockMultipartFile("file", "x.pdf", "application/pdf",
                        "%PDF-1.4\u0000\u0001".getBytes(StandardCharsets.ISO_8859_1)))
                .param("kind", "CLEARING_DETAIL").with(csrf()), centre);
        assertThat(pdf.getContentAsString(StandardCharsets.UTF_8)).contains("应为 CSV（UTF-8）或 xlsx 文件");

        String good = CLEARING + "2027,6,1,522701,410402,H1,C1,M1,2027-06-03 08:00:00,DP-S1,0,100.00,80.00\n"
                + "2027,6,2,410402,522701,H2,C2,M2,2027-06-04,DP-S2,0,50.00,40.00\n";
        MockHttpServletRequestBuilder api = post("/api/crossregion/national-imports").param("kind", "CLEARING_DETAIL")
                .param("date", "2027-07-08").param("fileName", "2027-06.csv").contentType("text/csv")
                .header(Idempotency.HEADER, "dp-clearing-2027-06").content(good.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse created = call(api, centre);
        assertThat(created.getStatus()).isEqualTo(201);
        JsonNode answer = json.readTree(created.getContentAsString(StandardCharsets.UTF_8));
        assertThat(answer.path("added").asBoolean()).isTrue();
        assertThat(answer.path("imported").path("subject").asString()).isEqualTo("2027-06");
        assertThat(json.readTree(call(api, centre).getContentAsString(StandardCharsets.UTF_8))
                .path("imported").path("id").asLong()).isEqualTo(answer.path("imported").path("id").asLong());
        MockHttpServletResponse badApi = call(post("/api/crossregion/national-imports")
                .param("kind", "CLEARING_DETAIL").param("date", "2027-07-08").contentType("text/csv")
                .header(Idempotency.HEADER, "dp-clearing-bad").content(bad.getBytes(StandardCharsets.UTF_8)), centre);
        assertThat(badApi.getStatus()).isEqualTo(422);
        JsonNode problem = json.readTree(badApi.getContentAsString(StandardCharsets.UTF_8));
        assertThat(problem.path("code").asString()).isEqualTo("crossregion.national-file-invalid");
        assertThat(problem.path("errors").get(0).path("line").asInt()).isEqualTo(2);
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("optins_pay_sumamt");

        JsonNode totals = json.readTree(call(get("/api/crossregion/national-clearing-totals").param("month", "2027-06"),
                as(CITY + "-AGENCY", Role.CLERK)).getContentAsString(StandardCharsets.UTF_8));
        assertThat(totals).hasSize(2);
        assertThat(totals.get(0).path("cityName").asString()).isEqualTo("黔南布依族苗族自治州");
        assertThat(json.readTree(call(get("/api/crossregion/national-clearing-totals").param("month", "2027-06"),
                as("522600-AGENCY", Role.CLERK)).getContentAsString(StandardCharsets.UTF_8))).isEmpty();
        assertThat(call(post("/api/crossregion/national-imports").param("kind", "CLEARING_DETAIL")
                .contentType(MediaType.TEXT_PLAIN).header(Idempotency.HEADER, "dp-agency")
                .content(good), as(CITY + "-AGENCY", Role.CLERK)).getStatus()).isEqualTo(403);
        audit.assertSound();
    }
}
