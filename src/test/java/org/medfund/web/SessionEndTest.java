package org.medfund.web;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Issue 11 #4 and #7: a disabled user's session and tokens end at once and stay ended after re-enabling; logins
 * are locked per username and address after five failures, with a Chinese message, even for the right password;
 * every login, refused login and logout is in the audit log.
 */
@DatabaseTest
class SessionEndTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private String[] newUser(Role role) {
        String username = "se" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
        String password = users.create(new UserAccount(username, "测试 " + username, TestOrgs.AGENCY, Set.of(role),
                true), null);
        return new String[] {username, password};
    }

    private MockHttpSession login(String[] user) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin("/login").user(user[0]).password(user[1]))
                .andExpect(authenticated().withUsername(user[0]))
                .andReturn().getRequest().getSession(false);
    }

    /** A login form post from an address. */
    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder attempt(
            String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    @DisplayName("issue 11 #4: disabling a user ends its open session at once; re-enabling does not revive it")
    void disabledSessionEnds() throws Exception {
        String[] clerk = newUser(Role.CLERK);
        MockHttpSession session = login(clerk);
        mvc.perform(get("/").session(session)).andExpect(status().isOk());
        users.setEnabled(clerk[0], false);
        mvc.perform(get("/ledger").session(session)).andExpect(redirectedUrl(SessionCheck.ENDED_URL));
        assertThat(session.isInvalid()).isTrue();
        users.setEnabled(clerk[0], true);
        MockHttpSession sameCookie = new MockHttpSession(null, session.getId());
        mvc.perform(get("/").session(sameCookie)).andExpect(status().is3xxRedirection());
        // A state change through the old session is refused too (it never reaches the controller).
        MockHttpSession second = login(clerk);
        users.setEnabled(clerk[0], false);
        mvc.perform(post("/settlements/upload").param("requestId", "r").with(csrf()).session(second))
                .andExpect(redirectedUrl(SessionCheck.ENDED_URL));
        users.setEnabled(clerk[0], true);
        mvc.perform(get("/").session(login(clerk))).andExpect(status().isOk());
        mvc.perform(get("/login").param("ended", "")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("您的登录已失效")));
    }

    @Test
    @DisplayName("issue 11 #4: a password reset ends the sessions opened with the old password")
    void passwordResetEndsSessions() throws Exception {
        String[] clerk = newUser(Role.CLERK);
        MockHttpSession session = login(clerk);
        users.resetPassword(clerk[0]);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl(SessionCheck.ENDED_URL));
    }

    @Test
    @DisplayName("issue 11 #4: disabling revokes the user's API tokens; re-enabling does not revive them")
    void disabledTokensStayRevoked() throws Exception {
        String[] hospitalSystem = newUser(Role.CLERK);
        String token = users.issueToken(hospitalSystem[0], "HIS");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        users.setEnabled(hospitalSystem[0], false);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.token-invalid"));
        users.setEnabled(hospitalSystem[0], true);
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        String fresh = users.issueToken(hospitalSystem[0], "HIS");
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + fresh)).andExpect(status().isOk());
    }

    @Test
    @DisplayName("issue 11 #7: five failures lock username+address; the right password is refused, other addresses not")
    void loginThrottled() throws Exception {
        String[] clerk = newUser(Role.CLERK);
        for (int i = 0; i < 4; i++) {
            mvc.perform(attempt(clerk[0], "wrong-" + i, "10.0.0.7"))
                    .andExpect(unauthenticated()).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(attempt(clerk[0], "wrong-5", "10.0.0.7"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl(LoginThrottle.LOCKED_URL));
        mvc.perform(attempt(clerk[0], clerk[1], "10.0.0.7"))
                .andExpect(unauthenticated()).andExpect(redirectedUrl(LoginThrottle.LOCKED_URL));
        mvc.perform(attempt(clerk[0].toUpperCase(), clerk[1], "10.0.0.7"))
                .andExpect(unauthenticated());
        mvc.perform(attempt(clerk[0], clerk[1], "10.0.0.8"))
                .andExpect(authenticated().withUsername(clerk[0]));
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("登录失败次数过多")));
    }

    @Test
    @DisplayName("issue 11 #7: the lock ends after its time; a success clears the count; failures age out")
    void lockTime() {
        Instant[] now = {Instant.parse("2025-06-01T08:00:00Z")};
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            public Instant instant() {
                return now[0];
            }
        };
        LoginThrottle throttle = new LoginThrottle(clock, null, 5, Duration.ofMinutes(15));
        for (int i = 0; i < 5; i++) {
            throttle.failed("clerk", "10.0.0.1");
        }
        assertThat(throttle.locked("clerk", "10.0.0.1")).isTrue();
        now[0] = now[0].plus(Duration.ofMinutes(14));
        assertThat(throttle.locked("clerk", "10.0.0.1")).isTrue();
        now[0] = now[0].plus(Duration.ofMinutes(1));
        assertThat(throttle.locked("clerk", "10.0.0.1")).isFalse();
        throttle.failed("clerk", "10.0.0.1");
        assertThat(throttle.locked("clerk", "10.0.0.1")).isFalse();
        for (int i = 0; i < 3; i++) {
            throttle.failed("clerk", "10.0.0.1");
        }
        throttle.succeeded("clerk", "10.0.0.1");
        throttle.failed("clerk", "10.0.0.1");
        assertThat(throttle.locked("clerk", "10.0.0.1")).isFalse();
        // Four failures spread over more than the lock time never lock.
        for (int i = 0; i < 8; i++) {
            now[0] = now[0].plus(Duration.ofMinutes(8));
            throttle.failed("spread", "10.0.0.1");
        }
        assertThat(throttle.locked("spread", "10.0.0.1")).isFalse();
    }

    @Test
    @DisplayName("logins and logouts are audited: a wrong password as DENIED with the user's organisation, the failure "
            + "that locks as auth.login-locked, a login and a logout as DONE; not an unknown username, not attempts "
            + "while locked (anyone could fill the log with them); no password is kept")
    void loginsAudited() throws Exception {
        String[] clerk = newUser(Role.CLERK);
        String address = "10.9.8." + SEQUENCE.incrementAndGet() % 250;
        mvc.perform(attempt(clerk[0], clerk[1] + "x", address)).andExpect(redirectedUrl("/login?error"));
        String unknown = "nobody-" + clerk[0];
        mvc.perform(attempt(unknown, "whatever", address)).andExpect(redirectedUrl("/login?error"));
        MockHttpSession session = login(clerk);
        mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?logout"));
        for (int i = 0; i < 6; i++) {
            mvc.perform(attempt(clerk[0], "wrong", address));
        }
        mvc.perform(attempt(clerk[0], clerk[1], address)).andExpect(redirectedUrl(LoginThrottle.LOCKED_URL));

        String failed = "PAGE POST /login /login DENIED 401 auth.login-failed 密码错误 " + TestOrgs.AGENCY;
        assertThat(rows(clerk[0])).containsExactly(failed,
                "PAGE POST /login /login DONE 302 null " + TestOrgs.AGENCY,
                "PAGE POST /logout /logout DONE 302 null " + TestOrgs.AGENCY,
                failed, failed, failed,
                // The fifth failure from the address locks the username there; what comes while locked is refused
                // before the password is checked, and not recorded.
                "PAGE POST /login /login DENIED 401 auth.login-locked 登录失败次数过多，该账号已暂停登录 "
                        + TestOrgs.AGENCY);
        assertThat(rows(unknown)).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_log where detail like :p or business_ids like :p")
                .param("p", "%" + clerk[1] + "%").query(Long.class).single()).isZero();
    }

    private java.util.List<String> rows(String username) {
        return jdbc.sql("select channel, command, target, outcome, status, detail, org_code from audit_log"
                        + " where username = :u order by id")
                .param("u", username).query((rs, n) -> String.join(" ", rs.getString(1), rs.getString(2),
                        rs.getString(3), rs.getString(4), String.valueOf(rs.getInt(5)), rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
