package org.medfund.web;

import org.medfund.users.Users;
import org.medfund.web.settlement.SettlementIntakeApiTest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11, "security matrix, generated": every endpoint of {@code /api/openapi.json} × every principal (role and
 * organisation) × every target (an object of 信阳市中心医院 (A, city), 罗山县人民医院 (A1, a county of the same city)
 * or 平顶山市第一人民医院 (B, another city)) gets an allowed/denied expectation from the access policy written out
 * below, independently of the code that enforces it, and the answer is checked against it: a hospital reads and
 * writes only its own, a county only its county, a city its city and counties, the province all; auditors read
 * and change nothing; disabled users and anonymous callers get 401; lists leak nothing outside the scope. Writes
 * carry a business date outside the calendar (or another value the command refuses after its access checks), so an
 * allowed write is refused for the date, not for the caller, and nothing is written. Then maker ≠ checker cells on
 * real documents, and CSRF on every staff-page form. The demo data is the world.
 */
@DatabaseTest
class SecurityMatrixTest {

    enum Side { A, A1, B }

    static final Map<Side, String> HOSPITAL = Map.of(Side.A, "H41150200001", Side.A1, "H41152100001",
            Side.B, "H41040200001");
    /** The agency that settles and pays each side's hospital (its book, batches, prepayments, recoveries). */
    static final Map<Side, String> AGENCY = Map.of(Side.A, "411500-AGENCY", Side.A1, "411521-AGENCY",
            Side.B, "410400-AGENCY");
    static final Map<Side, String> REGION = Map.of(Side.A, "411502", Side.A1, "411521", Side.B, "410402");

    /**
     * A caller: who it is, which sides it may see, and how it authenticates. {@code hospital} callers see their
     * own hospital's objects only, never an agency's book.
     */
    record Principal(String name, String orgCode, Set<Role> roles, Set<Side> sees, boolean hospital, Auth auth) {
        boolean has(Role role) {
            return roles.contains(role);
        }

        boolean auditor() {
            return roles.contains(Role.AUDITOR);
        }
    }

    enum Auth { SESSION_PRINCIPAL, DISABLED_TOKEN, ANONYMOUS }

