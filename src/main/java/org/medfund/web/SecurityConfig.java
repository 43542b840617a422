package org.medfund.web;

import org.medfund.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.medfund.common.AuditLog;
import org.medfund.registry.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two security chains. {@code /api/**}: stateless, no CSRF (no cookies are honoured, so there is nothing to
 * forge), {@code Authorization: Bearer <token>} for machine clients, every error an RFC 9457 problem (401 without
 * or with a bad token, 403 when a role lacks permission). Everything else: staff pages with form login at
 * {@code /login}, an HTTP session and CSRF protection; unauthenticated pages redirect to the login page.
 * In both chains a user holding {@link Role#AUDITOR} is read-only: any request other than GET/HEAD/OPTIONS is
 * refused with 403 (logging out excepted). Finer rules sit on the controllers (method security is on:
 * {@code @PreAuthorize("hasRole('ADMIN')")}) and in the capabilities' scope checks. Every authenticated
 * state-changing request, allowed or not, passes the {@link AuditTrailFilter} into the audit log. The OpenAPI
 * document and Swagger UI are public: they describe the open-source API, not data. Page sessions end as soon as their
 * user is disabled ({@link SessionCheck}); logins are throttled per username and address ({@link LoginThrottle}).
 *
 * <p>Tests authenticate without a password or token through Spring Security's test support, e.g.
 * <pre>{@code
 * import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
 * import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
 *
 * MedfundUser clerk = MedfundUser.of(new Actor("u1", "411500-AGENCY", Set.of(Role.CLERK)));
 * mvc.perform(get("/api/me").with(user(clerk))).andExpect(status().isOk());
 * mvc.perform(post("/api/...").with(user(clerk)).header(Idempotency.HEADER, "k1")
 *         .contentType(MediaType.APPLICATION_JSON).content("{...}"));
 * mvc.perform(post("/some/page/form").with(user(clerk)).with(csrf()));   // pages need the CSRF token
 * }</pre>
 * The organisation need not exist in the registry for the principal to work, but scope checks
 * ({@code Registry.canSeeOrg}) will only let it see what that organisation may see.
 *
 * <p>Only in a web context: CLI runs have no HTTP security (they act as the operator of the installation).
 */
@Configuration
@ConditionalOnWebApplication
@EnableMethodSecurity
class SecurityConfig {

    static final String[] PUBLIC_API = {"/api/openapi.json", "/api/openapi.json/**", "/api/docs",
        "/api/swagger-ui/**"};
    static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error"};

    @Bean
    UserDetailsService userDetailsService(Users users) {
        return username -> users.credentials(username).map(MedfundUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, Users users, Problems problems, AuditLog audit, Clock clock)
            throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new ApiTokenFilter(users, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new AuditTrailFilter(audit, clock), ExceptionTranslationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_API).permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.HEAD, "/api/**").authenticated()
                        .requestMatchers(HttpMethod.OPTIONS, "/api/**").authenticated()
                        .anyRequest().access(writer()))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            problems.write(request, response, 401, "auth.required", null,
                                    "需要登录或 API 令牌（Authorization: Bearer ...）");
                        })
                        .accessDeniedHandler((request, response, e) -> denied(problems, request, response)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageChain(HttpSecurity http, AuditLog audit, Clock clock, Users users, LoginThrottle throttle,
                                  LoginAudit logins) throws Exception {
        http.addFilterBefore(new AuditTrailFilter(audit, clock), ExceptionTranslationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers(HttpMethod.GET).authenticated()
                        .requestMatchers(HttpMethod.HEAD).authenticated()
                        .anyRequest().access(writer()))
                .addFilterBefore(new SessionCheck(users), AuthorizationFilter.class)
                .addFilterBefore(throttle.lockFilter(), UsernamePasswordAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login").successHandler(throttle.successHandler())
                        .failureHandler(throttle.failureHandler()).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll()
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof MedfundUser user) {
                                logins.loggedOut(user);
                            }
                        }));
        return http.build();
    }

    /**
     * A request Spring Security's firewall refuses (a NUL or other control character in the path, a malformed URL):
     * on the API a 400 problem like every other refusal, on pages the plain 400 error page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(Problems problems) {
        return (request, response, rejected) -> {
            if (ApiExceptionResolver.isApi(request)) {
                problems.write(request, response, 400, "request.invalid-value", "path",
                        "请求路径含有控制字符或无效编码");
            } else {
                response.sendError(400);
            }
        };
    }

    /** Authenticated and not an auditor: the rule for every state-changing request (auditors are read-only). */
    private static AuthorizationManager<RequestAuthorizationContext> writer() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.AUDITOR.name())));
    }

    private static void denied(Problems problems, HttpServletRequest request,
                               jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean auditor = authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.AUDITOR.name()).equals(a.getAuthority()));
        if (auditor && !HttpMethod.GET.matches(request.getMethod())) {
            problems.write(request, response, 403, "auth.read-only", null, "审计角色只能查看，不能修改数据");
        } else {
            problems.write(request, response, 403, "auth.forbidden", null, "无权执行此操作");
        }
    }
}
