package org.medfund.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.medfund.common.Rejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every exception of a request under {@code /api/} into an RFC 9457 problem (see {@link Problems}). On pages
 * a {@link Rejection} and a missing or mistyped query parameter are handled — rendered as the Chinese page
 * {@code problem.html} with its status, code and field — and everything else is left to Spring's error page. A resolver rather than a {@code @RestControllerAdvice}, because it must
 * also answer requests that reached no controller (unknown route, wrong method), and must never touch pages.
 * Expected errors are {@link Rejection}s and request-shape errors (4xx, not logged); anything else is a bug: logged
 * with its stack trace and answered with a 500 that reveals nothing of the internals.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiExceptionResolver implements HandlerExceptionResolver {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionResolver.class);

    private final Problems problems;

    ApiExceptionResolver(Problems problems) {
        this.problems = problems;
    }

    /** Whether a request belongs to the API (problem+json) rather than to the staff pages. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (response.isCommitted()) {
            return null;
        }
        if (!isApi(request)) {
            return pageProblem(request, response, exception);
        }
        try {
            answer(request, response, exception);
        } catch (IOException e) {
            log.warn("could not write problem for {}: {}", request.getRequestURI(), e.toString());
        }
        return new ModelAndView();
    }

    /** A rejection on a page: the same status, and a page that says what was wrong with the input. */
    private static ModelAndView pageProblem(HttpServletRequest request, HttpServletResponse response,
                                            Exception exception) {
        Rejection rejection = rejectionIn(exception);
        if (rejection == null) {
            rejection = badQuery(exception);
        }
        if (rejection == null && busy(exception)) {
            ModelAndView page = new ModelAndView("error");
            page.setStatus(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE);
            page.addObject("status", 503);
            return page;
        }
        if (rejection == null) {
            return null;
        }
        request.setAttribute(AuditTrailFilter.PROBLEM_CODE, rejection.code());
        request.setAttribute(AuditTrailFilter.PROBLEM_REASON, rejection.getMessage());
        ModelAndView page = new ModelAndView("problem");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(rejection.status()));
        page.addObject("status", rejection.status());
        page.addObject("code", rejection.code());
        page.addObject("field", rejection.field());
        page.addObject("detail", rejection.getMessage());
        return page;
    }

    /** A page's query parameter missing or of the wrong type: the problem page names it (400), like the API does. */
    private static Rejection badQuery(Exception exception) {
        if (exception instanceof MissingServletRequestParameterException missing) {
            return new Rejection("request.parameter-missing", missing.getParameterName(),
                    "缺少参数 " + missing.getParameterName(), 400);
        }
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            return new Rejection("request.invalid-value", mismatch.getName(),
                    "参数 " + mismatch.getName() + " 的值无效: " + mismatch.getValue(), 400);
        }
        return null;
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, Exception exception)
            throws IOException {
        Rejection rejection = rejectionIn(exception);
        ApiBodyLimit.TooLarge tooLarge = causeOf(exception, ApiBodyLimit.TooLarge.class);
        if (rejection != null) {
            problems.write(request, response, rejection);
        } else if (tooLarge != null) {
            problems.write(request, response, 413, ApiBodyLimit.CODE, null, ApiBodyLimit.detail(tooLarge.max));
        } else if (busy(exception)) {
            log.warn("busy on {} {}: {}", request.getMethod(), request.getRequestURI(), exception.toString());
            response.setHeader(HttpHeaders.RETRY_AFTER, "30");
            problems.write(request, response, 503, "service.busy", null, "服务繁忙（数据库连接已满或处理超时），未写入任何数据，请稍后重试");
        } else if (exception instanceof JacksonException jackson) {
            // Read outside a message converter (a JSON tree turned into a record): the same answers as a body.
            jsonProblem(request, response, jackson);
        } else if (exception instanceof BindException binding) {
            // @Valid @RequestBody and bound @ModelAttribute objects (MethodArgumentNotValidException is one).
            // Sorted, so that the first field named is the same on every run (validation order is not fixed).
            List<Problems.FieldError> errors = binding.getFieldErrors().stream()
                    .map(e -> new Problems.FieldError(e.getField(), e.getDefaultMessage()))
                    .sorted(java.util.Comparator.comparing(Problems.FieldError::field)).toList();
            Problems.FieldError first = errors.isEmpty() ? new Problems.FieldError(null, "请求内容无效") : errors.get(0);
            problems.write(request, response, 422, "request.invalid", first.field(),
                    first.field() == null ? first.detail() : first.field() + ": " + first.detail(), errors);
        } else if (exception instanceof HandlerMethodValidationException validation) {
            List<Problems.FieldError> errors = validation.getParameterValidationResults().stream()
                    .flatMap(result -> result.getResolvableErrors().stream().map(e -> new Problems.FieldError(
                            result.getMethodParameter().getParameterName(), e.getDefaultMessage())))
                    .toList();
            Problems.FieldError first = errors.isEmpty() ? new Problems.FieldError(null, "请求参数无效") : errors.get(0);
            problems.write(request, response, 422, "request.invalid", first.field(),
                    first.field() + ": " + first.detail(), errors);
        } else if (exception instanceof HttpMessageNotReadableException unreadable) {
            unreadable(request, response, unreadable);
        } else {
            requestShape(request, response, exception);
        }
    }

    private void requestShape(HttpServletRequest request, HttpServletResponse response, Exception exception)
            throws IOException {
        if (exception instanceof MethodArgumentTypeMismatchException mismatch) {
            problems.write(request, response, 400, "request.invalid-value", mismatch.getName(),
                    "参数 " + mismatch.getName() + " 的值无效: " + mismatch.getValue());
        } else if (exception instanceof MissingServletRequestParameterException missing) {
            problems.write(request, response, 400, "request.parameter-missing", missing.getParameterName(),
                    "缺少参数 " + missing.getParameterName());
        } else if (exception instanceof MissingRequestHeaderException missing) {
            boolean idempotency = Idempotency.HEADER.equalsIgnoreCase(missing.getHeaderName());
            problems.write(request, response, 400,
                    idempotency ? Idempotency.CODE_KEY_MISSING : "request.header-missing", missing.getHeaderName(),
                    "缺少请求头 " + missing.getHeaderName());
        } else if (exception instanceof MissingServletRequestPartException missing) {
            problems.write(request, response, 400, "request.part-missing", missing.getRequestPartName(),
                    "缺少上传部分 " + missing.getRequestPartName());
        } else if (exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException) {
            problems.write(request, response, 404, "request.not-found", null, "没有这个接口: " + request.getRequestURI());
        } else if (exception instanceof HttpRequestMethodNotSupportedException method) {
            response.setHeader("Allow", String.join(", ", method.getSupportedHttpMethods() == null ? List.of()
                    : method.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            problems.write(request, response, 405, "request.method-not-allowed", null,
                    "接口不支持 " + method.getMethod() + " 方法");
        } else if (exception instanceof HttpMediaTypeNotSupportedException) {
            problems.write(request, response, 415, "request.media-type-unsupported", null,
                    "不支持的请求内容类型，请使用 application/json");
        } else if (exception instanceof HttpMediaTypeNotAcceptableException) {
            problems.write(request, response, 406, "request.not-acceptable", null, "无法提供所要求的响应格式");
        } else if (exception instanceof MaxUploadSizeExceededException) {
            problems.write(request, response, 413, "request.too-large", null, "上传内容过大");
        } else if (exception instanceof AccessDeniedException) {
            problems.write(request, response, 403, "auth.forbidden", null, "无权执行此操作");
        } else if (exception instanceof DataIntegrityViolationException && dataException(exception)) {
            // SQLSTATE class 22: a value the database cannot store (a NUL character, a number out of range) that
            // the input checks let through. Bad input, not a conflict.
            log.warn("value refused by the database on {}: {}", request.getRequestURI(), exception.toString());
            problems.write(request, response, 400, "request.invalid-value", null, "请求中含有无法保存的字符或数值");
        } else if (exception instanceof DataIntegrityViolationException) {
            log.warn("data conflict on {}: {}", request.getRequestURI(), exception.toString());
            problems.write(request, response, 409, "data.conflict", null, "数据冲突（可能是并发的重复请求），请重试");
        } else if (exception instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            problems.write(request, response, spring.getStatusCode().value(), "request.invalid", null,
                    spring.getBody().getDetail());
        } else {
            log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), exception);
            problems.write(request, response, 500, "internal.error", null, "服务器内部错误，已记录日志");
        }
    }

    /** Malformed JSON, unknown fields, wrong types and nulls: 400 naming the JSON path of the field at fault. */
    private void unreadable(HttpServletRequest request, HttpServletResponse response,
                            HttpMessageNotReadableException exception) throws IOException {
        if (exception.getCause() instanceof JacksonException jackson) {
            jsonProblem(request, response, jackson);
        } else {
            problems.write(request, response, 400, "request.body-missing", null, "缺少请求内容或内容无法读取");
        }
    }

    private void jsonProblem(HttpServletRequest request, HttpServletResponse response, JacksonException cause)
            throws IOException {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            problems.write(request, response, 400, "request.unknown-field", field, "不认识的字段 " + field);
        } else if (cause instanceof InvalidNullException nullValue) {
            String field = path(nullValue);
            problems.write(request, response, 400, "request.invalid-value", field, "字段 " + field + " 不能为空");
        } else if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            problems.write(request, response, 400, "request.invalid-value", field, "字段 " + field + " 的值或类型无效");
        } else if (cause instanceof MismatchedInputException) {
            problems.write(request, response, 400, "request.invalid-value", null, "请求内容的结构或类型无效");
        } else {
            String field = cause.getPath().isEmpty() ? null : path(cause);
            problems.write(request, response, 400, "request.malformed-json", field, "请求内容不是有效的 JSON");
        }
    }

    /** The database is overloaded or a bound ran out: no connection in time, a timeout, a lock wait. */
    private static boolean busy(Throwable exception) {
        return causeOf(exception, org.springframework.jdbc.CannotGetJdbcConnectionException.class) != null
                || causeOf(exception, org.springframework.transaction.TransactionTimedOutException.class) != null
                || causeOf(exception, org.springframework.dao.QueryTimeoutException.class) != null
                || causeOf(exception, org.springframework.dao.PessimisticLockingFailureException.class) != null;
    }

    private static boolean dataException(Throwable exception) {
        java.sql.SQLException sql = causeOf(exception, java.sql.SQLException.class);
        return sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    private static <T extends Throwable> T causeOf(Throwable exception, Class<T> type) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** A rejection thrown directly, or while Jackson built a record whose constructor validates its input. */
    private static Rejection rejectionIn(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof Rejection rejection) {
                return rejection;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    /** The JSON path of a Jackson error as {@code lines[2].amountFen}. */
    static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? null : path.toString();
    }
}