    static final List<Principal> PRINCIPALS = List.of(
            new Principal("hospital-A", HOSPITAL.get(Side.A), Set.of(Role.HOSPITAL), Set.of(Side.A), true,
                    Auth.SESSION_PRINCIPAL),
            new Principal("hospital-B", HOSPITAL.get(Side.B), Set.of(Role.HOSPITAL), Set.of(Side.B), true,
                    Auth.SESSION_PRINCIPAL),
            new Principal("city-clerk-A", "411500-AGENCY", Set.of(Role.CLERK), Set.of(Side.A, Side.A1), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("city-clerk-B", "410400-AGENCY", Set.of(Role.CLERK), Set.of(Side.B), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("county-clerk-A1", "411521-AGENCY", Set.of(Role.CLERK), Set.of(Side.A1), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("other-county-clerk", "411525-AGENCY", Set.of(Role.CLERK), Set.of(), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("province-clerk", "410000-CENTRE", Set.of(Role.CLERK), Set.of(Side.values()), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("city-reviewer-A", "411500-AGENCY", Set.of(Role.REVIEWER), Set.of(Side.A, Side.A1), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("city-finance-A", "411500-FINANCE", Set.of(Role.FINANCE), Set.of(Side.A, Side.A1), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("city-admin-A", "411500-AGENCY", Set.of(Role.ADMIN), Set.of(Side.A, Side.A1), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("city-auditor-A", "411500-AGENCY", Set.of(Role.AUDITOR), Set.of(Side.A, Side.A1), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("province-auditor", "410000-CENTRE", Set.of(Role.AUDITOR), Set.of(Side.values()), false,
                    Auth.SESSION_PRINCIPAL),
            new Principal("disabled-clerk-A", "411500-AGENCY", Set.of(Role.CLERK), Set.of(Side.A, Side.A1), false,
                    Auth.DISABLED_TOKEN),
            new Principal("anonymous", null, Set.of(), Set.of(), false, Auth.ANONYMOUS));

    /** What the answer must be: the call is let through to its business rules, or refused for the caller. */
    enum Expect { ALLOWED, DENIED, UNAUTHENTICATED }

    /** A denial names the caller's access, not the input: these codes, 401 and 403. */
    private static final Pattern DENIAL = Pattern.compile(
            "auth\\..*|.*out-of-scope|.*forbidden|.*not-payer|.*role|.*-only|prepayment\\.not-found"
                    + "|prepayment\\.recovery-not-found|prepayment\\.application-not-found|user\\.out-of-scope");

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ApplicationContext context;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RequestMappingHandlerMapping mappings;

    private String disabledToken;
    private final Map<Side, Long> reconciliations = new LinkedHashMap<>();
    private final Map<Side, Long> batches = new LinkedHashMap<>();
    private final Map<Side, String> prepayments = new LinkedHashMap<>();
    private final Map<Side, String> recoveries = new LinkedHashMap<>();

    @BeforeEach
    void world() {
        TestDemo.ensure(context);
        for (Side side : Side.values()) {
            TestUsers.ensure(users, "sm-user-" + side.name().toLowerCase(), HOSPITAL.get(side), Role.HOSPITAL);
            reconciliations.put(side, jdbc.sql("select min(id) from stl_reconciliation where fixmedins_code = :h")
                    .param("h", HOSPITAL.get(side)).query(Long.class).single());
            batches.put(side, jdbc.sql("""
                    select min(b.id) from stl_payment_batch b join stl_payment_line l on l.batch_id = b.id
                    where l.fixmedins_code = :h and b.agency_code = :a""")
                    .param("h", HOSPITAL.get(side)).param("a", AGENCY.get(side)).query(Long.class).single());
            prepayments.put(side, "PP-2025-" + HOSPITAL.get(side) + "-390");
            recoveries.put(side, jdbc.sql("select min(id) from prepayment_recovery where hospital_code = :h")
                    .param("h", HOSPITAL.get(side)).query(String.class).optional().orElse(null));
        }
        assertThat(reconciliations.values()).doesNotContainNull();
        assertThat(batches.values()).doesNotContainNull();
        if (disabledToken == null) {
            TestUsers.ensure(users, "sm-disabled-clerk", "411500-AGENCY", Role.CLERK);
            users.setEnabled("sm-disabled-clerk", true);
            disabledToken = users.issueToken("sm-disabled-clerk", "matrix");
            users.setEnabled("sm-disabled-clerk", false);
        }
    }

    /** One endpoint of the document with the target it acts on (null: a list or a call of one's own org). */
    record Endpoint(HttpMethod method, String path, Target target) {
    }

    enum Target { NONE, ORG, BOOK, RECONCILIATION, BATCH, PREPAYMENT, RECOVERY, HOSPITAL_QUERY, PAYER_QUERY,
        HOSPITAL_PATH, REGION, USER, APPLICATION, CLEARING }

    record Cell(String endpoint, String principal, String target, Expect expected, int status, String code) {
        boolean holds() {
            return switch (expected) {
                case UNAUTHENTICATED -> status == 401;
                case DENIED -> status == 401 || status == 403 || code != null && DENIAL.matcher(code).matches();
                case ALLOWED -> status < 500 && status != 401 && status != 403
                        && (code == null || !DENIAL.matcher(code).matches());
            };
        }
    }

    @Test
    @DisplayName("issue 11: endpoint × role × scope — every cell's answer matches the access policy")
    void matrix() throws Exception {
        JsonNode document = json.readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<Endpoint> endpoints = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            for (String method : document.get("paths").get(path).propertyNames()) {
                HttpMethod httpMethod = HttpMethod.valueOf(method.toUpperCase());
                endpoints.add(new Endpoint(httpMethod, path, target(httpMethod, path)));
            }
        }
        List<Cell> wrong = new ArrayList<>();
        Map<String, Integer> counted = new TreeMap<>();
        int cells = 0;
        for (Endpoint endpoint : endpoints) {
            List<Side> targets = endpoint.target() == Target.NONE ? java.util.Collections.singletonList(null)
                    : List.of(Side.values());
            for (Principal principal : PRINCIPALS) {
                for (Side side : targets) {
                    Cell cell = run(endpoint, principal, side);
                    cells++;
                    counted.merge(endpoint.method() + " " + endpoint.path(), 1, Integer::sum);
                    if (!cell.holds()) {
                        wrong.add(cell);
                    }
                }
            }
        }
        System.out.println("security matrix: " + endpoints.size() + " endpoints × " + PRINCIPALS.size()
                + " principals × up to " + Side.values().length + " targets = " + cells + " cells, "
                + (cells - wrong.size()) + " as expected");
        assertThat(wrong).as("cells whose answer contradicts the access policy").isEmpty();
        assertThat(endpoints).hasSizeGreaterThan(60);
        assertThat(cells).isGreaterThan(2_000);
    }

    private static Target target(HttpMethod method, String path) {
        if (path.startsWith("/api/ledger/books/{org}")) {
            return Target.BOOK;
        }
        if (path.startsWith("/api/registry/orgs/{code}")) {
            return Target.ORG;
        }
        if (path.startsWith("/api/reconciliations/{id}")) {
            return Target.RECONCILIATION;
        }
        if (path.startsWith("/api/payment-batches/{id}")) {
            return Target.BATCH;
        }
        if (path.startsWith("/api/prepayments/{id}")) {
            return Target.PREPAYMENT;
        }
        if (path.startsWith("/api/prepayment-recoveries/{id}")) {
            return Target.RECOVERY;
        }
        if (path.startsWith("/api/prepayment-applications/{id}")) {
            return Target.APPLICATION;
        }
        if (path.startsWith("/api/clearing-applications/{id}")) {
            return Target.CLEARING;
        }
        if (path.startsWith("/api/hospitals/{hospital}")) {
            return Target.HOSPITAL_PATH;
        }
        if (path.startsWith("/api/users/{username}")) {
            return Target.USER;
        }
        boolean write = method != HttpMethod.GET;
        if (path.equals("/api/prepayment-recoveries") || path.equals("/api/settlements.xlsx")
                || write && (path.equals("/api/settlements") || path.equals("/api/reconciliations")
                || path.equals("/api/prepayment-applications") || path.equals("/api/clearing-applications")
                || path.equals("/api/prepayment-agreements"))) {
            return Target.HOSPITAL_QUERY;
        }
        if (path.startsWith("/api/prepayments/payment-file")) {
            return Target.PAYER_QUERY;
        }
        if (write && (path.equals("/api/prepayments/size") || path.equals("/api/registry/orgs"))) {
            return Target.REGION;
        }
        return Target.NONE;
    }

    private Cell run(Endpoint endpoint, Principal principal, Side side) throws Exception {
        Call call = call(endpoint, side);
        MockHttpServletRequestBuilder request = request(endpoint.method(), call.uri())
                .contentType(endpoint.path().endsWith("/filings/import")
                        || endpoint.path().endsWith("/confirmations/import") ? MediaType.valueOf("text/csv")
                        : MediaType.APPLICATION_JSON)
                .content(call.body() == null ? "" : call.body());
        if (endpoint.method() != HttpMethod.GET) {
            request.header(Idempotency.HEADER, "sm-" + System.nanoTime());
        }
        switch (principal.auth()) {
            case SESSION_PRINCIPAL -> request.with(user(MedfundUser.of(new Actor("sm-" + principal.name(),
                    principal.orgCode(), principal.roles()))));
            case DISABLED_TOKEN -> request.header("Authorization", "Bearer " + disabledToken);
            case ANONYMOUS -> {
            }
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String code = null;
        String text = response.getContentAsString(StandardCharsets.UTF_8);
        if (response.getContentType() != null && response.getContentType().startsWith("application/problem+json")) {
            code = json.readTree(text).path("code").asString(null);
        }
        Expect expected = expect(endpoint, principal, side);
        if (expected == Expect.ALLOWED && endpoint.method() == HttpMethod.GET && response.getStatus() == 200
                && leaks(endpoint.path(), text, principal)) {
            code = "leak";
            expected = Expect.UNAUTHENTICATED;
        }
        return new Cell(endpoint.method() + " " + endpoint.path(), principal.name(),
                side == null ? "-" : side.name(), expected, response.getStatus(), code);
    }

    /**
     * A list or document answered to the principal names a hospital of a side it may not see. The audit log is
     * scoped by who acted, and a caller's own refused attempts may name anything it typed: there, a hospital must see
     * only entries of its own users.
     */
    private boolean leaks(String path, String text, Principal principal) {
        if (path.equals("/api/audit-log")) {
            if (!principal.hospital()) {
                return false;
            }
            for (JsonNode entry : json.readTree(text)) {
                if (!principal.orgCode().equals(entry.path("orgCode").asString())) {
                    return true;
                }
            }
            return false;
        }
        if (path.equals("/api/audit-log.xlsx")) {
            return false;
        }
        for (Side side : Side.values()) {
            boolean visible = principal.sees().contains(side);
            if (!visible && text.contains(HOSPITAL.get(side))) {
                return true;
            }
        }
        return false;
    }

    record Call(java.net.URI uri, String body) {
    }

    /** The URI and a body for the endpoint aimed at the side's object; write bodies are refused after access. */
    private Call call(Endpoint endpoint, Side side) {
        String path = endpoint.path();
        String hospital = side == null ? HOSPITAL.get(Side.A) : HOSPITAL.get(side);
        String agency = side == null ? AGENCY.get(Side.A) : AGENCY.get(side);
        path = path.replace("{org}", agency).replace("{code}", side == null ? "411500" : hospital)
                .replace("{hospital}", hospital).replace("{sequenceNo}", "1").replace("{cycle}", "2026-09")
                .replace("{step}", "FUNDED").replace("{setlId}", "SM-NONE")
                .replace("{username}", "sm-user-" + (side == null ? "a" : side.name().toLowerCase()));
        if (path.contains("{id}")) {
            Target t = endpoint.target();
            String id = switch (t) {
                case RECONCILIATION -> String.valueOf(reconciliations.get(side));
                case BATCH -> String.valueOf(batches.get(side));
                case PREPAYMENT -> prepayments.get(side);
                case RECOVERY -> recoveries.get(side) == null ? "NO-RECOVERY" : recoveries.get(side);
                case APPLICATION -> "PA-2025-" + hospital;
                default -> "999999";
            };
            path = path.replace("{id}", id);
        }
        String query = switch (path) {
            case "/api/obligations/reconciliation" -> "?period=2026-09&today=2026-10-20";
            case "/api/prepayments/disclosure", "/api/prepayments/region-plans" -> endpoint.method() == HttpMethod.GET
                    ? "?year=2025" : "";
            case "/api/prepayment-recoveries" -> endpoint.method() == HttpMethod.GET ? "?hospital=" + hospital : "";
            case "/api/settlements.xlsx" -> "?period=2026-09&hospital=" + hospital;
            case "/api/clearing-applications" -> endpoint.method() == HttpMethod.POST ? "?appliedOn=2003-10-20" : "";
            case "/api/registry/orgs" -> endpoint.method() == HttpMethod.GET ? "?region=" + REGION.get(Side.A) : "";
            case "/api/crossregion/quotas" -> endpoint.method() == HttpMethod.GET ? "?year=2026&quarter=2" : "";
            case "/api/crossregion/usage" -> "?city=411500&year=2026&quarter=2&scope=CROSS_PROVINCE&date=2026-05-01";
            case "/api/crossregion/funding/annual-clearings", "/api/crossregion/funding/annual-clearings.xlsx" ->
                    endpoint.method() == HttpMethod.GET ? "?year=2026" : "";
            case "/api/crossregion/carries" -> "?year=2027";
            case "/api/prepayments/region-plans/payments" -> endpoint.method() == HttpMethod.GET ? "?year=2025" : "";
            case "/api/crossregion/obligations" -> "?from=2026-01-01&to=2026-03-31&today=2026-02-01";
            case "/api/crossregion/county-shares" -> "?year=2026&quarter=2";
            case "/api/crossregion/bank-charges", "/api/crossregion/bank-interest" ->
                    endpoint.method() == HttpMethod.GET ? "?from=2026-01-01&to=2026-12-31" : "";
            case "/api/crossregion/documents/prepayment-sheet" -> "?province=410000&year=2026&quarter=1";
            case "/api/crossregion/documents/remittance-notice" -> "?city=411500&year=2026&quarter=1";
            case "/api/crossregion/usage-plans" -> endpoint.method() == HttpMethod.GET ? "?year=2026&quarter=1" : "";
            case "/api/crossregion/national-clearing-totals" -> "?month=2026-01";
            case "/api/crossregion/clearing/details", "/api/crossregion/clearing/details.csv" ->
                    "?trt_year=2003&trt_month=9&mdtrtarea_admvs=520000&insuplc_admdvs=410000";
            case "/api/crossregion/clearing/confirmations/import" ->
                    "?trt_year=2003&trt_month=9&mdtrtarea_admvs=520000&insuplc_admdvs=410000&msgid=SM&date=2003-10-20";
            case "/api/crossregion/clearings" -> "?from=2026-01-01&to=2026-03-31";
            case "/api/crossregion/national/clearings" -> endpoint.method() == HttpMethod.GET ? "?month=2026-06" : "";
            default -> "";
        };
        if (path.startsWith("/api/prepayments/payment-file")) {
            query = "?date=2025-01-10&payer=" + agency;
        }
        if (path.startsWith("/api/ledger/books/" + agency + "/detail")
                || path.startsWith("/api/ledger/books/" + agency + "/balances")) {
            query = "?account=1211.01";
        }
        if (path.startsWith("/api/ledger/books/" + agency + "/trial-balance")
                || path.startsWith("/api/ledger/books/" + agency + "/journal")) {
            query = "?period=2026-09";
        }
        return new Call(java.net.URI.create(path + query), endpoint.method() == HttpMethod.GET ? null
                : body(endpoint.path(), side == null ? Side.A : side));
    }

    /** A body every caller may send in shape, refused after the access checks for its date or another value. */
    private static String body(String path, Side side) {
        String hospital = HOSPITAL.get(side);
        String late = "\"2003-10-20\"";
        return switch (path) {
            // Well formed, so the scope is checked, but treated in another province: refused as a region mismatch.
            case "/api/settlements" -> SettlementIntakeApiTest.body("SM-" + System.nanoTime(), hospital, "1000.10")
                    .replace("\"mdtrtarea_admvs\": \"410402\"", "\"mdtrtarea_admvs\": \"110101\"");
            case "/api/reconciliations" -> """
                    {"application": {"hospitalCode": "%s", "period": "2003-09", "totals": []},
                     "appliedOn": %s}""".formatted(hospital, late);
            case "/api/hospitals/{hospital}/reconciliation-clerk" -> "{\"clerk\": \"sm-nobody\"}";
            case "/api/settlement-batches/{cycle}/fallback" -> "{\"date\": " + late + ", \"reason\": \"矩阵\"}";
            case "/api/clearing-applications" -> """
                    {"hospitalCode": "%s", "setlym": "2003-09", "clrType": "21", "clrWay": "1", "psntime": 1,
                     "medfeeSumamt": "1.00", "medSumfee": "1.00", "fundAppySum": "1.00", "cashPayamt": "0.00",
                     "acctPay": "0.00", "begndate": "2003-09-01", "enddate": "2003-09-30"}""".formatted(hospital);
            case "/api/prepayments/size" -> "{\"regionCode\": \"" + REGION.get(side) + "\", \"year\": 2003, \"date\": "
                    + late + "}";
            case "/api/prepayments/region-plans" -> "{\"year\": 2003, \"date\": " + late + "}";
            case "/api/prepayments/{id}/disburse" -> "{\"date\": " + late + ", \"excessByReturn\": false}";
            case "/api/prepayments/{id}/adjust" -> "{\"amount\": \"1.00\", \"decisionNo\": \"矩阵\", \"reason\": \"矩阵\"}";
            case "/api/prepayment-applications" -> "{\"hospitalCode\": \"" + hospital + "\", \"year\": 2003, \"date\": "
                    + late + ", \"form\": {\"basicInfo\": \"\", \"agreementPerformance\": \"\", \"finances\": \"\","
                    + " \"keyTasks\": \"\", \"supervision\": \"\", \"penaltiesIn12Months\": \"\", \"useAsRegulated\":"
                    + " false, \"acceptLiability\": false, \"cooperateWithReturn\": false, \"truthful\": false}}";
            case "/api/prepayment-applications/{id}/review" -> "{\"date\": " + late + ", \"findings\": []}";
            case "/api/prepayment-recoveries" -> "{\"hospitalCode\": \"" + hospital + "\", \"insuranceType\": \"390\","
                    + " \"trigger\": \"AGREEMENT_ENDED\", \"evidence\": \"矩阵\", \"date\": " + late + "}";
            case "/api/prepayment-recoveries/{id}/return" -> "{\"amount\": \"1.00\", \"date\": " + late + "}";
            case "/api/prepayment-recoveries/{id}/write-off" -> "{\"document\": \"矩阵\", \"date\": " + late + "}";
            case "/api/prepayment-recoveries/{id}/unrecoverable" -> "{\"reason\": \"矩阵\", \"date\": " + late + "}";
            case "/api/prepayment-recoveries/{id}/court-application" -> "{\"date\": " + late
                    + ", \"court\": \"矩阵\", \"caseNo\": \"1\"}";
            case "/api/prepayment-recoveries/{id}/court-document" -> "{\"document\": \"矩阵\", \"date\": " + late
                    + ", \"loss\": \"1.00\"}";
            case "/api/prepayment-agreements" -> "{\"hospitalCode\": \"" + hospital + "\", \"agreementNo\": \"SM\","
                    + " \"validFrom\": \"2025-01-01\", \"validUntil\": null, \"prepaymentTerms\": \"矩阵\","
                    + " \"medicalCommunity\": false, \"communityFactor\": null, \"evidence\": \"\"}";
            case "/api/prepayment-fund-status" -> "{\"regionCode\": \"411500\", \"insuranceType\": \"310\", \"year\":"
                    + " 2025, \"accumulatedBalance\": \"1.00\", \"lastYear\": [], \"forecast\": [], \"evidence\": \"\","
                    + " \"date\": " + late + "}";
            case "/api/registry/orgs" -> """
                    {"code": "%s", "name": "矩阵", "kind": "HOSPITAL", "regionCode": "%s", "grade": 2,
                     "designated": true, "cityManaged": false, "category": null, "medicalCommunity": false,
                     "medicalCommunityName": null}""".formatted(hospital, REGION.get(side));
            case "/api/registry/orgs/{code}" -> """
                    {"code": "%s", "name": "矩阵", "kind": "PHARMACY", "regionCode": "%s", "grade": null,
                     "designated": true, "cityManaged": false, "category": null, "medicalCommunity": false,
                     "medicalCommunityName": null}""".formatted(hospital, REGION.get(side));
            case "/api/registry/orgs/{code}/accounts" -> """
                    {"kind": "NOPE", "bankName": "矩阵", "accountNo": "1", "accountName": "矩阵"}""";
            case "/api/users/{username}/status" -> "{\"enabled\": true, \"reason\": \"矩阵\"}";
            // Cross-region commands (guizhou-2017): refused after their access checks for an unknown region, card or
            // code, or found nothing to act on.
            case "/api/crossregion/filings" -> """
                    {"cardNo": "", "personName": "矩阵", "insuredRegionCode": "411500", "insuranceType": "310",
                     "type": "REFERRAL", "targetRegionCode": "999999", "validFrom": %s, "validTo": %s}"""
                    .formatted(late, late);
            case "/api/crossregion/filings/import" -> "矩阵,不是备案文件\n";
            case "/api/crossregion/designations" -> "{\"hospitalCode\": \"" + hospital + "\", \"effectiveFrom\": "
                    + "\"2025-06-30\", \"effectiveTo\": \"2025-06-01\"}";
            case "/api/crossregion/suspensions" -> "{\"regionCode\": \"411500\", \"startedOn\": " + late
                    + ", \"reason\": \"\"}";
            case "/api/crossregion/suspensions/{id}/lift" -> "{\"liftedOn\": " + late + "}";
            case "/api/crossregion/benefit-rules" -> """
                    {"insuredRegionCode": "411500", "insuranceType": "999", "year": 2003,
                     "grades": [{"grade": 9, "deductible": "1.00", "ratio": 2}], "annualCap": "1.00"}""";
            case "/api/crossregion/accounts" -> "{\"insuredRegionCode\": \"411500\", \"cardNo\": \"\","
                    + " \"balance\": \"1.00\"}";
            case "/api/crossregion/settlements", "/api/crossregion/settlements/preview" -> """
                    {"setl_id": "SM-NONE", "mdtrt_cert_no": "SM-NO-CARD", "insuplc_admdvs": "411500",
                     "insutype": "310", "setl_date": %s, "acct_used_flag": "0",
                     "fee_lines": [{"med_chrgitm_type": "01", "chrgitm_lv": "01", "det_item_fee_sumamt": "1.00",
                                    "selfpay_prop": 0}]}""".formatted(late);
            case "/api/crossregion/settlements/{setlId}/details" -> """
                    [{"feedetl_sn": "1", "med_list_codg": "X", "medins_list_name": "矩阵", "med_chrgitm_type": "01",
                      "chrgitm_lv": "01", "det_item_fee_sumamt": "1.00"}]""";
            // Prepayment quotas (guizhou-2017 三(三)) of a Henan city: no such regime there, or nothing to act on.
            case "/api/crossregion/quotas" -> """
                    {"cityRegionCode": "411500", "year": 2026, "quarter": 2, "scope": "CROSS_PROVINCE",
                     "pastYearsFundPay": "1.00", "date": "2026-04-10"}""";
            case "/api/crossregion/quotas/top-up" -> """
                    {"cityRegionCode": "411500", "year": 2026, "quarter": 2, "scope": "CROSS_PROVINCE",
                     "date": "2026-05-01"}""";
            case "/api/crossregion/timetable" -> "{\"provinceCode\": \"410000\", \"year\": 2026, \"quarter\": 1}";
            case "/api/crossregion/quotas/{id}/county-split" -> "{\"date\": " + late
                    + ", \"pastFundPay\": [{\"regionCode\": \"411521\", \"lastYearFundPay\": \"1.00\"}]}";
            // Bank items of 信阳市财政局's special account, dated before any pack: refused after the holder check.
            case "/api/crossregion/bank-charges" -> "{\"accountId\": \"411500-FINANCE-SPECIAL\","
                    + " \"kind\": \"BANK_FEE\", \"amount\": \"1.00\", \"chargedOn\": " + late
                    + ", \"voucherNo\": \"SM\", \"memo\": \"矩阵\", \"chargeToFund\": false}";
            case "/api/crossregion/bank-interest" -> "{\"accountId\": \"411500-FINANCE-SPECIAL\", \"amount\": \"1.00\","
                    + " \"receivedOn\": " + late + ", \"voucherNo\": \"SM\"}";
            // Guizhou documents (附件一 二(二)) for a Henan province: no prepayment regime there.
            case "/api/crossregion/usage-plans" -> "{\"provinceCode\": \"410000\", \"year\": 2026, \"quarter\": 1,"
                    + " \"date\": \"2026-02-03\"}";
            // Region plan money (henan-2023 二(二)): a plan that does not exist, looked up before anything else.
            case "/api/prepayments/region-plans/payments", "/api/prepayments/region-plans/payments/receipt" ->
                    "{\"planId\": \"RP-NONE\", \"date\": " + late + "}";
            // Guizhou clearing (guizhou-2017 附件一 三): refused after the access checks for the year 2003.
            case "/api/crossregion/clearing/confirmations" -> """
                    {"trt_year": 2003, "trt_month": 9, "mdtrtarea_admvs": "520000", "insuplc_admdvs": "410000",
                     "msgid": "SM", "date": "2003-10-20", "data": []}""";
            case "/api/crossregion/clearing/confirmations/import" -> "setl_sn,cnfm_flag\nSM,1\n";
            case "/api/crossregion/clearing/rollbacks" -> """
                    {"trt_year": 2003, "trt_month": 9, "mdtrtarea_admvs": "520000", "insuplc_admdvs": "410000",
                     "otransid": "0", "date": "2003-10-20"}""";
            case "/api/crossregion/clearing/months", "/api/crossregion/clearing/months/submission",
                    "/api/crossregion/clearing/months/payment" -> "{\"year\": 2003, \"month\": 9, \"date\": " + late
                    + "}";
            case "/api/crossregion/clearing/quarters" -> "{\"provinceCode\": \"410000\", \"year\": 2003,"
                    + " \"quarter\": 1, \"date\": " + late + "}";
            // National clearing money (guizhou-2017 附件一 三(一), henan-2023 四(一)): refused after the access checks for
            // the month 2003-09.
            case "/api/crossregion/national/clearings", "/api/crossregion/national/clearings/payment" ->
                    "{\"month\": \"2003-09\", \"date\": " + late + "}";
            default -> "{\"date\": " + late + "}";
        };
    }

    /** The access policy, written out: who may reach which endpoint's business rules for which side. */
    private Expect expect(Endpoint endpoint, Principal p, Side side) {
        if (p.auth() != Auth.SESSION_PRINCIPAL) {
            return Expect.UNAUTHENTICATED;
        }
        boolean write = endpoint.method() != HttpMethod.GET;
        if (write && p.auditor()) {
            return Expect.DENIED;
        }
        boolean sees = side != null && p.sees().contains(side);
        String path = endpoint.path();
        // The demo has no recovery and no application for B: not found is the answer for everyone.
        boolean missing = side == Side.B && (endpoint.target() == Target.RECOVERY
                || endpoint.target() == Target.APPLICATION) || endpoint.target() == Target.RECOVERY
                && recoveries.get(side) == null;
        if (missing) {
            return Expect.DENIED;
        }
        if (!write) {
            return switch (endpoint.target()) {
                case NONE -> path.equals("/api/users") && !p.has(Role.ADMIN) ? Expect.DENIED
                        // Asking for a region outside the scope is refused; a hospital is answered only itself.
                        : path.equals("/api/registry/orgs") ? allow(p.hospital() || p.sees().contains(Side.A))
                        // A city's prepayment usage: its own organisations and the province centre.
                        : path.equals("/api/crossregion/usage")
                                || path.equals("/api/crossregion/documents/remittance-notice") ? allow(!p.hospital()
                                && (p.orgCode().startsWith("411500-") || p.orgCode().equals("410000-CENTRE")))
                        // The province's prepayment sheet: staff of the province (a city sees its own lines).
                        : path.equals("/api/crossregion/documents/prepayment-sheet") ? allow(!p.hospital())
                        // The national clearing details (3260): the province's settlement centre's clerks.
                        : path.startsWith("/api/crossregion/clearing/details")
                                ? allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"))
                        : Expect.ALLOWED;
                case BOOK, PAYER_QUERY -> allow(sees && !p.hospital());
                default -> allow(sees);
            };
        }
        boolean agencyOfSide = p.orgCode().equals(AGENCY.get(side == null ? Side.A : side));
        boolean ownHospital = p.hospital() && sees;
        return switch (path) {
            case "/api/settlements" -> allow(sees);
            case "/api/reconciliations", "/api/clearing-applications" -> allow(ownHospital);
            case "/api/reconciliations/{id}/check" -> allow(sees && agencyOfSide && p.has(Role.CLERK));
            case "/api/reconciliations/{id}/confirm" -> allow(sees && agencyOfSide && p.has(Role.REVIEWER));
            case "/api/hospitals/{hospital}/reconciliation-clerk" -> allow(agencyOfSide
                    && (p.has(Role.CLERK) || p.has(Role.ADMIN)));
            case "/api/settlement-batches/{cycle}", "/api/settlement-batches/{cycle}/fallback" ->
                    allow(!p.hospital() && p.has(Role.CLERK));
            case "/api/payment-batches/{id}/approve", "/api/payment-batches/{id}/release" ->
                    allow(sees && p.has(Role.FINANCE) && side == Side.A);
            case "/api/prepayments/size" -> allow(sees && p.has(Role.CLERK));
            case "/api/prepayments/region-plans" -> allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/prepayments/{id}/approve" -> allow(sees && p.has(Role.REVIEWER));
            case "/api/prepayments/{id}/adjust" -> allow(sees && p.has(Role.CLERK));
            case "/api/prepayments/{id}/disburse", "/api/prepayments/{id}/clear" -> allow(sees && p.has(Role.CLERK)
                    && agencyOfSide);
            case "/api/prepayments/{id}/steps/{step}" -> allow(sees);
            // Only the receiving agency confirms a receipt; Henan rows (B) have no steps at all.
            case "/api/prepayments/{id}/steps/{step}/receipt" -> allow(sees && (side == Side.B
                    || p.orgCode().equals("411500-AGENCY")));
            case "/api/prepayment-applications" -> allow(sees);
            case "/api/prepayment-applications/{id}/review" -> allow(sees && p.has(Role.CLERK));
            case "/api/prepayment-recoveries" -> allow(sees && p.has(Role.CLERK) && agencyOfSide);
            case "/api/prepayment-recoveries/{id}/return", "/api/prepayment-recoveries/{id}/unrecoverable" ->
                    allow(sees && p.has(Role.CLERK) && agencyOfSide);
            case "/api/prepayment-recoveries/{id}/write-off" -> allow(sees && p.has(Role.REVIEWER) && agencyOfSide);
            case "/api/prepayment-recoveries/{id}/court-application",
                    "/api/prepayment-recoveries/{id}/court-document" -> allow(sees && p.has(Role.CLERK) && agencyOfSide);
            // Service agreements and the art. 7 fund status: a clerk records with evidence, a reviewer confirms.
            case "/api/prepayment-agreements" -> allow(sees && p.has(Role.CLERK) && !p.hospital());
            case "/api/prepayment-fund-status" -> allow(p.has(Role.CLERK) && !p.hospital()
                    && (p.orgCode().equals("411500-AGENCY") || p.orgCode().equals("410000-CENTRE")));
            case "/api/prepayment-agreements/{id}/confirm", "/api/prepayment-fund-status/{id}/confirm" ->
                    Expect.ALLOWED;
            case "/api/registry/orgs", "/api/registry/orgs/{code}", "/api/registry/orgs/{code}/accounts" ->
                    allow(sees && p.has(Role.ADMIN));
            case "/api/users/{username}/status" -> allow(sees && p.has(Role.ADMIN));
            case "/api/clearing-applications/{id}/withdraw" -> Expect.ALLOWED;
            // Seed 001: the insured region's agency (or a superior centre) files and keeps its data; the province's
            // settlement centre designates hospitals and suspends regions; hospitals settle.
            case "/api/crossregion/filings", "/api/crossregion/benefit-rules", "/api/crossregion/accounts" ->
                    allow(p.has(Role.CLERK) && (p.orgCode().equals("411500-AGENCY")
                            || p.orgCode().equals("410000-CENTRE")));
            case "/api/crossregion/filings/import" -> allow(p.has(Role.CLERK) && !p.hospital()
                    && !p.orgCode().endsWith("-FINANCE"));
            case "/api/crossregion/designations", "/api/crossregion/suspensions" ->
                    allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/crossregion/suspensions/{id}/lift" -> Expect.ALLOWED;
            case "/api/crossregion/settlements", "/api/crossregion/settlements/preview",
                    "/api/crossregion/settlements/{setlId}/reversal", "/api/crossregion/settlements/{setlId}/details"
                    -> allow(p.hospital());
            // henan-2023 预留+清算 (issue 15): the province centre sizes, records use and issues notices; province
            // finance approves and confirms receipts (no such principal here); a city's agency confirms its use,
            // a city's finance remits. Counties and the province are not pooling regions of Henan.
            case "/api/crossregion/funding/reserves", "/api/crossregion/funding/reserve-uses",
                    "/api/crossregion/funding/remittance-notices" ->
                    allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/crossregion/funding/reserves/approval", "/api/crossregion/funding/remittances/receipt" ->
                    Expect.DENIED;
            case "/api/crossregion/funding/reserve-confirmations" -> allow(p.has(Role.CLERK)
                    && (p.orgCode().equals("411500-AGENCY") || p.orgCode().equals("410400-AGENCY")));
            case "/api/crossregion/funding/remittances" -> allow(p.has(Role.FINANCE)
                    && p.orgCode().equals("411500-FINANCE"));
            // henan-2023 三(二)(三) monthly clearing (issue 15): the province centre imports the rows, plans, submits the
            // usage plan, confirms the 23rd's money and pays the regions; province finance pays the centre (no such
            // principal here); a city's agency clerk confirms its data, its notice, the 26th's money, pays hospitals
            // and recovers advances. Counties are not Henan's pooling regions.
            case "/api/crossregion/monthly-clearing/rows", "/api/crossregion/monthly-clearing/plans",
                    "/api/crossregion/monthly-clearing/plans/usage-plan", "/api/crossregion/monthly-clearing/plans/funding/receipt",
                    "/api/crossregion/monthly-clearing/plans/disbursement" ->
                    allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/crossregion/monthly-clearing/plans/funding" -> Expect.DENIED;
            case "/api/crossregion/monthly-clearing/confirmations", "/api/crossregion/monthly-clearing/notices/confirmation",
                    "/api/crossregion/monthly-clearing/plans/disbursement/receipt",
                    "/api/crossregion/monthly-clearing/plans/hospital-payments", "/api/crossregion/monthly-clearing/advances/recovery"
                    -> allow(p.has(Role.CLERK)
                    && (p.orgCode().equals("411500-AGENCY") || p.orgCode().equals("410400-AGENCY")));
            // henan-2023 三(四): the province centre clears the year (a year outside the calendar: refused after).
            case "/api/crossregion/funding/annual-clearings" -> allow(p.has(Role.CLERK)
                    && p.orgCode().equals("410000-CENTRE"));
            // henan-2023 三(四): a region's finance department confirms a released surplus (the carry is looked up
            // after the role: none here, not found).
            case "/api/crossregion/carries/{id}/release/receipt" -> allow(p.has(Role.FINANCE)
                    && (p.orgCode().equals("411500-FINANCE") || p.orgCode().equals("410400-FINANCE")));
            // henan-2023 二(二): the payer (province finance, or the region for a recovery) and the payee act on a plan
            // they can see; the plan is looked up first (none here: not found for all). RegionPlanPaymentTest has
            // the payer and payee refusals on real plans.
            case "/api/prepayments/region-plans/payments", "/api/prepayments/region-plans/payments/receipt" ->
                    Expect.ALLOWED;
            // guizhou-2017 三(三), 五, 附件一: the province centre sizes, tops up, suspends late payers and opens the
            // timetable; the quota's steps and obligations look their object up first (none here: not found for all).
            case "/api/crossregion/quotas", "/api/crossregion/quotas/top-up", "/api/crossregion/late-payers",
                    "/api/crossregion/timetable" -> write
                    ? allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE")) : Expect.ALLOWED;
            case "/api/crossregion/quotas/{id}", "/api/crossregion/quotas/{id}/confirm",
                    "/api/crossregion/quotas/{id}/review", "/api/crossregion/quotas/{id}/remit",
                    "/api/crossregion/quotas/{id}/receive", "/api/crossregion/obligations",
                    "/api/crossregion/obligations/{id}/complete" -> Expect.ALLOWED;
            // guizhou-2017 附件二 一(一)1-2: the quota or the county share is looked up first (none here: not found).
            case "/api/crossregion/quotas/{id}/county-split", "/api/crossregion/county-shares/{id}/remit",
                    "/api/crossregion/county-shares/{id}/receive" -> Expect.ALLOWED;
            // guizhou-2017 五(三), henan-2023 四(三): only the account's own organisation (clerk or finance) records its
            // bank charges and interest.
            case "/api/crossregion/bank-charges", "/api/crossregion/bank-interest" -> write
                    ? allow(p.orgCode().equals("411500-FINANCE") && (p.has(Role.FINANCE) || p.has(Role.CLERK)))
                    : Expect.ALLOWED;
            // guizhou-2017 附件一 二(一)(二): the province centre generates usage plans and imports national files;
            // a plan's and an import's steps look their object up first (none here: not found for all).
            case "/api/crossregion/usage-plans", "/api/crossregion/national-imports" ->
                    allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/crossregion/usage-plans/{id}/transfer", "/api/crossregion/usage-plans/{id}/receive",
                    "/api/crossregion/national-imports/{id}/settle" -> Expect.ALLOWED;
            // guizhou-2017 附件一 三: the province centre answers the national messages, clears the month and issues
            // the quarter; province finance pays (no such principal here); a clearing's steps look it up first.
            case "/api/crossregion/clearing/confirmations", "/api/crossregion/clearing/confirmations/import",
                    "/api/crossregion/clearing/rollbacks", "/api/crossregion/clearing/months",
                    "/api/crossregion/clearing/months/submission", "/api/crossregion/clearing/quarters" ->
                    allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/crossregion/clearing/months/payment" -> Expect.DENIED;
            case "/api/crossregion/clearings/{id}/confirm", "/api/crossregion/clearings/{id}/post" -> Expect.ALLOWED;
            // National clearing money: the province centre submits the month, province finance pays (no such principal
            // here); a line's receipt looks the line up first (none here: not found for all, hospitals included).
            case "/api/crossregion/national/clearings" -> allow(p.has(Role.CLERK) && p.orgCode().equals("410000-CENTRE"));
            case "/api/crossregion/national/clearings/payment" -> Expect.DENIED;
            case "/api/crossregion/national/clearings/{id}/receipt" -> Expect.ALLOWED;
            default -> throw new IllegalStateException("no policy for " + endpoint.method() + " " + path
                    + ": add it here");
        };
    }

    private static Expect allow(boolean allowed) {
        return allowed ? Expect.ALLOWED : Expect.DENIED;
    }

    @Test
    @DisplayName("issue 11: maker ≠ checker — the preparer cannot approve, the checker cannot confirm, the clerk cannot"
            + " write off")
    void makerIsNotChecker() throws Exception {
        Map<String, Object> batch = jdbc.sql("select id, agency_code, prepared_by from stl_payment_batch where id = :id")
                .param("id", batches.get(Side.A)).query().singleRow();
        MedfundUser preparerAsFinance = MedfundUser.of(new Actor((String) batch.get("prepared_by"),
                (String) batch.get("agency_code"), Set.of(Role.FINANCE)));
        assertDenied(request(HttpMethod.POST, java.net.URI.create("/api/payment-batches/" + batch.get("id")
                + "/approve")).with(user(preparerAsFinance)), "{\"date\": \"2026-10-16\"}", "settlement.same-user");
        Map<String, Object> recon = jdbc.sql("select id, agency_code, checked_by from stl_reconciliation where id = :id")
                .param("id", reconciliations.get(Side.A)).query().singleRow();
        MedfundUser checkerAsReviewer = MedfundUser.of(new Actor((String) recon.get("checked_by"),
                (String) recon.get("agency_code"), Set.of(Role.REVIEWER)));
        assertDenied(request(HttpMethod.POST, java.net.URI.create("/api/reconciliations/" + recon.get("id")
                + "/confirm")).with(user(checkerAsReviewer)), "{\"date\": \"2026-10-09\"}", null);
        MedfundUser notTheClerk = MedfundUser.of(new Actor("sm-other-clerk", (String) recon.get("agency_code"),
                Set.of(Role.CLERK)));
        assertDenied(request(HttpMethod.POST, java.net.URI.create("/api/reconciliations/" + recon.get("id")
                + "/check")).with(user(notTheClerk)), "{\"date\": \"2026-10-09\"}", "settlement.not-the-clerk");
    }

    private void assertDenied(MockHttpServletRequestBuilder request, String body, String code) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.header(Idempotency.HEADER, "sm-mc-" + System.nanoTime())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isIn(403, 409);
        if (code != null) {
            assertThat(json.readTree(response.getContentAsString()).path("code").asString()).isEqualTo(code);
        }
    }

    @Test
    @DisplayName("issue 11: CSRF — every staff-page form refuses a POST without the token")
    void csrfOnEveryForm() throws Exception {
        Set<String> forms = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.POST)) {
                for (String path : info.getPatternValues()) {
                    if (!path.startsWith("/api/")) {
                        forms.add(path);
                    }
                }
            }
        });
        forms.add("/login");
        forms.add("/logout");
        MedfundUser clerk = MedfundUser.of(new Actor("sm-csrf", "411500-AGENCY",
                EnumSet.complementOf(EnumSet.of(Role.AUDITOR))));
        List<String> accepted = new ArrayList<>();
        for (String form : forms) {
            String uri = form.replaceAll("\\{[^}]+}", "1");
            int without = mvc.perform(request(HttpMethod.POST, java.net.URI.create(uri)).with(user(clerk)))
                    .andReturn().getResponse().getStatus();
            int withToken = mvc.perform(request(HttpMethod.POST, java.net.URI.create(uri)).with(user(clerk))
                    .with(csrf())).andReturn().getResponse().getStatus();
            if (without != 403 || withToken == 403 && !form.equals("/login")) {
                accepted.add(form + " without token " + without + ", with token " + withToken);
            }
        }
        System.out.println("csrf: " + forms.size() + " staff-page forms, each refuses a POST without the token");
        assertThat(accepted).isEmpty();
        assertThat(forms).hasSizeGreaterThan(8);
    }
}
