package org.medfund.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.medfund.DatabaseTest;
import org.medfund.DatabaseSnapshot;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.TestContextManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Issue 11, "bad input, generated": every command of the API (each POST/PUT/PATCH operation of
 * {@code /api/openapi.json}, its request schema and parameters) gets generated bad input — wrong JSON types, missing
 * and null required fields, arrays and objects for scalars, numbers out of range, negative counts and amounts,
 * impossible or out-of-calendar dates, unknown enum values and codes, NUL and other control characters, bytes that
 * are not UTF-8, text over its limit, unknown fields, malformed JSON, wrong root shapes, bad path and query
 * parameters, a missing or overlong Idempotency-Key. Every answer must be a 4xx RFC 9457 problem with a code, and
 * the database (row counts and a content hash of every table) must be the same before and after. The demo data is
 * loaded first, so that path parameters name real documents in every state.
 *
 * <p>Each request starts from a plausible body built from the operation's schema, and gets one mutation that makes
 * it invalid whatever the rest says, so a correct service can only refuse it. {@value #TRIES_DEFAULT} tries by
 * default (about half a minute); {@code -Dmedfund.fuzz.tries=20000} runs more. jqwik has no Spring integration here,
 * so the property borrows the shared {@link DatabaseTest} context.
 */
@Tag("db")
class ApiFuzzProperties {

    static final int TRIES_DEFAULT = 400;
    static final String TRIES_PROPERTY = "medfund.fuzz.tries";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final AtomicLong KEYS = new AtomicLong();

    @DatabaseTest
    static class SharedContext {
    }

    private static ApplicationContext context() {
        try {
            return new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A documented command: method, path template, body schema (resolved), path and query parameters. */
    record Operation(HttpMethod method, String path, JsonNode body, List<Param> parameters) {
        String label() {
            return method + " " + path;
        }

        @Override
        public String toString() {
            return label();
        }
    }

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    /** One generated bad request: the operation, what is wrong with it, who sends it, and a seed for the details. */
    record BadRequest(Operation operation, Mutation mutation, int actor, long seed) {
    }

    /** The ways a request is made invalid; each one alone must get it refused. */
    enum Mutation {
        WRONG_TYPE, MISSING_REQUIRED, NULL_REQUIRED, ARRAY_FOR_SCALAR, OBJECT_FOR_SCALAR, HUGE_NUMBER, NEGATIVE,
        BAD_DATE, OUT_OF_CALENDAR, UNKNOWN_ENUM, WRONG_CODE, CONTROL_CHARACTER, INVALID_UTF8, TOO_LONG,
        UNKNOWN_FIELD, MALFORMED_JSON, WRONG_ROOT, EMPTY_BODY, BAD_PATH_PARAMETER, BAD_QUERY_PARAMETER,
        MISSING_KEY, LONG_KEY
    }

    private static final List<MedfundUser> ACTORS = List.of(
            MedfundUser.of(new Actor("fz-hospital", "H41150200001", Set.of(Role.HOSPITAL))),
            MedfundUser.of(new Actor("fz-city-clerk", "411500-AGENCY", Set.of(Role.CLERK))),
            MedfundUser.of(new Actor("fz-county", "411521-AGENCY", Set.of(Role.CLERK, Role.REVIEWER))),
            MedfundUser.of(new Actor("fz-finance", "411500-FINANCE", Set.of(Role.FINANCE))),
            MedfundUser.of(new Actor("fz-admin", "411500-AGENCY", Set.of(Role.ADMIN))),
            MedfundUser.of(new Actor("fz-centre", "410000-CENTRE", Set.of(Role.CLERK, Role.REVIEWER))),
            MedfundUser.of(new Actor("fz-pds-hospital", "H41040200001", Set.of(Role.HOSPITAL))));

    private static List<Operation> operations;
    private static DatabaseSnapshot before;
    private static final Map<Mutation, Long> tried = new EnumMap<>(Mutation.class);
    private static final Map<String, Long> byOperation = new TreeMap<>();

    /** Sets the tries from {@value #TRIES_PROPERTY} (jqwik's annotation takes only a constant). */
    static final class Tries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger(TRIES_PROPERTY, TRIES_DEFAULT));
            return property.execute();
        }
    }

    @BeforeProperty
    void start() throws Exception {
        // The demo's world (documents in every state) lets bad requests reach deeper than empty tables would.
        org.medfund.cli.demo.TestDemo.ensure(context());
        operations = operations(context());
        before = DatabaseSnapshot.take(context());
        tried.clear();
        byOperation.clear();
    }

    @AfterProperty
    void finish() {
        DatabaseSnapshot after = DatabaseSnapshot.take(context());
        assertThat(after.differences(before)).as("database changed by refused requests").isEmpty();
        long total = tried.values().stream().mapToLong(Long::longValue).sum();
        System.out.println("api fuzz: " + total + " bad requests over " + byOperation.size() + " of "
                + operations.size() + " commands, all refused with 4xx problem+json; database unchanged ("
                + before.tables() + " tables, " + before.rows() + " rows); by mutation " + tried);
    }

    @Provide
    Arbitrary<BadRequest> badRequests() throws Exception {
        List<Operation> all = operations(context());
        return Combinators.combine(Arbitraries.of(all), Arbitraries.of(Mutation.values()),
                Arbitraries.integers().between(0, ACTORS.size() * 4 - 1), Arbitraries.longs())
                .as(BadRequest::new);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Tries.class)
    void everyBadCommandIsRefused(@ForAll("badRequests") BadRequest bad) throws Exception {
        ApplicationContext context = context();
        MockMvc mvc = context.getBean(MockMvc.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        Random random = new Random(bad.seed());
        Built built = build(bad, random);
        MockHttpServletResponse response = mvc.perform(built.request()).andReturn().getResponse();
        String answer = response.getContentAsString(StandardCharsets.UTF_8);
        String what = bad.operation().label() + " " + built.mutation() + " as "
                + ACTORS.get(actor(bad)).getUsername() + ": " + built.description() + " → " + response.getStatus()
                + " " + answer;
        assertThat(response.getStatus()).as(what).isBetween(400, 499);
        assertThat(response.getContentType()).as(what).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(answer);
        assertThat(problem.path("code").isString()).as(what).isTrue();
        assertThat(problem.path("status").asInt()).as(what).isEqualTo(response.getStatus());
        synchronized (tried) {
            tried.merge(built.mutation(), 1L, Long::sum);
            byOperation.merge(bad.operation().label(), 1L, Long::sum);
        }
    }

    /** The request as sent, the mutation actually applied (a fallback when the chosen one does not fit). */
    record Built(MockHttpServletRequestBuilder request, Mutation mutation, String description) {
    }

    private static int actor(BadRequest bad) {
        // Three requests in four come from the caller the command is meant for, so they get past the role checks.
        return bad.actor() < ACTORS.size() * 3 ? naturalActor(bad.operation().path()) : bad.actor() % ACTORS.size();
    }

    private static int naturalActor(String path) {
        if (path.startsWith("/api/settlements") || path.startsWith("/api/reconciliations") && !path.contains("{id}")
                || path.startsWith("/api/clearing-applications") || path.startsWith("/api/prepayment-applications")
                && !path.contains("review")) {
            return 0;
        }
        if (path.startsWith("/api/payment-batches")) {
            return 3;
        }
        if (path.startsWith("/api/registry") || path.startsWith("/api/users")) {
            return 4;
        }
        if (path.contains("region-plans")) {
            return 5;
        }
        if (path.startsWith("/api/prepayment")) {
            return 2;
        }
        return 1;
    }

    private static Built build(BadRequest bad, Random random) {
        Operation op = bad.operation();
        Map<String, String> pathValues = new TreeMap<>();
        Map<String, String> query = new TreeMap<>();
        for (Param p : op.parameters()) {
            if (p.in().equals("path")) {
                pathValues.put(p.name(), Examples.scalar(p.name(), p.schema()));
            } else if (p.in().equals("query") && p.required()) {
                query.put(p.name(), Examples.scalar(p.name(), p.schema()));
            }
        }
        JsonNode body = op.body() == null ? null : Examples.of(op.body(), "body", 0);
        byte[] bytes = null;
        String key = "fz-" + KEYS.incrementAndGet() + "-" + System.nanoTime();
        Mutation mutation = bad.mutation();
        if (op.body() == null) {
            // A command without a body ignores whatever is sent: only its path, query and key can be made bad.
            Mutation[] bodyless = {Mutation.BAD_PATH_PARAMETER, Mutation.MISSING_KEY, Mutation.LONG_KEY};
            mutation = bodyless[(int) Math.floorMod(bad.seed(), (long) bodyless.length)];
            if (mutation == Mutation.BAD_PATH_PARAMETER && pathValues.isEmpty()) {
                mutation = Mutation.MISSING_KEY;
            }
        }
        String description;
        Mutations.Result result = Mutations.apply(mutation, body, op.body(), pathValues, query, random);
        // The chosen mutation may have nothing to act on in this command (no dates, no enum): take the next one that
        // has; the last ones (malformed JSON, a wrong root, no key) fit every command.
        for (int next = mutation.ordinal() + 1; result == null; next++) {
            mutation = Mutation.values()[next % Mutation.values().length];
            result = Mutations.apply(mutation, body, op.body(), pathValues, query, random);
        }
        description = result.description();
        bytes = result.bytes();
        if (mutation == Mutation.MISSING_KEY) {
            key = null;
        } else if (mutation == Mutation.LONG_KEY) {
            key = "k".repeat(101);
        }
        String uri = op.path();
        for (Map.Entry<String, String> e : pathValues.entrySet()) {
            uri = uri.replace("{" + e.getKey() + "}", org.springframework.web.util.UriUtils.encodePathSegment(
                    e.getValue(), StandardCharsets.UTF_8));
        }
        MockHttpServletRequestBuilder request = request(op.method(), java.net.URI.create(uri + queryString(query)))
                .with(user(ACTORS.get(actor(bad))))
                .contentType(MediaType.APPLICATION_JSON)
                .content(bytes == null ? new byte[0] : bytes);
        if (key != null) {
            request.header(Idempotency.HEADER, key);
        }
        return new Built(request, mutation, description);
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("?");
        query.forEach((name, value) -> s.append(s.length() > 1 ? "&" : "").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return s.toString();
    }

    /** Every POST, PUT and PATCH of the document, with its body schema resolved. */
    static synchronized List<Operation> operations(ApplicationContext context) throws Exception {
        if (operations != null) {
            return operations;
        }
        MockMvc mvc = context.getBean(MockMvc.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        JsonNode document = json.readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        List<Operation> found = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode item = document.get("paths").get(path);
            for (String method : List.of("post", "put", "patch")) {
                JsonNode op = item.get(method);
                if (op == null) {
                    continue;
                }
                JsonNode schema = op.path("requestBody").path("content").path("application/json").path("schema");
                List<Param> params = new ArrayList<>();
                for (JsonNode p : op.path("parameters")) {
                    if (!p.path("in").asString().equals("header")) {
                        params.add(new Param(p.get("name").asString(), p.get("in").asString(),
                                p.path("required").asBoolean(false), Schemas.resolve(document, p.get("schema"))));
                    }
                }
                found.add(new Operation(HttpMethod.valueOf(method.toUpperCase()), path,
                        schema.isMissingNode() ? null : Schemas.inline(document, schema, 0), params));
            }
        }
        assertThat(found).as("commands in the OpenAPI document").hasSizeGreaterThan(25);
        operations = List.copyOf(found);
        return operations;
    }

    /** Schema helpers: $ref resolution, inlined so that mutations see the whole shape. */
    static final class Schemas {
        private Schemas() {
        }

        static JsonNode resolve(JsonNode document, JsonNode schema) {
            while (schema != null && schema.has("$ref")) {
                String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
                schema = document.get("components").get("schemas").get(name);
            }
            return schema;
        }

        static JsonNode inline(JsonNode document, JsonNode schema, int depth) {
            JsonNode resolved = resolve(document, schema);
            if (resolved == null || depth > 6 || !resolved.isObject()) {
                return resolved;
            }
            ObjectNode copy = ((ObjectNode) resolved).deepCopy();
            if (copy.has("properties")) {
                ObjectNode properties = NODES.objectNode();
                for (String name : copy.get("properties").propertyNames()) {
                    properties.set(name, inline(document, copy.get("properties").get(name), depth + 1));
                }
                copy.set("properties", properties);
            }
            if (copy.has("items")) {
                copy.set("items", inline(document, copy.get("items"), depth + 1));
            }
            return copy;
        }

        static String type(JsonNode schema) {
            if (schema == null) {
                return "object";
            }
            if (schema.has("type")) {
                return schema.get("type").asString();
            }
            return schema.has("properties") ? "object" : "string";
        }

        static boolean required(JsonNode objectSchema, String name) {
            for (JsonNode r : objectSchema.path("required")) {
                if (r.asString().equals(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Plausible values from a schema: the body a careful client would send, before it is made bad. */
    static final class Examples {
        private Examples() {
        }

        static JsonNode of(JsonNode schema, String name, int depth) {
            String type = Schemas.type(schema);
            switch (type) {
                case "object" -> {
                    ObjectNode object = NODES.objectNode();
                    if (schema != null && schema.has("properties") && depth < 6) {
                        for (String property : schema.get("properties").propertyNames()) {
                            object.set(property, of(schema.get("properties").get(property), property, depth + 1));
                        }
                    }
                    return object;
                }
                case "array" -> {
                    ArrayNode array = NODES.arrayNode();
                    array.add(of(schema.get("items"), name, depth + 1));
                    return array;
                }
                case "integer" -> {
                    return NODES.numberNode(name.toLowerCase().contains("year") ? 2025 : 1);
                }
                case "number" -> {
                    return NODES.numberNode(1);
                }
                case "boolean" -> {
                    return NODES.booleanNode(true);
                }
                default -> {
                    return NODES.stringNode(scalar(name, schema));
                }
            }
        }

        /** A plausible text for a field or parameter, by its schema and then its name. */
        static String scalar(String name, JsonNode schema) {
            if (schema != null && schema.has("enum")) {
                return schema.get("enum").get(0).asString();
            }
            String type = Schemas.type(schema);
            if (type.equals("integer")) {
                return name.toLowerCase().contains("year") ? "2025" : "1";
            }
            String format = schema == null ? "" : schema.path("format").asString("");
            String pattern = schema == null ? "" : schema.path("pattern").asString("");
            if (format.equals("date")) {
                return "2025-06-30";
            }
            if (pattern.equals(OpenApiConfig.MONTH_PATTERN) || name.equals("cycle") || name.equals("period")) {
                return "2025-06";
            }
            if (pattern.equals(OpenApiConfig.MONEY_PATTERN) || pattern.equals(OpenApiConfig.AMOUNT_PATTERN)
                    || name.toLowerCase().contains("amount")) {
                return "100.00";
            }
            return switch (name) {
                case "hospitalCode", "hospital", "fixmedins_code" -> "H41150200001";
                case "code" -> "H41150200001";
                case "regionCode", "clr_optins", "insuplc_admdvs", "setlOptins" -> "411500";
                case "mdtrtarea_admvs" -> "411502";
                case "insuranceType", "insutype" -> "310";
                case "clrType", "clr_type", "med_type" -> "21";
                case "clrWay", "clr_way", "refdSetlFlag" -> "1";
                case "pay_loc" -> "2";
                case "setl_time" -> "2026-10-05 09:00:00";
                case "username", "clerk" -> "xy-clerk";
                case "id" -> "PP-2025-H41150200001-310";
                case "fund_pay_type" -> "310100";
                default -> "fz-" + name;
            };
        }
    }
}
