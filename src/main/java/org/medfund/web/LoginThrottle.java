package org.medfund.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Login throttling (issue 11 #7: 25 wrong passwords, then the right one logged straight in). After
 * {@code medfund.login.failures-max} (5) failed logins of one username from one address within the lock time, that
 * username is locked for that address for {@code medfund.login.lock} (15 minutes): even the right password is
 * refused until then, with a Chinese message saying so. A successful login clears the count. Other addresses are
 * not locked out, so a guesser cannot lock a clerk out of the office (the count is per username and address). Logins
 * and the failures that count are recorded in the audit log ({@link LoginAudit}).
 *
 * <p>Kept in memory: one medfund server per installation (DESIGN.md §9), and a restart forgetting the counts only
 * gives a guesser five more tries. At most {@link #ENTRIES_MAX} pairs are kept; when full, expired ones are dropped
 * first; then failures of new pairs count against one shared overflow entry, which locks every new pair while it is
 * locked, so a flood can neither grow the map nor buy unthrottled guesses.
 */
@Component
class LoginThrottle {

    static final int ENTRIES_MAX = 100_000;
    static final String LOGIN_PATH = "/login";
    static final String LOCKED_URL = "/login?locked";
    private static final Key OVERFLOW = new Key("", "");

    private final Clock clock;
    private final LoginAudit audit;
    private final int failuresMax;
    private final Duration lock;
    private final Map<Key, Failures> failures = new ConcurrentHashMap<>();

    LoginThrottle(Clock clock, LoginAudit audit, @Value("${medfund.login.failures-max:5}") int failuresMax,
                  @Value("${medfund.login.lock:15m}") Duration lock) {
        if (failuresMax < 1 || lock.isNegative() || lock.isZero()) {
            throw new IllegalStateException("login throttle needs failures-max ≥ 1 and a positive lock time");
        }
        this.clock = clock;
        this.audit = audit;
        this.failuresMax = failuresMax;
        this.lock = lock;
    }

    private record Key(String username, String address) {
        static Key of(String username, String address) {
            return new Key(username == null ? "" : username.strip().toLowerCase(Locale.ROOT),
                    address == null ? "" : address);
        }
    }

    /** Failures counted since {@code since}; locked until {@code lockedUntil} once there were enough. */
    private record Failures(int count, Instant since, Instant lockedUntil) {
    }

    /** Whether the username is locked for the address now. */
    boolean locked(String username, String address) {
        Failures f = failures.get(Key.of(username, address));
        if (f == null && failures.size() >= ENTRIES_MAX) {
            f = failures.get(OVERFLOW);
        }
        return f != null && f.lockedUntil() != null && clock.instant().isBefore(f.lockedUntil());
    }

    /** Minutes of the lock, for the message. */
    long lockMinutes() {
        return lock.toMinutes();
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        Key key = Key.of(username, address);
        if (failures.size() >= ENTRIES_MAX && !failures.containsKey(key)) {
            failures.values().removeIf(f -> expired(f, now));
            if (failures.size() >= ENTRIES_MAX) {
                key = OVERFLOW;
            }
        }
        failures.compute(key, (k, f) -> {
            Failures current = f == null || expired(f, now) ? new Failures(0, now, null) : f;
            int count = current.count() + 1;
            return new Failures(count, current.since(), count >= failuresMax ? now.plus(lock) : null);
        });
    }

    void succeeded(String username, String address) {
        failures.remove(Key.of(username, address));
    }

    /** The login form's username and the client address (the socket's: proxies' headers are not trusted). */
    static String username(HttpServletRequest request) {
        return request.getParameter("username");
    }

    /**
     * Refuses a login while its username is locked for the address, before the password is checked, and counts
     * the outcome of every other login attempt.
     */
    OncePerRequestFilter lockFilter() {
        return new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !HttpMethod.POST.matches(request.getMethod())
                        || !request.getRequestURI().equals(request.getContextPath() + LOGIN_PATH);
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                                            FilterChain chain) throws ServletException, IOException {
                if (locked(username(request), request.getRemoteAddr())) {
                    response.sendRedirect(request.getContextPath() + LOCKED_URL);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }

    /** After a failed login: counts it and says whether the username is now locked. */
    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            failed(username(request), request.getRemoteAddr());
            boolean nowLocked = locked(username(request), request.getRemoteAddr());
            audit.refused(username(request), nowLocked);
            response.sendRedirect(request.getContextPath() + (nowLocked ? LOCKED_URL : "/login?error"));
        };
    }

    /** After a successful login: clears the count, then goes where the user was headed (default the home page). */
    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler target = new SavedRequestAwareAuthenticationSuccessHandler();
        target.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            succeeded(username(request), request.getRemoteAddr());
            if (authentication.getPrincipal() instanceof MedfundUser user) {
                audit.loggedIn(user);
            }
            target.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** Failures older than the lock time no longer count; a lock ends when its time is up. */
    private boolean expired(Failures f, Instant now) {
        return f.lockedUntil() != null ? !now.isBefore(f.lockedUntil()) : !now.isBefore(f.since().plus(lock));
    }
}
