package org.medfund.web.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.users.Users;
import org.medfund.web.MedfundUser;
import org.medfund.web.TestUsers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Issue 13, "create users and reset passwords on the admin page": an administrator creates a user of an organisation
 * in its scope and sees the generated password once; the new user signs in with it; a reset gives a new password and
 * the old one stops working; a refused form (out of scope, bad name, duplicate) stays on the page with the reason;
 * a clerk, and an auditor holding the admin role, are refused.
 */
@DatabaseTest
class UserAdminPageTest {

    private static final Pattern PASSWORD = Pattern.compile("<code class=\"password\">([^<]+)</code>");

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;

    private final MedfundUser admin = MedfundUser.of(new Actor("upa-admin", "411500-AGENCY", Set.of(Role.ADMIN)));

    private String submit(MockHttpServletRequestBuilder form, MedfundUser who) throws Exception {
        return submit(form, who, 200);
    }

    /** A refused form answers with the refusal's status (so the audit log records it), showing the page again. */
    private String submit(MockHttpServletRequestBuilder form, MedfundUser who, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(form.with(user(who)).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static String password(String page) {
        Matcher m = PASSWORD.matcher(page);
        assertThat(m.find()).as("the page shows the generated password").isTrue();
        return m.group(1);
    }

    @Test
    @DisplayName("issue 13: create a user on the page; it signs in with the password shown once")
    void createUser() throws Exception {
        String name = "upa" + System.nanoTime() % 1_000_000;
        String page = submit(post("/admin/users").param("username", name).param("displayName", "页面新建")
                .param("orgCode", "411521-AGENCY").param("roles", "CLERK", "REVIEWER"), admin);
        assertThat(page).contains("已创建用户 " + name);
        String secret = password(page);
        assertThat(users.find(name).orElseThrow().roles()).containsExactlyInAnyOrder(Role.CLERK, Role.REVIEWER);
        mvc.perform(formLogin("/login").user(name).password(secret)).andExpect(authenticated());
        assertThat(submit(get("/admin/users"), admin)).doesNotContain(secret);
    }

    @Test
    @DisplayName("issue 13: reset a password on the page: the new one works, the old one no longer does")
    void resetPassword() throws Exception {
        String name = "upr" + System.nanoTime() % 1_000_000;
        String old = users.create(new org.medfund.users.UserAccount(name, "重置", "411500-AGENCY", Set.of(Role.CLERK),
                true), null);
        String fresh = password(submit(post("/admin/users/" + name + "/password"), admin));
        assertThat(fresh).isNotEqualTo(old);
        mvc.perform(formLogin("/login").user(name).password(old)).andExpect(unauthenticated());
        mvc.perform(formLogin("/login").user(name).password(fresh)).andExpect(authenticated());
    }

    @Test
    @DisplayName("issue 13: refused forms stay on the page with the reason; outsiders cannot reach the forms")
    void refusals() throws Exception {
        String outside = submit(post("/admin/users").param("username", "upa-out").param("displayName", "外市")
                .param("orgCode", "410400-AGENCY").param("roles", "CLERK"), admin, 403);
        assertThat(outside).contains("未办理：", "不在本机构管理范围内").contains("value=\"upa-out\"");
        assertThat(users.find("upa-out")).isEmpty();
        assertThat(submit(post("/admin/users").param("username", "Bad Name").param("displayName", "x")
                .param("orgCode", "411500-AGENCY").param("roles", "CLERK"), admin, 422)).contains("用户名须为");
        assertThat(submit(post("/admin/users").param("username", "upa-noroles").param("displayName", "x")
                .param("orgCode", "411500-AGENCY"), admin, 422)).contains("至少需要一个角色");
        TestUsers.ensure(users, "upa-foreign", "410400-AGENCY", Role.CLERK);
        assertThat(submit(post("/admin/users/upa-foreign/password"), admin, 403)).contains("不在本机构管理范围内")
                .doesNotContain("class=\"password\"");
        MedfundUser clerk = MedfundUser.of(new Actor("upa-clerk", "411500-AGENCY", Set.of(Role.CLERK)));
        assertThat(mvc.perform(post("/admin/users/upa-foreign/password").with(user(clerk)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        MedfundUser auditorAdmin = MedfundUser.of(new Actor("upa-aud", "411500-AGENCY",
                Set.of(Role.AUDITOR, Role.ADMIN)));
        assertThat(mvc.perform(post("/admin/users").param("username", "upa-by-auditor").param("displayName", "x")
                .param("orgCode", "411500-AGENCY").param("roles", "CLERK").with(user(auditorAdmin)).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(users.find("upa-by-auditor")).isEmpty();
    }
}
