package org.medfund.web.prepayment;

import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.FundStatuses;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.prepayment.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The inputs that decide prepayment money reach users through the API and the staff forms, maker-checker with
 * evidence: service agreements (henan-2023 二(二)) and Xinyang's art. 7 fund status (xinyang-2025 art. 7). Bad input is a
 * 4xx problem naming the field; Henan sizing before 2024 and a negative year are refusals, never a 500. Hospitals of
 * 汝州市 (410482) and prepayment year 2027 of 信阳 are this test's own.
 */
@DatabaseTest
class PrepaymentInputsApiTest {

    private static final String COUNTY = "410482";
    private static final String AGENCY = "410482-AGENCY";

    @Autowired
    MockMvc mvc;
    @Autowired
    Agreements agreements;
    @Autowired
    FundStatuses fundStatuses;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private static MedfundUser as(String user, String org, Role... roles) {
        return MedfundUser.of(new Actor(user, org, Set.of(roles)));
    }

    private static String agreementJson(String hospital, String evidence) {
        return "{\"hospitalCode\":\"" + hospital + "\",\"agreementNo\":\"RZ-2024-01\",\"validFrom\":\"2024-01-01\","
                + "\"prepaymentTerms\":\"按年核定预拨，年初拨付\",\"medicalCommunity\":false"
                + (evidence == null ? "" : ",\"evidence\":\"" + evidence + "\"") + "}";
    }

