package org.medfund.web.registry;

import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Registry API through MockMvc with the real security chain: scope grants and denials (a hospital sees only
 * itself), admin-only idempotent writes, and bad input answered as problem+json naming the field.
 */
@DatabaseTest
class RegistryApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 5000));
    private static final String PROBLEM = "application/problem+json";

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor as(String orgCode, Role... roles) {
        return user(MedfundUser.of(new Actor("t-" + orgCode + "-" + roles.length, orgCode, Set.of(roles))));
    }

    /** A hospital code of our own in 罗山县 411521 (tests share the database). */
    private static String newHospitalCode() {
        return "H411521" + String.format("%05d", 90000 + SEQUENCE.incrementAndGet() % 9999);
    }

    private static String hospitalJson(String code, String name, int grade) {
        return """
                {"code":"%s","name":"%s","kind":"HOSPITAL","regionCode":"411521","grade":%d,
                 "designated":true,"cityManaged":false,"category":"综合医院","medicalCommunity":true,
                 "medicalCommunityName":"罗山县医共体（测试）"}""".formatted(code, name, grade);
    }

    private static ResultActions expectProblem(ResultActions result, int status, String code, String field)
            throws Exception {
        result.andExpect(status().is(status)).andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.code").value(code));
        if (field != null) {
            result.andExpect(jsonPath("$.field").value(field));
        }
        return result;
    }

    private ResultActions postOrg(RequestPostProcessor who, String key, String body) throws Exception {
        var request = post("/api/registry/orgs").with(who).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(key == null ? request : request.header(Idempotency.HEADER, key));
    }

    @Test
    @DisplayName("regions are readable by any authenticated user; 401 without credentials")
    void regions() throws Exception {
        mvc.perform(get("/api/registry/regions").param("parent", "411500").with(as("H41150200001", Role.HOSPITAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(10)))
                .andExpect(jsonPath("$[0].code").value("411502"));
        mvc.perform(get("/api/registry/regions/411528").with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lineage[*].code", org.hamcrest.Matchers.contains("411528", "411500", "410000")))
                .andExpect(jsonPath("$.orgs[*].code", hasItem("H41152800001")));
        mvc.perform(get("/api/registry/regions/411528").with(as("410400-AGENCY", Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.orgs", hasSize(0)));
        expectProblem(mvc.perform(get("/api/registry/regions/419999").with(as("411500-AGENCY", Role.CLERK))),
                404, "registry.region-unknown", "code");
        expectProblem(mvc.perform(get("/api/registry/regions")), 401, "auth.required", null);
        mvc.perform(get("/api/openapi.json")).andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/registry/orgs/{code}/accounts'].post").exists());
    }

    @Test
    @DisplayName("a hospital sees itself only: another hospital is 403, its list holds one org")
    void hospitalScope() throws Exception {
        RequestPostProcessor hospital = as("H41150200001", Role.HOSPITAL);
        mvc.perform(get("/api/registry/orgs/H41150200001").with(hospital)).andExpect(status().isOk())
                .andExpect(jsonPath("$.org.grade").value(3)).andExpect(jsonPath("$.profile.category").value("综合医院"));
        expectProblem(mvc.perform(get("/api/registry/orgs/H41152100001").with(hospital)), 403,
                "registry.out-of-scope", "code");
        expectProblem(mvc.perform(get("/api/registry/orgs/H41152100001/accounts").with(hospital)), 403,
                "registry.out-of-scope", "orgCode");
        mvc.perform(get("/api/registry/orgs").with(hospital)).andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].code").value("H41150200001"));
        expectProblem(mvc.perform(get("/api/registry/orgs/NO-SUCH").with(hospital)), 404, "registry.org-unknown",
                "code");
    }

    @Test
    @DisplayName("a city agency lists its counties' hospitals, not another city's; a county sees its county only")
    void agencyScope() throws Exception {
        mvc.perform(get("/api/registry/orgs").param("kind", "HOSPITAL").with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].code", hasItem("H41152800001")))
                .andExpect(jsonPath("$[*].code", not(hasItem("H41040200001"))));
        mvc.perform(get("/api/registry/orgs").param("region", "411500").param("grade", "3")
                        .with(as("411500-AGENCY", Role.AUDITOR)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[*].code", hasItem("H41150200001")))
                .andExpect(jsonPath("$[*].grade", not(hasItem(2))));
        expectProblem(mvc.perform(get("/api/registry/orgs").param("region", "410400")
                .with(as("411500-AGENCY", Role.CLERK))), 403, "registry.out-of-scope", "region");
        expectProblem(mvc.perform(get("/api/registry/orgs").param("region", "411500")
                .with(as("411521-AGENCY", Role.CLERK))), 403, "registry.out-of-scope", "region");
        mvc.perform(get("/api/registry/orgs/411500-FINANCE/accounts").with(as("410000-CENTRE", Role.FINANCE)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(3)));
    }

    @Test
    @DisplayName("an admin creates a hospital once per Idempotency-Key; a changed body under the key is 409")
    void createIdempotent() throws Exception {
        RequestPostProcessor admin = as("411500-AGENCY", Role.ADMIN);
        String code = newHospitalCode();
        String key = "reg-create-" + code;
        postOrg(admin, key, hospitalJson(code, "罗山县测试医院", 2)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.org.code").value(code)).andExpect(jsonPath("$.org.designated").value(true))
                .andExpect(jsonPath("$.org.demo").value(false))
                .andExpect(jsonPath("$.profile.medicalCommunity").value(true));
        postOrg(admin, key, hospitalJson(code, "罗山县测试医院", 2)).andExpect(status().isCreated())
                .andExpect(header().string(Idempotency.REPLAYED_HEADER, "true"))
                .andExpect(jsonPath("$.org.code").value(code));
        expectProblem(postOrg(admin, key, hospitalJson(code, "别的名字", 2)), 409, "request.id-reused", null);
        expectProblem(postOrg(admin, "reg-create-again-" + code, hospitalJson(code, "罗山县测试医院", 2)), 409,
                "registry.org-exists", "code");
        mvc.perform(get("/api/registry/orgs/" + code).with(as("411521-AGENCY", Role.CLERK)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.org.name").value("罗山县测试医院"));
    }

    @Test
    @DisplayName("writes: non-admins, out-of-scope regions and a missing key are refused, nothing written")
    void writeDenials() throws Exception {
        String code = newHospitalCode();
        expectProblem(postOrg(as("411500-AGENCY", Role.CLERK), "k-" + code, hospitalJson(code, "甲", 2)), 403,
                "registry.admin-only", null);
        expectProblem(postOrg(as("410400-AGENCY", Role.ADMIN), "k2-" + code, hospitalJson(code, "甲", 2)), 403,
                "registry.out-of-scope", "regionCode");
        expectProblem(postOrg(as("H41150200001", Role.ADMIN), "k3-" + code, hospitalJson(code, "甲", 2)), 403,
                "registry.out-of-scope", "regionCode");
        expectProblem(postOrg(as("411500-AGENCY", Role.ADMIN), null, hospitalJson(code, "甲", 2)), 400,
                "request.idempotency-key-missing", "Idempotency-Key");
        expectProblem(postOrg(as("411500-AGENCY", Role.AUDITOR), "k4-" + code, hospitalJson(code, "甲", 2)), 403,
                "auth.read-only", null);
        expectProblem(mvc.perform(get("/api/registry/orgs/" + code).with(as("411500-AGENCY", Role.CLERK))), 404,
                "registry.org-unknown", "code");
    }

    @Test
    @DisplayName("bad input names the field: code format, grade, unknown region, unknown JSON field")
    void badInput() throws Exception {
        RequestPostProcessor admin = as("411500-AGENCY", Role.ADMIN);
        String code = newHospitalCode();
        expectProblem(postOrg(admin, "b1-" + code, hospitalJson("H999", "甲", 2)), 422, "registry.code-invalid",
                "code");
        expectProblem(postOrg(admin, "b2-" + code, hospitalJson("H41040200077", "甲", 2)), 422,
                "registry.code-invalid", "code");
        expectProblem(postOrg(admin, "b3-" + code, hospitalJson(code, "甲", 4)), 422, "registry.grade-invalid",
                "grade");
        expectProblem(postOrg(admin, "b4-" + code, hospitalJson(code, " ", 2)), 422, "registry.name-invalid",
                "name");
        expectProblem(postOrg(admin, "b5-" + code, """
                {"code":"411521-TAX2","name":"税务","kind":"TAX","regionCode":"419999"}"""), 404,
                "registry.region-unknown", "regionCode");
        postOrg(admin, "b6-" + code, """
                {"code":"%s","name":"甲","kind":"HOSPITAL","regionCode":"411521","colour":"red"}""".formatted(code))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(PROBLEM));
        expectProblem(mvc.perform(get("/api/registry/orgs").param("grade", "2").param("limit", "0")
                .with(admin)), 422, "registry.limit-invalid", "limit");
    }

    @Test
    @DisplayName("issue 11 #6: a PUT replaces only with a complete body (an omitted grade was cleared); never the kind")
    void updateAndAccounts() throws Exception {
        RequestPostProcessor admin = as("411500-AGENCY", Role.ADMIN);
        String code = newHospitalCode();
        postOrg(admin, "u0-" + code, hospitalJson(code, "原名医院", 2)).andExpect(status().isCreated());
        expectProblem(mvc.perform(put("/api/registry/orgs/" + code).with(admin).header(Idempotency.HEADER,
                "u1-" + code).contentType(MediaType.APPLICATION_JSON).content("""
                {"code":"%s","name":"新名医院","kind":"HOSPITAL","regionCode":"411521","designated":true,
                 "cityManaged":false,"category":"综合医院","medicalCommunity":false,"medicalCommunityName":null}"""
                .formatted(code))), 422, "registry.field-missing", "grade");
        mvc.perform(get("/api/registry/orgs/" + code).with(admin)).andExpect(jsonPath("$.org.grade").value(2))
                .andExpect(jsonPath("$.org.name").value("原名医院"));
        mvc.perform(put("/api/registry/orgs/" + code).with(admin).header(Idempotency.HEADER, "u2-" + code)
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"code":"%s","name":"新名医院","kind":"HOSPITAL","regionCode":"411521","grade":3,
                         "designated":true,"cityManaged":false,"category":"综合医院","medicalCommunity":false,
                         "medicalCommunityName":null}""".formatted(code)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.org.name").value("新名医院"))
                .andExpect(jsonPath("$.org.grade").value(3)).andExpect(jsonPath("$.profile.medicalCommunity")
                        .value(false));
        expectProblem(mvc.perform(put("/api/registry/orgs/" + code).with(admin).header(Idempotency.HEADER,
                "u3-" + code).contentType(MediaType.APPLICATION_JSON).content(hospitalJson(code, "新名医院", 3)
                .replace("\"kind\":\"HOSPITAL\"", "\"kind\":\"PHARMACY\""))), 422, "registry.kind-immutable",
                "kind");
        mvc.perform(post("/api/registry/orgs/" + code + "/accounts").with(admin).header(Idempotency.HEADER,
                        "a1-" + code).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind":"BANK","bankName":"（测试）银行","accountNo":"TEST-0001","accountName":"结算户"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.id").value(code + "-BANK"));
        expectProblem(mvc.perform(post("/api/registry/orgs/" + code + "/accounts").with(admin)
                .header(Idempotency.HEADER, "a2-" + code).contentType(MediaType.APPLICATION_JSON).content("""
                {"kind":"SPECIAL","bankName":"银行","accountNo":"TEST-0002","accountName":"专户"}""")), 422,
                "registry.account-kind-invalid", "kind");
        expectProblem(mvc.perform(post("/api/registry/orgs/" + code + "/accounts").with(admin)
                .header(Idempotency.HEADER, "a3-" + code).contentType(MediaType.APPLICATION_JSON).content("""
                {"kind":"BANK","bankName":"银行","accountNo":"!","accountName":"结算户"}""")), 422,
                "registry.account-no-invalid", "accountNo");
        mvc.perform(get("/api/registry/orgs/" + code + "/accounts").with(as(code, Role.HOSPITAL)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
    }
}
