package org.medfund.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriUtils;

/**
 * Control characters in an API path or query parameter are refused before anything looks them up (issue 11 #2: a
 * NUL reached PostgreSQL, which cannot store or compare one, and the call answered 500). JSON bodies get the same
 * rule from {@link StrictJson}. Tab, line feed and carriage return are control characters here too: no path
 * segment or parameter of the API holds free text.
 */
@Configuration
@ConditionalOnWebApplication
class ApiRequestText {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiRequestTextFilter(Problems problems) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
                new Filter(problems));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }

    private static final class Filter extends OncePerRequestFilter {
        private final Problems problems;

        Filter(Problems problems) {
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String path;
            try {
                path = UriUtils.decode(request.getRequestURI(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                path = "\u0000";
            }
            if (hasControl(path)) {
                problems.write(request, response, 400, "request.invalid-value", "path", "请求路径含有控制字符或无效编码");
                return;
            }
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (hasControl(parameter.getKey()) || hasControl(value)) {
                        problems.write(request, response, 400, "request.invalid-value", parameter.getKey(),
                                "参数 " + parameter.getKey() + " 含有控制字符");
                        return;
                    }
                }
            }
            chain.doFilter(request, response);
        }
    }
}
