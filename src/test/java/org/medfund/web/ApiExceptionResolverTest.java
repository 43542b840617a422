package org.medfund.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Rejection;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Request-shape errors become 400 problems naming the parameter; page requests are left alone. */
class ApiExceptionResolverTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ApiExceptionResolver resolver = new ApiExceptionResolver(new Problems(json));

    private JsonNode resolve(String uri, Exception exception, int status) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThat(resolver.resolveException(request, response, null, exception)).isNotNull();
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("instance").asString()).isEqualTo(uri);
        return problem;
    }

    @Test
    @DisplayName("missing query parameter: 400 request.parameter-missing with the parameter as field")
    void missingParameter() throws Exception {
        JsonNode problem = resolve("/api/x", new MissingServletRequestParameterException("period", "String"), 400);
        assertThat(problem.get("code").asString()).isEqualTo("request.parameter-missing");
        assertThat(problem.get("field").asString()).isEqualTo("period");
    }

    @Test
    @DisplayName("wrong parameter type: 400 request.invalid-value with the parameter as field")
    void wrongType() throws Exception {
        MethodParameter parameter = new MethodParameter(
                ApiExceptionResolverTest.class.getDeclaredMethod("sample", int.class), 0);
        JsonNode problem = resolve("/api/x", new MethodArgumentTypeMismatchException("abc", Integer.class, "year",
                parameter, new NumberFormatException("abc")), 400);
        assertThat(problem.get("code").asString()).isEqualTo("request.invalid-value");
        assertThat(problem.get("field").asString()).isEqualTo("year");
    }

    @Test
    @DisplayName("missing Idempotency-Key header declared as required: the idempotency code")
    void missingHeader() throws Exception {
        MethodParameter parameter = new MethodParameter(
                ApiExceptionResolverTest.class.getDeclaredMethod("sample", int.class), 0);
        JsonNode problem = resolve("/api/x", new MissingRequestHeaderException(Idempotency.HEADER, parameter), 400);
        assertThat(problem.get("code").asString()).isEqualTo(Idempotency.CODE_KEY_MISSING);
        assertThat(problem.get("field").asString()).isEqualTo(Idempotency.HEADER);
    }

    @Test
    @DisplayName("a Rejection keeps its status, code and field; an unexpected error is a 500 without internals")
    void rejectionAndBug() throws Exception {
        JsonNode problem = resolve("/api/x", Rejection.conflict("ledger.closed", "period", "期间已结账"), 409);
        assertThat(problem.get("code").asString()).isEqualTo("ledger.closed");
        assertThat(problem.get("field").asString()).isEqualTo("period");
        assertThat(problem.get("detail").asString()).isEqualTo("期间已结账");
        JsonNode bug = resolve("/api/x", new IllegalStateException("secret internals"), 500);
        assertThat(bug.get("code").asString()).isEqualTo("internal.error");
        assertThat(bug.toString()).doesNotContain("secret internals");
    }

    @Test
    @DisplayName("pages are not answered with problem+json: a rejection or a missing parameter renders the problem page, a bug is left alone")
    void pagesLeftAlone() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ledger");
        assertThat(resolver.resolveException(request, new MockHttpServletResponse(), null,
                new IllegalStateException("x"))).isNull();
        var page = resolver.resolveException(request, new MockHttpServletResponse(), null,
                Rejection.notFound("calendar.out-of-range", "year", "超出范围"));
        assertThat(page.getViewName()).isEqualTo("problem");
        assertThat(page.getStatus().value()).isEqualTo(404);
        var missing = resolver.resolveException(request, new MockHttpServletResponse(), null,
                new MissingServletRequestParameterException("region", "String"));
        assertThat(missing.getViewName()).isEqualTo("problem");
        assertThat(missing.getStatus().value()).isEqualTo(400);
        assertThat(missing.getModel()).containsEntry("field", "region").containsEntry("detail", "缺少参数 region");
        assertThat(ApiExceptionResolver.isApi(new MockHttpServletRequest("GET", "/apiary"))).isFalse();
    }

    @SuppressWarnings("unused")
    private void sample(int year) {
    }
}
