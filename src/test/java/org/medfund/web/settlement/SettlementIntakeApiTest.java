package org.medfund.web.settlement;

import org.medfund.web.MedfundUser;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.IntakeFixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** POST /api/settlements and the upload page: idempotent batches, every bad row in problem+json, scope denial. */
@DatabaseTest
public class SettlementIntakeApiTest {

    @Autowired
    MockMvc mvc;

    static MedfundUser hospital(String code) {
        return MedfundUser.of(new Actor("api-" + code, code, Set.of(Role.HOSPITAL)));
    }

    public static String body(String setlId, String hospital, String medfee) {
        return """
                {"settlements": [{"setl_id": "%s", "mdtrt_id": "M1", "psn_no": "P1", "fixmedins_code": "%s",
                  "insutype": "310", "med_type": "21", "clr_type": "21", "clr_way": "1", "clr_optins": "410400",
                  "pay_loc": "2", "insuplc_admdvs": "410400", "mdtrtarea_admvs": "410402",
                  "setl_time": "2026-10-09 10:00:00", "medfee_sumamt": %s, "hifp_pay": 650.10,
                  "fund_pay_sumamt": 700.10, "psn_part_amt": 280.00, "acct_pay": 100.00, "psn_cash_pay": 180.00,
                  "hosp_part_amt": 20.00,
                  "setldetail": [{"fund_pay_type": "310100", "fund_payamt": 650.10},
                                 {"fund_pay_type": "330100", "fund_payamt": 50.00}]}]}""".formatted(setlId,
                hospital, medfee);
    }

