package org.medfund.web;

import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Problem documents a controller returns itself (the batch intake's row-by-row problem) carry their {@code code}
 * and their reason into the audit row too, like those {@link Problems} writes.
 */
@ControllerAdvice
class AuditProblemCodes implements ResponseBodyAdvice<Object> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(contentType) && body instanceof Map<?, ?> problem
                && problem.get("code") instanceof String code && request instanceof ServletServerHttpRequest servlet) {
            servlet.getServletRequest().setAttribute(AuditTrailFilter.PROBLEM_CODE, code);
            if (problem.get("detail") instanceof String reason) {
                servlet.getServletRequest().setAttribute(AuditTrailFilter.PROBLEM_REASON, reason);
            }
        }
        return body;
    }
}
