package org.medfund.web;

import org.medfund.web.settlement.SettlementIntakeApiTest;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.IntakeFixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue 11 #2 and #3: malformed and wrongly typed bodies answered 500, or were coerced and stored. Each call of the
 * probe that broke is here with the answer it must give: a 4xx problem+json naming the field, nothing written.
 */
@DatabaseTest
class MalformedBodyTest {

    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final String PDS = IntakeFixtures.PDS_HOSPITAL;

    @Autowired
    MockMvc mvc;

    private ResultActions call(MedfundUser who, String path, String body) throws Exception {
        return mvc.perform(post(path).with(user(who)).header(Idempotency.HEADER, "mb-" + KEYS.incrementAndGet()
                        + "-" + System.nanoTime()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static ResultActions expect(ResultActions result, int status, String code, String field)
            throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.field").value(field));
    }

    private static MedfundUser hospital() {
        return MedfundUser.of(new Actor("mb-hospital", PDS, Set.of(Role.HOSPITAL)));
    }

    private static String settlement(String field, String json) {
        String body = SettlementIntakeApiTest.body(IntakeFixtures.id("MB"), PDS, "1000.10");
        return body.replaceFirst("\"" + field + "\": (\"[^\"]*\"|[0-9.]+)",
                java.util.regex.Matcher.quoteReplacement("\"" + field + "\": " + json));
    }

    @Test
    @DisplayName("issue 11 #2: POST /api/settlements with a field as an array or object → 400 naming the field")
    void settlementFieldAsContainer() throws Exception {
        for (String field : new String[] {"setl_id", "psn_no", "insutype", "setl_time", "medfee_sumamt"}) {
            expect(call(hospital(), "/api/settlements", settlement(field, "[\"x\"]")), 400, "claims.bad-value", field);
            expect(call(hospital(), "/api/settlements", settlement(field, "{\"a\": 1}")), 400, "claims.bad-value",
                    field);
        }
        expect(call(hospital(), "/api/settlements", settlement("setl_id", "true")), 400, "claims.bad-value",
                "setl_id");
        expect(call(hospital(), "/api/settlements", settlement("insutype", "310")), 400, "claims.bad-value",
                "insutype");
    }

    @Test
    @DisplayName("issue 11 #2: a NUL character in setl_id is a row error (422), not a database error")
    void nulInSetlId() throws Exception {
        expect(call(hospital(), "/api/settlements", settlement("setl_id", "\"A\\u0000B\"")), 422, "claims.bad-id",
                "setl_id");
    }

    @Test
    @DisplayName("issue 11 #2: POST /api/reconciliations with period null, \"\" or [] → 4xx naming period")
    void reconciliationPeriod() throws Exception {
        String body = """
                {"application": {"hospitalCode": "%s", "period": %s, "totals": []}, "appliedOn": "2025-07-03"}""";
        expect(call(hospital(), "/api/reconciliations", body.formatted(PDS, "null")), 422, "request.invalid",
                "application.period").andExpect(jsonPath("$.detail").value("application.period: 不能为null"));
        expect(call(hospital(), "/api/reconciliations", body.formatted(PDS, "\"\"")), 400, "request.invalid-value",
                "application.period");
        expect(call(hospital(), "/api/reconciliations", body.formatted(PDS, "[]")), 400, "request.invalid-value",
                "application.period");
        expect(call(hospital(), "/api/reconciliations",
                        "{\"application\": {\"hospitalCode\": \"" + PDS + "\", \"period\": \"2025-06\"},"
                                + " \"appliedOn\": \"2025-07-03\"}"), 422, "request.invalid",
                "application.totals");
    }

    @Test
    @DisplayName("issue 11 #2: POST /api/clearing-applications without setlym → 422 naming setlym")
    void clearingWithoutMonth() throws Exception {
        expect(call(hospital(), "/api/clearing-applications?appliedOn=2025-08-01", """
                        {"hospitalCode": "%s", "clrType": "21", "clrWay": "1", "psntime": 3,
                         "medfeeSumamt": "1.00", "medSumfee": "1.00", "fundAppySum": "1.00", "cashPayamt": "0.00",
                         "acctPay": "0.00", "begndate": "2025-07-01", "enddate": "2025-07-31"}""".formatted(PDS)),
                422, "request.invalid", "setlym");
    }

    @Test
    @DisplayName("issue 11 #3: {\"date\": 12345} on payment-batch approve → 400, not 2003-10-20")
    void dateAsNumber() throws Exception {
        MedfundUser finance = MedfundUser.of(new Actor("mb-finance", "410400-AGENCY", Set.of(Role.FINANCE)));
        expect(call(finance, "/api/payment-batches/1/approve", "{\"date\": 12345}"), 400, "request.invalid-value",
                "date");
        expect(call(finance, "/api/payment-batches/1/approve", "{\"date\": [2025, 1, 2]}"), 400,
                "request.invalid-value", "date");
        expect(call(finance, "/api/payment-batches/1/approve", "{\"date\": \"\"}"), 400, "request.invalid-value",
                "date");
    }

    @Test
    @DisplayName("issue 11 #3: numbers for text, numbers or text for booleans, text for numbers are refused")
    void noScalarCoercion() throws Exception {
        MedfundUser admin = MedfundUser.of(new Actor("mb-admin", "411500-AGENCY", Set.of(Role.ADMIN)));
        expect(call(admin, "/api/registry/orgs", "{\"code\": \"411502-X\", \"name\": 12345, \"kind\": \"BUREAU\","
                + " \"regionCode\": \"411502\"}"), 400, "request.invalid-value", "name");
        expect(call(admin, "/api/users/xy-clerk/status", "{\"enabled\": 12345, \"reason\": \"x\"}"), 400,
                "request.invalid-value", "enabled");
        expect(call(admin, "/api/users/xy-clerk/status", "{\"enabled\": \"false\", \"reason\": \"x\"}"), 400,
                "request.invalid-value", "enabled");
        expect(call(admin, "/api/registry/orgs", "{\"code\": \"411502-X\", \"name\": \"x\", \"kind\": 0,"
                + " \"regionCode\": \"411502\"}"), 400, "request.invalid-value", "kind");
        MedfundUser centre = MedfundUser.of(new Actor("mb-centre", "410000-CENTRE", Set.of(Role.CLERK)));
        expect(call(centre, "/api/prepayments/region-plans", "{\"year\": \"2025\", \"date\": \"2025-01-06\"}"), 400,
                "request.invalid-value", "year");
        expect(call(centre, "/api/prepayments/region-plans", "{\"year\": 2025.5, \"date\": \"2025-01-06\"}"), 400,
                "request.invalid-value", "year");
        expect(call(centre, "/api/prepayments/region-plans", "{\"date\": \"2025-01-06\"}"), 400,
                "request.invalid-value", "year");
        expect(call(centre, "/api/prepayments/region-plans", "{\"year\": \"x\\u0000\", \"date\": \"2025-01-06\"}"),
                400, "request.invalid-value", "year");
    }

    @Test
    @DisplayName("issue 11 #3: \"year\": -100 and other years outside the calendar → 422 naming year")
    void yearOutsideCalendar() throws Exception {
        MedfundUser centre = MedfundUser.of(new Actor("mb-centre", "410000-CENTRE", Set.of(Role.CLERK)));
        for (int year : new int[] {-100, 0, 1999, 9999}) {
            expect(call(centre, "/api/prepayments/region-plans", "{\"year\": " + year + ", \"date\": \"2025-01-06\"}"),
                    422, "date.year-out-of-range", "year");
        }
    }

    @Test
    @DisplayName("issue 11 #1: a body over the API bound is refused with 413 unread; a batch over 10,000 with 422")
    void oversized() throws Exception {
        byte[] huge = new byte[33 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) ' ');
        huge[0] = '{';
        huge[huge.length - 1] = '}';
        expect(call(hospital(), "/api/settlements", new String(huge, java.nio.charset.StandardCharsets.US_ASCII)),
                413, "request.too-large", null);
        StringBuilder rows = new StringBuilder("{\"settlements\": [");
        for (int i = 0; i <= org.medfund.claims.SettlementIntake.API_BATCH_ROWS_MAX; i++) {
            rows.append(i == 0 ? "" : ",").append("{\"setl_id\": \"X").append(i).append("\"}");
        }
        expect(call(hospital(), "/api/settlements", rows.append("]}").toString()), 422, "claims.batch-size",
                "settlements");
    }

    @Test
    @DisplayName("issue 11 #2: a NUL in a path or query parameter is refused before any lookup")
    void controlCharacterInPath() throws Exception {
        MedfundUser clerk = MedfundUser.of(new Actor("mb-clerk", "411500-AGENCY", Set.of(Role.CLERK)));
        expect(call(clerk, "/api/prepayments/PP%00X/approve", "{\"date\": \"2025-01-09\"}"), 400,
                "request.invalid-value", "path");
        expect(mvc.perform(post("/api/clearing-applications").param("appliedOn", "2025-08-01\u0000")
                        .with(user(hospital())).header(Idempotency.HEADER, "mb-nul-" + System.nanoTime())
                        .contentType(MediaType.APPLICATION_JSON).content("{}")), 400, "request.invalid-value",
                "appliedOn");
    }

    @Test
    @DisplayName("issue 11 #3: control characters in text are refused naming the field")
    void controlCharacters() throws Exception {
        MedfundUser admin = MedfundUser.of(new Actor("mb-admin", "411500-AGENCY", Set.of(Role.ADMIN)));
        expect(call(admin, "/api/users/xy-clerk/status", "{\"enabled\": false, \"reason\": \"a\\u0000b\"}"), 400,
                "request.invalid-value", "reason");
    }
}