    @Test
    @DisplayName("a good batch is stored once: the replay answers the same, marked replayed")
    void goodBatch() throws Exception {
        String id = IntakeFixtures.id("API");
        String key = IntakeFixtures.id("key");
        MedfundUser h = hospital(IntakeFixtures.PDS_HOSPITAL);
        mvc.perform(post("/api/settlements").with(user(h)).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(id, IntakeFixtures.PDS_HOSPITAL, "1000.10")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.rowsWritten").value(1));
        mvc.perform(post("/api/settlements").with(user(h)).header("Idempotency-Key", key)
                        .contentType(MediaType.APPLICATION_JSON).content(body(id, IntakeFixtures.PDS_HOSPITAL, "1000.10")))
                .andExpect(status().isCreated()).andExpect(header().string("Idempotent-Replayed", "true"));
    }

    @Test
    @DisplayName("a bad batch: 422 problem+json listing the row and field; another hospital's record is refused")
    void badBatch() throws Exception {
        MedfundUser h = hospital(IntakeFixtures.PDS_HOSPITAL);
        mvc.perform(post("/api/settlements").with(user(h)).header("Idempotency-Key", IntakeFixtures.id("key"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(IntakeFixtures.id("API"), IntakeFixtures.PDS_HOSPITAL, "1000.11")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("claims.amounts-inconsistent"))
                .andExpect(jsonPath("$.title").value("不符合业务规则"))
                .andExpect(jsonPath("$.errors[0].row").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("medfee_sumamt"));
        mvc.perform(post("/api/settlements").with(user(hospital(IntakeFixtures.BAOFENG_HOSPITAL)))
                        .header("Idempotency-Key", IntakeFixtures.id("key"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body(IntakeFixtures.id("API"), IntakeFixtures.PDS_HOSPITAL, "1000.10")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("claims.out-of-scope"));
    }

    @Test
    @DisplayName("issue 11 #7: another hospital's setl_id cannot be probed: no 409, nothing of its record in the answer")
    void foreignSetlIdNotProbeable() throws Exception {
        String taken = IntakeFixtures.id("PROBE");
        mvc.perform(post("/api/settlements").with(user(hospital(IntakeFixtures.PDS_HOSPITAL)))
                        .header("Idempotency-Key", IntakeFixtures.id("key")).contentType(MediaType.APPLICATION_JSON)
                        .content(body(taken, IntakeFixtures.PDS_HOSPITAL, "1000.10")))
                .andExpect(status().isCreated());
        String baofeng = IntakeFixtures.BAOFENG_HOSPITAL;
        String foreign = body(taken, baofeng, "1000.10").replace("410400", "410421").replace("410402", "410421");
        String answer = mvc.perform(post("/api/settlements").with(user(hospital(baofeng)))
                        .header("Idempotency-Key", IntakeFixtures.id("key")).contentType(MediaType.APPLICATION_JSON)
                        .content(foreign))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("claims.setl-id-unavailable"))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(answer).doesNotContain(IntakeFixtures.PDS_HOSPITAL, "已存在",
                "内容不同");
        // A reversal of another hospital's record reads exactly like a reversal of a record that does not exist.
        String reversal = """
                {"settlements": [{"setl_id": "%s", "fixmedins_code": "%s", "setl_time": "2026-10-10 10:00:00",
                  "refd_setl_id": "%s"}]}""";
        String foreignTarget = mvc.perform(post("/api/settlements").with(user(hospital(baofeng)))
                        .header("Idempotency-Key", IntakeFixtures.id("key")).contentType(MediaType.APPLICATION_JSON)
                        .content(reversal.formatted(IntakeFixtures.id("R"), baofeng, taken)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].code").value("claims.reversal-target-missing"))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(foreignTarget).doesNotContain(IntakeFixtures.PDS_HOSPITAL);
    }

    @Test
    @DisplayName("upload page: a bad file shows its errors, nothing written")
    void uploadPage() throws Exception {
        var row = IntakeFixtures.row(IntakeFixtures.id("UP"), IntakeFixtures.PDS_HOSPITAL, "310",
                "2026-10-01 10:00:00", "10.00", "5.00", "5.00", "0.00");
        row.put("psn_cash_pay", "9.99");
        byte[] csv = java.nio.file.Files.readAllBytes(IntakeFixtures.csv(java.util.List.of(row)));
        mvc.perform(multipart("/settlements/upload").file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
                        .param("requestId", IntakeFixtures.id("req")).with(csrf())
                        .with(user(hospital(IntakeFixtures.PDS_HOSPITAL))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("psn_part_amt")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("文件未导入")));
        // No file chosen, or a form posted without multipart: a client error, never a server error, and the form
        // again saying so (issue 13).
        mvc.perform(multipart("/settlements/upload").param("requestId", IntakeFixtures.id("req")).with(csrf())
                        .with(user(hospital(IntakeFixtures.PDS_HOSPITAL))))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择文件")));
        mvc.perform(post("/settlements/upload").param("requestId", IntakeFixtures.id("req")).with(csrf())
                        .with(user(hospital(IntakeFixtures.PDS_HOSPITAL))))
                .andExpect(status().is4xxClientError())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("请选择文件")));
    }

    @Test
    @DisplayName("issue 10: upload page, the same file posted twice with the same form says it changed nothing")
    void uploadPageRepeat() throws Exception {
        var row = IntakeFixtures.row(IntakeFixtures.id("UP"), IntakeFixtures.PDS_HOSPITAL, "310",
                "2026-10-01 10:00:00", "10.00", "5.00", "5.00", "0.00");
        byte[] csv = java.nio.file.Files.readAllBytes(IntakeFixtures.csv(java.util.List.of(row)));
        String requestId = IntakeFixtures.id("req");
        MedfundUser h = hospital(IntakeFixtures.PDS_HOSPITAL);
        mvc.perform(multipart("/settlements/upload").file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
                        .param("requestId", requestId).with(csrf()).with(user(h)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("导入成功")));
        mvc.perform(multipart("/settlements/upload").file(new MockMultipartFile("file", "a.csv", "text/csv", csv))
                        .param("requestId", requestId).with(csrf()).with(user(h)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("本次未改动任何结算记录")))
                .andExpect(content().string(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString("导入成功"))));
    }
}