    @Test
    @DisplayName("henan-2023 二(二) agreements API: clerk records, another user confirms, then sizing finds it")
    void agreementsApi() throws Exception {
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）汝州医院");
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 1, 12, 100_000));
        MedfundUser clerk = as("rz-clerk", AGENCY, Role.CLERK);
        MedfundUser reviewer = as("rz-reviewer", AGENCY, Role.REVIEWER);
        mvc.perform(post("/api/prepayment-agreements").with(user(clerk)).header(Idempotency.HEADER, "k-ag-bad")
                        .contentType(MediaType.APPLICATION_JSON).content(agreementJson(hospital, null)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("evidence"));
        mvc.perform(post("/api/prepayment-agreements").with(user(as("h", hospital, Role.HOSPITAL)))
                        .header(Idempotency.HEADER, "k-ag-h").contentType(MediaType.APPLICATION_JSON)
                        .content(agreementJson(hospital, "协议文本")))
                .andExpect(status().isForbidden());
        String body = mvc.perform(post("/api/prepayment-agreements").with(user(clerk))
                        .header(Idempotency.HEADER, "k-ag-" + hospital).contentType(MediaType.APPLICATION_JSON)
                        .content(agreementJson(hospital, "协议文本第八条（汝医保协〔2024〕1号）")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.review.status").value("RECORDED"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/prepayment-agreements/" + id + "/confirm").with(user(as("rz-clerk", AGENCY,
                        Role.CLERK, Role.REVIEWER))).header(Idempotency.HEADER, "k-agc-self")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-01-02\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("prepayment.maker-checker"));
        // Not yet confirmed: Henan sizing refuses the hospital for want of an agreement.
        String refused = mvc.perform(post("/api/prepayments/size").with(user(clerk))
                        .header(Idempotency.HEADER, "k-size-" + hospital).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + COUNTY + "\",\"year\":2024,\"date\":\"2024-01-05\"}"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(refused).contains(hospital, "服务协议未明确预拨条款");
        mvc.perform(post("/api/prepayment-agreements/" + id + "/confirm").with(user(reviewer))
                        .header(Idempotency.HEADER, "k-agc-" + hospital).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"date\":\"2024-01-02\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.review.confirmedBy").value("rz-reviewer"));
        mvc.perform(get("/api/prepayment-agreements").param("hospital", hospital).with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].review.status").value("CONFIRMED"))
                .andExpect(jsonPath("$[0].evidence").value(containsString("汝医保协〔2024〕1号")));
        mvc.perform(post("/api/prepayments/size").with(user(clerk)).header(Idempotency.HEADER, "k-size2-" + hospital)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + COUNTY + "\",\"year\":2024,\"date\":\"2024-01-05\"}"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("PP-2024-" + hospital + "-310")));
        mvc.perform(get("/api/prepayments/PP-2024-" + hospital + "-310").with(user(clerk)))
                .andExpect(jsonPath("$.sized").value("1500.00"));
        // Seed 000 二(二) "2024 年 1 月开始实施": a 2023 sizing is a 422 naming the article.
        mvc.perform(post("/api/prepayments/size").with(user(clerk)).header(Idempotency.HEADER, "k-size-2023")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"regionCode\":\"" + COUNTY + "\",\"year\":2023,\"date\":\"2023-11-01\"}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.code").value("prepayment.not-started"))
                .andExpect(jsonPath("$.detail").value(containsString("henan-2023 二(二)")));
    }

    @Test
    @DisplayName("henan-2023 二(二) agreement form: record a version and confirm it from the page; other region 403")
    void agreementPage() throws Exception {
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）汝州页面");
        MedfundUser clerk = as("rz-page-clerk", AGENCY, Role.CLERK);
        mvc.perform(post("/prepayments/agreements").with(csrf()).with(user(clerk)).param("hospitalCode", hospital)
                        .param("agreementNo", "RZ-P-1").param("validFrom", "2024-01-01")
                        .param("prepaymentTerms", "按年核定预拨").param("evidence", "协议扫描件 RZ-P-1")
                        .param("requestId", "form-ag-" + hospital))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/prepayments/agreements").param("hospital", hospital).with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("RZ-P-1")))
                .andExpect(content().string(containsString("待复核")))
                // Issue 13: only a reviewer may confirm, so only a reviewer is offered the button.
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("复核确认"))));
        mvc.perform(get("/prepayments/agreements").param("hospital", hospital)
                        .with(user(as("rz-page-reviewer", AGENCY, Role.REVIEWER))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("复核确认")));
        long id = agreements.records(hospital, clerk.actor()).get(0).id();
        mvc.perform(post("/prepayments/agreements/" + id + "/confirm").with(csrf())
                        .with(user(as("xy", "411500-AGENCY", Role.REVIEWER))).param("date", "2024-01-02"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/prepayments/agreements/" + id + "/confirm").with(csrf())
                        .with(user(as("rz-page-reviewer", AGENCY, Role.REVIEWER))).param("date", "2024-01-02"))
                .andExpect(status().is3xxRedirection());
        assertThat(agreements.inForce(hospital, LocalDate.of(2024, 6, 1))).get()
                .satisfies(a -> assertThat(a.agreementNo()).isEqualTo("RZ-P-1"));
    }

    private static String months(int year, String income, String expenditure) {
        StringBuilder json = new StringBuilder("[");
        for (int m = 1; m <= 12; m++) {
            json.append(m == 1 ? "" : ",").append("{\"month\":\"").append(year).append(String.format("-%02d", m))
                    .append("\",\"income\":\"").append(income).append("\",\"expenditure\":\"").append(expenditure)
                    .append("\"}");
        }
        return json.append("]").toString();
    }

    @Test
    @DisplayName("xinyang-2025 art. 7 fund status: API and form record, another user confirms, the gate then uses it")
    void fundStatus() throws Exception {
        MedfundUser clerk = as("xy-fs-clerk", "411500-AGENCY", Role.CLERK);
        String request = "{\"regionCode\":\"411500\",\"insuranceType\":\"310\",\"year\":2027,"
                + "\"accumulatedBalance\":\"1200.00\",\"lastYear\":" + months(2026, "110.00", "100.00")
                + ",\"forecast\":" + months(2027, "110.00", "100.00") + ",\"evidence\":\"2026 年度决算\","
                + "\"date\":\"2027-01-04\"}";
        mvc.perform(post("/api/prepayment-fund-status").with(user(clerk)).header(Idempotency.HEADER, "k-fs-bad")
                        .contentType(MediaType.APPLICATION_JSON).content(request.replace("2026-03", "2026-13")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.field").value("lastYear"));
        String body = mvc.perform(post("/api/prepayment-fund-status").with(user(clerk))
                        .header(Idempotency.HEADER, "k-fs-310").contentType(MediaType.APPLICATION_JSON)
                        .content(request))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.review.status").value("RECORDED"))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
        mvc.perform(post("/api/prepayment-fund-status/" + id + "/confirm").with(user(as("xy-fs-clerk",
                        "411500-AGENCY", Role.CLERK, Role.REVIEWER))).header(Idempotency.HEADER, "k-fsc-self"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/prepayment-fund-status/" + id + "/confirm").with(user(as("xy-fs-reviewer",
                        "411500-AGENCY", Role.REVIEWER))).header(Idempotency.HEADER, "k-fsc-310"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.review.status").value("CONFIRMED"));
        assertThat(fundStatuses.effective("411500", "310", 2027).status().accumulatedBalance().toPlainYuan())
                .isEqualTo("1200.00");

        // The staff form: month lines in a textarea.
        StringBuilder lastYear = new StringBuilder();
        StringBuilder forecast = new StringBuilder();
        for (int m = 1; m <= 12; m++) {
            lastYear.append(String.format("2026-%02d 60.00 50.00%n", m));
            forecast.append(String.format("2027-%02d,60.00,50.00%n", m));
        }
        mvc.perform(post("/prepayments/fund-status").with(csrf()).with(user(clerk)).param("regionCode", "411500")
                        .param("year", "2027").param("insuranceType", "390").param("accumulatedBalance", "300.00")
                        .param("lastYear", lastYear.toString()).param("forecast", forecast.toString())
                        .param("evidence", "2026 年度决算（居民）").param("requestId", "form-fs-390"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/prepayments/fund-status").with(csrf()).with(user(clerk)).param("regionCode", "411500")
                        .param("year", "2027").param("insuranceType", "390").param("forecast", "2027-01 1")
                        .param("evidence", "x").param("requestId", "form-fs-bad"))
                .andExpect(status().is4xxClientError());
        mvc.perform(get("/prepayments/fund-status").param("region", "411500").param("year", "2027")
                        .with(user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("经复核的登记")))
                .andExpect(content().string(containsString("待复核")))
                .andExpect(content().string(containsString("登记基金状况")));
        long pending = fundStatuses.records("411500", 2027, clerk.actor()).stream()
                .filter(r -> r.insuranceType().equals("390")).findFirst().orElseThrow().id();
        mvc.perform(post("/prepayments/fund-status/" + pending + "/confirm").with(csrf())
                        .with(user(as("xy-fs-reviewer", "411500-AGENCY", Role.REVIEWER))))
                .andExpect(status().is3xxRedirection());
        // 300.00 ÷ (600.00 ÷ 12) = 6.00 months: the resident fund is open.
        assertThat(fundStatuses.effective("411500", "390", 2027).status().accumulatedBalance().toPlainYuan())
                .isEqualTo("300.00");
        mvc.perform(get("/api/prepayment-fund-status").param("region", "411500").param("year", "2027")
                        .with(user(as("rz", AGENCY, Role.CLERK))))
                .andExpect(status().isForbidden());
        // Henan's regime sets no art. 7 gate, Guizhou has no prepayment regime: the page says so, no form.
        for (MedfundUser other : List.of(as("rz", AGENCY, Role.CLERK), as("gz", "520100-AGENCY", Role.CLERK))) {
            mvc.perform(get("/prepayments/fund-status").with(user(other)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("不设基金结余条件")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("登记基金状况"))));
        }
        // Hospitals do not see the staff links.
        mvc.perform(get("/prepayments").with(user(as("h", "H41150200001", Role.HOSPITAL))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/prepayments/fund-status"))));
    }
}
