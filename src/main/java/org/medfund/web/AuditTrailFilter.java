package org.medfund.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.medfund.common.AuditLog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Puts every authenticated state-changing request (POST, PUT, PATCH, DELETE) of the API and the staff pages into
 * the {@link AuditLog} (a successful calculation that changes nothing, {@link #READS}, is not recorded): binds an
 * action for the user and organisation before the request is authorised and handled, so the transaction that makes
 * the change also writes its audit row, then records how it ended (refused by the security rules, by a business
 * rule, failed). Sits after authentication and before the authorisation filters of both security chains
 * ({@link SecurityConfig}); unauthenticated requests are not recorded here (nobody to hold to account, and nothing
 * changed), and logins and logouts are recorded by {@link LoginAudit}. Not a Spring bean, like
 * {@link ApiTokenFilter}.
 *
 * <p>Request id: the {@code Idempotency-Key} header, else {@code X-Request-Id}, else the page form's
 * {@code requestId} field, else a generated {@code srv-…} id.
 */
final class AuditTrailFilter extends OncePerRequestFilter {

    static final String REQUEST_ID_HEADER = "X-Request-Id";
    /** Request attribute where {@link Problems} and page rejections leave the problem code for the audit row. */
    static final String PROBLEM_CODE = AuditTrailFilter.class.getName() + ".problemCode";
    /** The refusal's words as its caller read them (Chinese), kept in the audit row after the code. */
    static final String PROBLEM_REASON = AuditTrailFilter.class.getName() + ".problemReason";

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /**
     * POSTs that only calculate: recorded when refused, denied or failed, not when they succeed (a discharge desk
     * previews every bill, and a preview changes nothing; see docs/decisions.md).
     */
    static final Set<String> READS = Set.of("/api/crossregion/settlements/preview");

    private final AuditLog audit;
    private final Clock clock;

    AuditTrailFilter(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!WRITES.contains(request.getMethod()) || authentication == null
                || !(authentication.getPrincipal() instanceof MedfundUser user)) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // The organisation's region is filled in by the statement that writes the audit row (AuditLog.Who).
        AuditLog.Action action = new AuditLog.Action(
                ApiExceptionResolver.isApi(request) ? AuditLog.Channel.API : AuditLog.Channel.PAGE,
                new AuditLog.Who(user.getUsername(), user.actor().orgCode(), null), once(() -> requestId(request)),
                () -> request.getMethod() + " " + route(request, path), () -> path, true, clock);
        boolean bound = audit.bind(action);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (bound) {
                audit.finish(action, AuditLog.Outcome.FAILED, 500, e.getClass().getSimpleName());
            }
            throw e;
        }
        if (bound) {
            int status = response.getStatus();
            String problem = AuditLog.detail((String) request.getAttribute(PROBLEM_CODE),
                    (String) request.getAttribute(PROBLEM_REASON));
            if (READS.contains(path)) {
                audit.finishRead(action, outcome(status), status, problem);
            } else {
                audit.finish(action, outcome(status), status, problem);
            }
        }
    }

    private static AuditLog.Outcome outcome(int status) {
        if (status < 400) {
            return AuditLog.Outcome.DONE;
        }
        if (status == 401 || status == 403) {
            return AuditLog.Outcome.DENIED;
        }
        return status < 500 ? AuditLog.Outcome.REJECTED : AuditLog.Outcome.FAILED;
    }

    /** The route pattern that matched ({@code /api/prepayments/{id}/approve}), or the path when none did. */
    private static String route(HttpServletRequest request, String path) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        return pattern == null ? path : pattern.toString();
    }

    private static String requestId(HttpServletRequest request) {
        for (String candidate : new String[] {request.getHeader(Idempotency.HEADER),
            request.getHeader(REQUEST_ID_HEADER), request.getParameter("requestId")}) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return "srv-" + UUID.randomUUID();
    }

    private static Supplier<String> once(Supplier<String> supplier) {
        String[] value = new String[1];
        return () -> {
            if (value[0] == null) {
                value[0] = supplier.get();
            }
            return value[0];
        };
    }
}
