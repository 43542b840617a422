package org.medfund.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Rejection;
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

    /**
     * A problem document's members in their order: type, title, status, detail, instance, code and field; a list of
     * errors, or what a rejection adds, comes after them.
     */
    private static Map<String, Object> document(int status, String code, String field, String detail,
                                               String instance) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_PREFIX + code);
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code);
        problem.put("field", field);
        return problem;
    }

    /**
     * The title of a status, in Chinese like everything a hospital's or an agency's staff read: RFC 9457 wants the
     * same short summary for every problem of a kind, so it names the status's meaning; {@code detail} says what
     * happened.
     */
    static String title(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录或令牌无效";
            case 403 -> "无权操作";
            case 404 -> "未找到";
            case 405 -> "不支持该请求方法";
            case 406 -> "无法提供所需格式";
            case 409 -> "与已有数据冲突";
            case 413 -> "请求内容过大";
            case 415 -> "不支持该内容类型";
            case 422 -> "不符合业务规则";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂不可用";
            default -> status >= 500 ? "系统内部错误" : "请求未被接受";
        };
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status, String code, String field,
               String detail, List<FieldError> errors) throws IOException {
        write(request, response, status, code, field, detail, errors.isEmpty() ? Map.of() : Map.of("errors", errors));
    }

    /** A rejection's problem, with what it adds (a refused file's bad lines) after the standard members. */
    void write(HttpServletRequest request, HttpServletResponse response, Rejection rejection) throws IOException {
        write(request, response, rejection.status(), rejection.code(), rejection.field(), rejection.getMessage(),
                rejection.problemMembers());
    }

    private void write(HttpServletRequest request, HttpServletResponse response, int status, String code,
                       String field, String detail, Map<String, Object> members) throws IOException {
        Map<String, Object> problem = document(status, code, field, detail, request.getRequestURI());
        problem.putAll(members);
        request.setAttribute(AuditTrailFilter.PROBLEM_CODE, code);
        request.setAttribute(AuditTrailFilter.PROBLEM_REASON, detail);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(json.writeValueAsString(problem));
        response.getWriter().flush();
    }
}
