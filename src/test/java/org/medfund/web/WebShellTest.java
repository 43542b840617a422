package org.medfund.web;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.medfund.web.users.UsersApi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web shell end to end through MockMvc: form login (CSRF), API tokens, 401/403 as problem+json, auditors
 * read-only, unknown fields and bad values rejected, idempotent replay and conflict, OpenAPI and webjars served.
 */
@DatabaseTest
class WebShellTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    JsonMapper json;

    /** A fresh user of its own (tests share the database) and its password. */
    private String[] newUser(String orgCode, Role... roles) {
        String username = "ws" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
        String password = users.create(new UserAccount(username, "测试 " + username, orgCode, Set.of(roles), true),
                null);
        return new String[] {username, password};
    }

    private static String orgCode() {
        return TestOrgs.AGENCY;
    }

    private static ResultActions expectProblem(ResultActions result, int status, String code) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(jsonPath("$.type").value(Problems.TYPE_PREFIX + code))
                .andExpect(jsonPath("$.title").value(Problems.title(status)))
                .andExpect(jsonPath("$.title").value(org.hamcrest.Matchers.matchesPattern("\\p{IsHan}[^A-Za-z]*")))
                .andExpect(jsonPath("$.detail").isString());
    }

    @Test
    @DisplayName("the login page is in Chinese and public; other pages redirect to it")
    void loginPage() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("工作人员登录")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    @DisplayName("form login needs the right password and the CSRF token; then the home page shows user and org")
    void formLogin_() throws Exception {
        String[] clerk = newUser(orgCode(), Role.CLERK);
        mvc.perform(formLogin("/login").user(clerk[0]).password(clerk[1]))
                .andExpect(authenticated().withUsername(clerk[0])).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin("/login").user(clerk[0]).password(clerk[1] + "x"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        mvc.perform(post("/login").param("username", clerk[0]).param("password", clerk[1]))
                .andExpect(status().isForbidden());
        MedfundUser principal = users.credentials(clerk[0]).map(MedfundUser::of).orElseThrow();
        mvc.perform(get("/").with(user(principal))).andExpect(status().isOk())
                .andExpect(content().string(containsString("<meta name=\"csrf-token\"")))
                .andExpect(content().string(containsString(clerk[0])))
                .andExpect(content().string(containsString(orgCode())))
                .andExpect(content().string(containsString("经办")))
                .andExpect(content().string(containsString("退出")));
    }

    @Test
    @DisplayName("scope: a hospital sees only itself, Xinyang's agency its city and counties, Henan's centre all")
    void scope() throws Exception {
        MedfundUser hospital = MedfundUser.of(new Actor("h1", "H41150200001", Set.of(Role.HOSPITAL)));
        mvc.perform(get("/api/me").with(user(hospital))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.orgOnly").value(true))
                .andExpect(jsonPath("$.scope.regionCodes").isEmpty());
        MedfundUser city = MedfundUser.of(new Actor("c1", "411500-AGENCY", Set.of(Role.CLERK)));
        mvc.perform(get("/api/me").with(user(city))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.orgOnly").value(false))
                .andExpect(jsonPath("$.scope.regionCodes[0]").value("411500"))
                .andExpect(jsonPath("$.scope.regionCodes").value(org.hamcrest.Matchers.hasItem("411502")))
                .andExpect(jsonPath("$.scope.regionCodes").value(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("410400"))));
        MedfundUser province = MedfundUser.of(new Actor("p1", "410000-CENTRE", Set.of(Role.CLERK)));
        mvc.perform(get("/api/me").with(user(province))).andExpect(status().isOk())
                .andExpect(jsonPath("$.scope.regionCodes").value(org.hamcrest.Matchers.hasItems("410400", "411502")));
    }

    @Test
    @DisplayName("an administrator manages only users within its scope")
    void adminScope() throws Exception {
        String[] countyClerk = newUser("411502-AGENCY", Role.CLERK);
        String[] otherCity = newUser("410400-AGENCY", Role.CLERK);
        MedfundUser xinyangAdmin = MedfundUser.of(new Actor("xa", "411500-AGENCY", Set.of(Role.ADMIN)));
        mvc.perform(get("/api/users").with(user(xinyangAdmin))).andExpect(status().isOk())
                .andExpect(jsonPath("$[*].username").value(org.hamcrest.Matchers.hasItem(countyClerk[0])))
                .andExpect(jsonPath("$[*].username").value(
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(otherCity[0]))));
        expectProblem(send(post("/api/users/" + otherCity[0] + "/status"), xinyangAdmin, "k-" + otherCity[0],
                "{\"enabled\":false,\"reason\":\"x\"}"), 403, "user.out-of-scope")
                .andExpect(jsonPath("$.field").value("username"));
        assertThat(users.find(otherCity[0]).orElseThrow().enabled()).isTrue();
    }

    @Test
    @DisplayName("a user's organisation must exist in the registry")
    void unknownOrg() {
        org.medfund.common.Rejection rejection = org.junit.jupiter.api.Assertions.assertThrows(
                org.medfund.common.Rejection.class, () -> newUser("999999-NOPE", Role.CLERK));
        assertThat(rejection.code()).isEqualTo("registry.org-unknown");
        assertThat(rejection.field()).isEqualTo("orgCode");
    }

    @Test
    @DisplayName("a disabled user cannot log in")
    void disabledUser() throws Exception {
        String[] clerk = newUser(orgCode(), Role.CLERK);
        users.setEnabled(clerk[0], false);
        mvc.perform(formLogin("/login").user(clerk[0]).password(clerk[1])).andExpect(unauthenticated());
    }

    @Test
    @DisplayName("API: 401 problem without credentials or with a bad token, 200 with a token")
    void tokenAuth() throws Exception {
        expectProblem(mvc.perform(get("/api/me")), 401, "auth.required")
                .andExpect(jsonPath("$.instance").value("/api/me"))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
        expectProblem(mvc.perform(get("/api/me").header("Authorization", "Bearer mft_nope")), 401,
                "auth.token-invalid");
        String[] hospital = newUser(orgCode(), Role.HOSPITAL);
        String token = users.issueToken(hospital[0], "HIS");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(hospital[0]))
                .andExpect(jsonPath("$.orgCode").value(orgCode()))
                .andExpect(jsonPath("$.roles[0]").value("HOSPITAL"))
                .andExpect(header().doesNotExist("Set-Cookie"));
        users.setEnabled(hospital[0], false);
        expectProblem(mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)), 401,
                "auth.token-invalid");
    }

    @Test
    @DisplayName("API: a password is not an API credential (no basic auth, no form login under /api)")
    void noPasswordOnApi() throws Exception {
        String[] clerk = newUser(orgCode(), Role.CLERK);
        expectProblem(mvc.perform(get("/api/me").with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic(clerk[0], clerk[1]))), 401, "auth.required");
    }

    @Test
    @DisplayName("403 problem for a role without permission, on the API and on a page")
    void forbidden() throws Exception {
        MedfundUser clerk = MedfundUser.of(new Actor("u1", orgCode(), Set.of(Role.CLERK)));
        MedfundUser admin = MedfundUser.of(new Actor("a1", orgCode(), Set.of(Role.ADMIN)));
        expectProblem(mvc.perform(get("/api/users").with(user(clerk))), 403, "auth.forbidden");
        mvc.perform(get("/api/users").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON));
        mvc.perform(get("/admin/users").with(user(clerk))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("用户")));
    }

    @Test
    @DisplayName("auditors are read-only: any non-GET API call is 403, GET works")
    void auditorReadOnly() throws Exception {
        String[] auditor = newUser(orgCode(), Role.AUDITOR, Role.ADMIN);
        String token = users.issueToken(auditor[0], "audit tool");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        expectProblem(mvc.perform(post("/api/users/" + auditor[0] + "/status")
                .header("Authorization", "Bearer " + token).header(Idempotency.HEADER, "k1")
                .contentType(MediaType.APPLICATION_JSON).content("{\"enabled\":false,\"reason\":\"x\"}")),
                403, "auth.read-only");
        expectProblem(mvc.perform(post("/api/anything").header("Authorization", "Bearer " + token)),
                403, "auth.read-only");
        MedfundUser session = users.credentials(auditor[0]).map(MedfundUser::of).orElseThrow();
        mvc.perform(post("/admin/users").with(user(session)).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("unknown JSON fields, malformed JSON and wrong types are 400 naming the field; validation is 422")
    void badBodies() throws Exception {
        MedfundUser admin = MedfundUser.of(new Actor("a2", orgCode(), Set.of(Role.ADMIN)));
        String path = "/api/users/nobody/status";
        expectProblem(send(post(path), admin, "k-unknown", "{\"enabled\":false,\"reason\":\"r\",\"extra\":1}"),
                400, "request.unknown-field").andExpect(jsonPath("$.field").value("extra"));
        expectProblem(send(post(path), admin, "k-malformed", "{\"enabled\":false,"), 400, "request.malformed-json");
        expectProblem(send(post(path), admin, "k-type", "{\"enabled\":\"maybe\",\"reason\":\"r\"}"),
                400, "request.invalid-value").andExpect(jsonPath("$.field").value("enabled"));
        expectProblem(send(post(path), admin, "k-blank", "{\"enabled\":true,\"reason\":\" \"}"),
                422, "request.invalid").andExpect(jsonPath("$.field").value("reason"));
        expectProblem(send(post(path), admin, "k-empty", ""), 400, "request.body-missing");
    }

    @Test
    @DisplayName("Jackson really fails on unknown properties (spring.jackson.deserialization in Boot 4)")
    void mapperRejectsUnknownFields() {
        org.junit.jupiter.api.Assertions.assertThrows(tools.jackson.databind.exc.UnrecognizedPropertyException.class,
                () -> json.readValue("{\"enabled\":true,\"reason\":\"r\",\"x\":1}", UsersApi.StatusChange.class));
    }

    @Test
    @DisplayName("idempotency: missing key 400, replay returns the first result, another body with the key is 409")
    void idempotency() throws Exception {
        String[] adminUser = newUser(orgCode(), Role.ADMIN);
        String[] target = newUser(orgCode(), Role.CLERK);
        MedfundUser admin = users.credentials(adminUser[0]).map(MedfundUser::of).orElseThrow();
        String path = "/api/users/" + target[0] + "/status";
        String disable = "{\"enabled\":false,\"reason\":\"离职\"}";
        expectProblem(send(post(path), admin, null, disable), 400, Idempotency.CODE_KEY_MISSING)
                .andExpect(jsonPath("$.field").value(Idempotency.HEADER));
        assertThat(users.find(target[0]).orElseThrow().enabled()).isTrue();

        String key = "disable-" + target[0];
        String first = send(post(path), admin, key, disable).andExpect(status().isOk())
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(header().doesNotExist(Idempotency.REPLAYED_HEADER))
                .andReturn().getResponse().getContentAsString();
        users.setEnabled(target[0], true);   // changed meanwhile: the replay must not disable again
        String replay = send(post(path), admin, key, disable).andExpect(status().isOk())
                .andExpect(header().string(Idempotency.REPLAYED_HEADER, "true"))
                .andReturn().getResponse().getContentAsString();
        assertThat(json.readTree(replay)).isEqualTo(json.readTree(first));
        assertThat(users.find(target[0]).orElseThrow().enabled()).isTrue();

        expectProblem(send(post(path), admin, key, "{\"enabled\":true,\"reason\":\"复职\"}"), 409, "request.id-reused")
                .andExpect(jsonPath("$.field").value(Idempotency.HEADER));
    }

    @Test
    @DisplayName("a rejected command keeps no idempotency record: the same key may be retried")
    void rejectedCommandNotRecorded() throws Exception {
        String[] adminUser = newUser(orgCode(), Role.ADMIN);
        MedfundUser admin = users.credentials(adminUser[0]).map(MedfundUser::of).orElseThrow();
        String key = "self-" + adminUser[0];
        String body = "{\"enabled\":false,\"reason\":\"x\"}";
        expectProblem(send(post("/api/users/" + adminUser[0] + "/status"), admin, key, body), 422,
                "user.self-status").andExpect(jsonPath("$.field").value("username"));
        expectProblem(send(post("/api/users/" + adminUser[0] + "/status"), admin, key, body), 422,
                "user.self-status");
        expectProblem(send(post("/api/users/no-such-user/status"), admin, "k-404", body), 404, "user.unknown");
    }

    @Test
    @DisplayName("unknown API route is a 404 problem; wrong method 405")
    void notFound() throws Exception {
        MedfundUser clerk = MedfundUser.of(new Actor("u3", orgCode(), Set.of(Role.CLERK)));
        expectProblem(mvc.perform(get("/api/no-such-thing").with(user(clerk))), 404, "request.not-found")
                .andExpect(jsonPath("$.field").value(nullValue()));
        expectProblem(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .delete("/api/me").with(user(clerk))), 405, "request.method-not-allowed");
    }

    @Test
    @DisplayName("OpenAPI document and Swagger UI are public; webjars and CSS are served")
    void publicResources() throws Exception {
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").isString())
                .andExpect(jsonPath("$.paths['/api/me']").exists())
                .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
        mvc.perform(get("/api/docs")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/swagger-ui/index.html")).andExpect(status().isOk());
        mvc.perform(get("/api/openapi.json/swagger-config")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx")));
        mvc.perform(get("/css/medfund.css")).andExpect(status().isOk());
        mvc.perform(get("/js/medfund.js")).andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx:configRequest")));
    }

    private ResultActions send(MockHttpServletRequestBuilder request, MedfundUser user, String key, String body)
            throws Exception {
        request.with(user(user)).contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return mvc.perform(request);
    }
}
