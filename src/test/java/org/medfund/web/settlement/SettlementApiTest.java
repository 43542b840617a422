package org.medfund.web.settlement;

import org.medfund.users.Users;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.medfund.web.TestUsers;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.IntakeFixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Reconciliation API and pages for a Hainan hospital: the 20th is not shifted, so the 21st is late. */
@DatabaseTest
class SettlementApiTest {

    static final String HOSPITAL = "H46010800001";

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    tools.jackson.databind.json.JsonMapper json;

    @Test
    @DisplayName("hainan-2020 art. 16: applied on the 21st (the 20th was a Sunday) → late, settled with the next month")
    void hainanLateApplication() throws Exception {
        MedfundUser clerk = MedfundUser.of(new Actor("hk-clerk", "460108-AGENCY", Set.of(Role.CLERK)));
        MedfundUser hospital = MedfundUser.of(new Actor("hk-h", HOSPITAL, Set.of(Role.HOSPITAL)));
        TestUsers.ensure(users, "hk-clerk", "460108-AGENCY", Role.CLERK);
        mvc.perform(post("/api/hospitals/" + HOSPITAL + "/reconciliation-clerk").with(user(clerk))
                        .header("Idempotency-Key", IntakeFixtures.id("k")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clerk\": \"hk-clerk\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/reconciliations").with(user(hospital))
                        .header("Idempotency-Key", IntakeFixtures.id("k")).contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"application": {"hospitalCode": "%s", "period": "2025-06", "totals": [
                                  {"insutype": "310", "clrType": "11", "setlOptins": "460108",
                                   "stmtBegndate": "2025-06-01", "stmtEnddate": "2025-06-30",
                                   "medfeeSumamt": "0.00", "fundPaySumamt": 0, "acctPay": "0", "count": 0,
                                   "refdSetlFlag": "1"}], "details": []},
                                 "appliedOn": "2025-07-21"}""".formatted(HOSPITAL)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.late").value(true))
                .andExpect(jsonPath("$.dueDate").value("2025-07-20"))
                .andExpect(jsonPath("$.cycle").value("2025-07"))
                .andExpect(jsonPath("$.groups[0].hospitalFund").value("0.00"));
        mvc.perform(get("/settlements").with(user(hospital))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("逾期，顺延至下月结算")));
        mvc.perform(get("/obligations").param("period", "2025-06").with(user(clerk))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(HOSPITAL)));
        mvc.perform(get("/api/reconciliations").with(user(MedfundUser.of(new Actor("other", "H46900200001",
                        Set.of(Role.HOSPITAL)))))).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.hospitalCode == '" + HOSPITAL + "')]").isEmpty());
    }

    @Test
    @DisplayName("issue 11 #6: the reconciliation clerk is an enabled clerk of the hospital's settling agency")
    void clerkMustBeAClerkOfTheAgency() throws Exception {
        MedfundUser admin = MedfundUser.of(new Actor("hk-admin", "460108-AGENCY", Set.of(Role.ADMIN)));
        TestUsers.ensure(users, "hk-clerk", "460108-AGENCY", Role.CLERK);
        TestUsers.ensure(users, "hk-reviewer-only", "460108-AGENCY", Role.REVIEWER);
        TestUsers.ensure(users, "hk-other-agency", "460100-AGENCY", Role.CLERK);
        TestUsers.ensure(users, "hk-disabled-clerk", "460108-AGENCY", Role.CLERK);
        users.setEnabled("hk-disabled-clerk", false);
        String[] refused = {"' or 1=1 --", "abc", "hk-reviewer-only", "hk-other-agency", "hk-disabled-clerk"};
        for (String clerk : refused) {
            mvc.perform(post("/api/hospitals/" + HOSPITAL + "/reconciliation-clerk").with(user(admin))
                            .header("Idempotency-Key", IntakeFixtures.id("k")).contentType(MediaType.APPLICATION_JSON)
                            .content(json.writeValueAsString(java.util.Map.of("clerk", clerk))))
                    .andExpect(status().isUnprocessableContent())
                    .andExpect(jsonPath("$.code").value("settlement.bad-clerk"))
                    .andExpect(jsonPath("$.field").value("clerk"));
        }
        mvc.perform(post("/api/hospitals/" + HOSPITAL + "/reconciliation-clerk").with(user(admin))
                        .header("Idempotency-Key", IntakeFixtures.id("k")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"clerk\": \"hk-clerk\"}"))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("bad bodies are refused naming the field, never a 500: missing dates, no application, broken JSON")
    void badBodies() throws Exception {
        var clerk = user(MedfundUser.of(new Actor("api-bad-body", "460100-AGENCY", Set.of(Role.CLERK))));
        var hospital = user(MedfundUser.of(new Actor("api-bad-body-h", HOSPITAL, Set.of(Role.HOSPITAL))));
        String[][] cases = {{"/api/settlement-batches/2025-01", "date"},
            {"/api/settlement-batches/2025-01/fallback", "date"}, {"/api/reconciliations", "application"}};
        for (String[] c : cases) {
            mvc.perform(post(c[0]).with(c[0].contains("reconciliations") ? hospital : clerk)
                            .header(Idempotency.HEADER, "bad-" + c[0].hashCode())
                            .contentType(MediaType.APPLICATION_JSON).content("{}"))
                    .andExpect(status().isUnprocessableEntity())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("request.invalid"))
                    .andExpect(jsonPath("$.field").value(c[1]));
        }
        mvc.perform(post("/api/settlements").with(hospital).header(Idempotency.HEADER, "bad-json")
                        .contentType(MediaType.APPLICATION_JSON).content("{bad json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.malformed-json"));
    }
}
