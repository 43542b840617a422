package org.medfund.web.audit;

import org.medfund.notices.XlsxExport;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.medfund.web.Names;
import org.medfund.web.settlement.SettlementIntakeApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.IntakeFixtures;
import org.medfund.common.AuditLog;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 11, security matrix: an audit log of every state change (who, organisation, when, what, request id, outcome)
 * with a page for auditors. A change made through the API or a page appears with its outcome (done, replayed,
 * refused, denied), a read does not; the log is scoped like every view (a hospital reads only its own users'
 * actions, an agency's auditor those of its region, another city nothing).
 */
@DatabaseTest
class AuditLogTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Names names;

    private static final String PDS = IntakeFixtures.PDS_HOSPITAL;
    private static final String BAOFENG = IntakeFixtures.BAOFENG_HOSPITAL;

    private static MedfundUser as(String username, String org, Role role) {
        return MedfundUser.of(new Actor(username, org, Set.of(role)));
    }

    private List<AuditLog.Entry> rowsOf(String username) {
        return audit.find(new AuditLog.Filter(username, null, null, null, null, null, null),
                AuditLog.Reader.OPERATOR, 100);
    }

    /** One settlement posted by a hospital user of its own: the state change every test below looks for. */
    private String postSettlement(MedfundUser hospital, String key, String setlId) throws Exception {
        mvc.perform(post("/api/settlements").with(user(hospital)).header(Idempotency.HEADER, key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(SettlementIntakeApiTest.body(setlId, PDS, "1000.10")))
                .andExpect(status().isCreated());
        return key;
    }

    @Test
    @DisplayName("a state change appears once, atomically with it: who, org, command, request id, outcome, ids")
    void changeAppears() throws Exception {
        String username = IntakeFixtures.id("audit-h");
        String key = IntakeFixtures.id("key");
        String setlId = IntakeFixtures.id("AUD");
        postSettlement(as(username, PDS, Role.HOSPITAL), key, setlId);
        assertThat(rowsOf(username)).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo(AuditLog.Channel.API);
            assertThat(e.who().orgCode()).isEqualTo(PDS);
            assertThat(e.who().orgRegion()).isEqualTo("410402");
            assertThat(e.command()).isEqualTo("POST /api/settlements");
            assertThat(e.requestId()).isEqualTo(key);
            assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.DONE);
            assertThat(e.result().transactions()).isEqualTo(1);
        });
        assertThat(jdbc.sql("select count(*) from claims_settlement where setl_id = :id").param("id", setlId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @DisplayName("a repeat of the same request is logged as replayed (nothing changed), not as a second change")
    void replayLogged() throws Exception {
        String username = IntakeFixtures.id("audit-r");
        MedfundUser hospital = as(username, PDS, Role.HOSPITAL);
        String key = IntakeFixtures.id("key");
        String setlId = IntakeFixtures.id("AUD");
        postSettlement(hospital, key, setlId);
        postSettlement(hospital, key, setlId);
        assertThat(rowsOf(username)).extracting(e -> e.result().outcome())
                .containsExactly(AuditLog.Outcome.REPLAYED, AuditLog.Outcome.DONE);
    }

    @Test
    @DisplayName("a refused change is logged with its problem code, the reason its caller read and status, and "
            + "leaves no 'done' row")
    void refusedLogged() throws Exception {
        String username = IntakeFixtures.id("audit-x");
        mvc.perform(post("/api/settlements").with(user(as(username, PDS, Role.HOSPITAL)))
                        .header(Idempotency.HEADER, IntakeFixtures.id("key")).contentType(MediaType.APPLICATION_JSON)
                        .content(SettlementIntakeApiTest.body(IntakeFixtures.id("AUD"), PDS, "1000.11")))
                .andExpect(status().isUnprocessableContent());
        assertThat(rowsOf(username)).singleElement().satisfies(e -> {
            assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.REJECTED);
            assertThat(e.result().status()).isEqualTo(422);
            assertThat(e.result().code()).isEqualTo("claims.amounts-inconsistent");
            assertThat(e.result().reason()).startsWith("结算数据有 1 处错误，整批未写入")
                    .isEqualTo(e.result().detail().substring("claims.amounts-inconsistent ".length()));
            assertThat(e.result().transactions()).isZero();
        });
        String reason = rowsOf(username).get(0).result().reason();
        MedfundUser auditor = as("pds-auditor", "410400-AGENCY", Role.AUDITOR);
        // The auditor reads why in words, with the code marked as a code beside it (no raw code as the text).
        mvc.perform(get("/audit-log").param("user", username).with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(reason)))
                .andExpect(content().string(Matchers.containsString(
                        "<small class=\"code\">claims.amounts-inconsistent</small>")));
        byte[] xlsx = mvc.perform(get("/audit-log.xlsx").param("user", username).with(user(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            List<String> header = cells(workbook.getSheetAt(0).getRow(0));
            List<String> row = cells(workbook.getSheetAt(0).getRow(1));
            assertThat(row.get(header.indexOf("说明"))).isEqualTo(reason);
            assertThat(row.get(header.indexOf("问题代码"))).isEqualTo("claims.amounts-inconsistent");
            assertThat(row.get(header.indexOf("机构"))).isEqualTo(names.org(PDS)).isNotEqualTo(PDS);
            assertThat(row.get(header.indexOf("机构代码"))).isEqualTo(PDS);
        }
    }

    private static List<String> cells(org.apache.poi.ss.usermodel.Row row) {
        List<String> cells = new java.util.ArrayList<>();
        row.forEach(cell -> cells.add(cell.toString()));
        return cells;
    }

    @Test
    @DisplayName("an auditor's write is denied and logged as such; a page form post is logged with its form request id")
    void deniedAndPageLogged() throws Exception {
        String auditor = IntakeFixtures.id("audit-a");
        mvc.perform(post("/api/settlements").with(user(as(auditor, "410400-AGENCY", Role.AUDITOR)))
                        .header(Idempotency.HEADER, "k").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        assertThat(rowsOf(auditor)).singleElement().satisfies(e -> {
            assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.DENIED);
            assertThat(e.result().code()).isEqualTo("auth.read-only");
        });
        String clerk = IntakeFixtures.id("audit-p");
        String requestId = IntakeFixtures.id("form");
        mvc.perform(post("/settlements/upload").param("requestId", requestId).with(csrf())
                        .with(user(as(clerk, PDS, Role.HOSPITAL))))
                .andExpect(status().is4xxClientError());
        assertThat(rowsOf(clerk)).singleElement().satisfies(e -> {
            assertThat(e.channel()).isEqualTo(AuditLog.Channel.PAGE);
            assertThat(e.command()).isEqualTo("POST /settlements/upload");
            assertThat(e.requestId()).isEqualTo(requestId);
            assertThat(e.result().outcome()).isEqualTo(AuditLog.Outcome.REJECTED);
            assertThat(e.result().code()).isEqualTo("claims.empty");
            assertThat(e.result().reason()).isNotBlank();
        });
    }

    @Test
    @DisplayName("a read leaves no row: API GETs, pages and exports, the audit log itself")
    void readNotLogged() throws Exception {
        String username = IntakeFixtures.id("audit-g");
        MedfundUser reader = as(username, "410400-AGENCY", Role.AUDITOR);
        mvc.perform(get("/api/me").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get("/api/audit-log").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get("/audit-log").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get("/audit-log.xlsx").with(user(reader))).andExpect(status().isOk());
        mvc.perform(get("/ledger").with(user(reader))).andExpect(status().isOk());
        assertThat(rowsOf(username)).isEmpty();
    }

    @Test
    @DisplayName("scope: the hospital and its city's auditor read the hospital's row; another hospital and another "
            + "city do not, and asking for another hospital's rows is 403 audit.out-of-scope")
    void scoped() throws Exception {
        String username = IntakeFixtures.id("audit-s");
        String key = postSettlement(as(username, PDS, Role.HOSPITAL), IntakeFixtures.id("key"),
                IntakeFixtures.id("AUD"));
        String own = "$[?(@.requestId == '" + key + "')]";
        mvc.perform(get("/api/audit-log").param("user", username).with(user(as("h-self", PDS, Role.HOSPITAL))))
                .andExpect(status().isOk()).andExpect(jsonPath(own).isNotEmpty());
        mvc.perform(get("/api/audit-log").param("user", username)
                        .with(user(as("pds-auditor", "410400-AGENCY", Role.AUDITOR))))
                .andExpect(status().isOk()).andExpect(jsonPath(own).isNotEmpty())
                .andExpect(jsonPath("$[0].outcome").value("DONE"));
        mvc.perform(get("/api/audit-log").param("user", username).with(user(as("h-other", BAOFENG, Role.HOSPITAL))))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/audit-log").param("org", PDS).with(user(as("h-other", BAOFENG, Role.HOSPITAL))))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("audit.out-of-scope"));
        mvc.perform(get("/api/audit-log").param("user", username)
                        .with(user(as("xy-auditor", "411500-AGENCY", Role.AUDITOR))))
                .andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }

    @Test
    @DisplayName("the 审计日志 page: Chinese labels and filters, the auditor sees the row; xlsx export; bad filters 400")
    void page() throws Exception {
        String username = IntakeFixtures.id("audit-v");
        String key = postSettlement(as(username, PDS, Role.HOSPITAL), IntakeFixtures.id("key"),
                IntakeFixtures.id("AUD"));
        MedfundUser auditor = as("pds-auditor", "410400-AGENCY", Role.AUDITOR);
        mvc.perform(get("/audit-log").param("user", username).with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("审计日志")))
                .andExpect(content().string(Matchers.containsString("请求编号")))
                .andExpect(content().string(Matchers.containsString("接口")))
                .andExpect(content().string(Matchers.containsString("成功")))
                .andExpect(content().string(Matchers.containsString(key)));
        mvc.perform(get("/audit-log.xlsx").param("user", username).with(user(auditor)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(XlsxExport.XLSX));
        mvc.perform(get("/api/audit-log").param("from", "2025-13-01").with(user(auditor)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("from"));
        mvc.perform(get("/api/audit-log").param("outcome", "MAYBE").with(user(auditor)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("outcome"));
        mvc.perform(get("/api/audit-log").param("command", "/api/settlements").param("user", username)
                        .param("limit", "1").with(user(auditor)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(1));
    }
}
