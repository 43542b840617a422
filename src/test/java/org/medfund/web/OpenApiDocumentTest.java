package org.medfund.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.SettlementFields;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 #7: the OpenAPI document showed wrong bodies — the reconciliation schema on POST
 * /api/prepayment-applications (two records named ApplyRequest), Money as {zero, negative, positive}, POST
 * /api/settlements as a string. The document is checked against the controllers it describes.
 */
@DatabaseTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    RequestMappingHandlerMapping mappings;

    private JsonNode document() throws Exception {
        return json.readTree(mvc.perform(get("/api/openapi.json")).andReturn().getResponse().getContentAsString());
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        while (schema != null && schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            schema = document.get("components").get("schemas").get(name);
        }
        return schema;
    }

    @Test
    @DisplayName("issue 11 #7: every request body schema lists exactly the fields of the record the controller reads")
    void requestBodiesMatchTheirRecords() throws Exception {
        JsonNode document = document();
        Map<String, String> mismatches = new TreeMap<>();
        int checked = 0;
        for (var entry : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = entry.getValue();
            Class<?> body = bodyType(handler);
            if (body == null || !body.isRecord()) {
                continue;
            }
            for (String path : entry.getKey().getPatternValues()) {
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    JsonNode operation = document.get("paths").get(path).get(method.name().toLowerCase());
                    JsonNode schema = resolve(document, operation.get("requestBody").get("content")
                            .get("application/json").get("schema"));
                    Set<String> documented = new HashSet<>(schema.get("properties").propertyNames());
                    Set<String> fields = new HashSet<>();
                    for (RecordComponent c : body.getRecordComponents()) {
                        com.fasterxml.jackson.annotation.JsonProperty named =
                                c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                        fields.add(named == null ? c.getName() : named.value());
                    }
                    if (!documented.equals(fields)) {
                        mismatches.put(method + " " + path, "documented " + documented + ", reads " + fields);
                    }
                    checked++;
                }
            }
        }
        assertThat(mismatches).isEmpty();
        assertThat(checked).isGreaterThan(20);
    }

    @Test
    @DisplayName("issue 11 #7: no two model classes share a schema name (one name, one shape)")
    void schemaNamesAreUnique() {
        Map<String, Set<String>> classesByName = new TreeMap<>();
        Set<Class<?>> seen = new HashSet<>();
        List<Type> todo = new ArrayList<>();
        for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
            if (!handler.getBeanType().getPackageName().startsWith("org.medfund")) {
                continue;
            }
            todo.add(handler.getMethod().getGenericReturnType());
            for (MethodParameter p : handler.getMethodParameters()) {
                if (p.hasParameterAnnotation(RequestBody.class)) {
                    todo.add(p.getGenericParameterType());
                }
            }
        }
        while (!todo.isEmpty()) {
            Type type = todo.remove(todo.size() - 1);
            if (type instanceof ParameterizedType parameterized) {
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
                type = parameterized.getRawType();
            }
            if (type instanceof Class<?> c && c.getPackageName().startsWith("org.medfund") && seen.add(c)) {
                classesByName.computeIfAbsent(schemaName(c), n -> new HashSet<>()).add(c.getName());
                if (c.isRecord()) {
                    for (RecordComponent component : c.getRecordComponents()) {
                        todo.add(component.getGenericType());
                    }
                }
            }
        }
        Map<String, Set<String>> clashes = new HashMap<>();
        classesByName.forEach((name, classes) -> {
            if (classes.size() > 1) {
                clashes.put(name, classes);
            }
        });
        assertThat(clashes).isEmpty();
        assertThat(seen).hasSizeGreaterThan(20);
    }

    @Test
    @DisplayName("issue 11 #7: Money is yuan text; POST /api/settlements documents the batch and every national field")
    void moneyAndSettlements() throws Exception {
        JsonNode document = document();
        JsonNode money = resolve(document, document.get("components").get("schemas").get("Total").get("properties")
                .get("medfeeSumamt"));
        assertThat(money.get("type").asString()).isEqualTo("string");
        assertThat(money.has("properties")).isFalse();
        assertThat(document.toString()).doesNotContain("\"negative\"", "\"positive\"");
        JsonNode batch = resolve(document, document.get("paths").get("/api/settlements").get("post")
                .get("requestBody").get("content").get("application/json").get("schema"));
        assertThat(batch.get("type").asString()).isEqualTo("object");
        JsonNode row = resolve(document, batch.get("properties").get("settlements").get("items"));
        assertThat(row.get("properties").propertyNames()).containsExactlyInAnyOrderElementsOf(SettlementFields.ALL);
        JsonNode apply = resolve(document, document.get("paths").get("/api/prepayment-applications").get("post")
                .get("requestBody").get("content").get("application/json").get("schema"));
        assertThat(apply.get("properties").propertyNames()).contains("form", "year").doesNotContain("application");
    }

    private static String schemaName(Class<?> c) {
        io.swagger.v3.oas.annotations.media.Schema schema =
                c.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : c.getSimpleName();
    }

    private static Class<?> bodyType(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            if (p.hasParameterAnnotation(RequestBody.class)) {
                Class<?> type = p.getParameterType();
                return type == String.class || type == JsonNode.class ? null : type;
            }
        }
        return null;
    }
}
