package org.medfund.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes RFC 9457 problem documents ({@code application/problem+json}) for the API: the standard members
 * {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance} plus medfund's stable {@code code}
 * and the offending {@code field} (null when the request as a whole is refused). The type is the URN
 * {@code urn:medfund:problem:<code>}; the codes are listed in docs/api.md.
 */
@Component
public class Problems {

    public static final String TYPE_PREFIX = "urn:medfund:problem:";

    private final JsonMapper json;

    Problems(JsonMapper json) {
        this.json = json;
    }

    /** One field error of a validation problem, listed under {@code errors}. */
    record FieldError(String field, String detail) {
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String field,
               String detail) throws IOException {
        write(request, response, status, code, field, detail, List.of());
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String field,
               String detail, List<FieldError> errors) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code);
        HttpStatus known = HttpStatus.resolve(status);
        problem.put("title", known == null ? "Error" : known.getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        problem.put("field", field);
        if (!errors.isEmpty()) {
            problem.put("errors", errors);
        }
        request.setAttribute(AuditTrailFilter.PROBLEM_CODE, code);
        request.setAttribute(AuditTrailFilter.PROBLEM_REASON, detail);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem));
        response.getWriter().flush();
    }
}
