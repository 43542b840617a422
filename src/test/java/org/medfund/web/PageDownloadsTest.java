package org.medfund.web;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.Ledger;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.util.HtmlUtils;

/**
 * Staff sign in with a session, and {@code /api/**} honours bearer tokens only: every download a staff page links to
 * must therefore work with the login session alone. This signs in through the real form, follows each .xlsx/.csv
 * link (and GET form) on the pages and expects a file, never a 401 or a redirect to the login page.
 */
@DatabaseTest
class PageDownloadsTest {

    private static final Pattern DOWNLOAD = Pattern.compile("(?:href|action)=\"([^\"]+\\.(?:xlsx|csv)[^\"]*)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    Ledger ledger;

    private MockHttpSession login(String orgCode, Role role) throws Exception {
        String username = "dl" + System.nanoTime() % 1_000_000;
        String password = users.create(new UserAccount(username, "下载测试", orgCode, Set.of(role), true), null);
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(password)).andReturn();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    private List<String> downloads(MockHttpSession session, String page) throws Exception {
        MvcResult result = mvc.perform(get(page).session(session)).andReturn();
        assertThat(result.getResponse().getStatus()).as(page).isEqualTo(200);
        Matcher m = DOWNLOAD.matcher(result.getResponse().getContentAsString());
        List<String> links = new ArrayList<>();
        while (m.find()) {
            links.add(HtmlUtils.htmlUnescape(m.group(1)));
        }
        return links;
    }

    /** What staff would type into the GET forms that lead to a download. */
    private static String formInput(String action) {
        if (action.endsWith("/settlements/export.xlsx")) {
            return "?period=2025-01&hospital=H41150200001";
        }
        return action.contains("/payment-file.") ? "?date=2025-01-20" : "";
    }

    @Test
    @DisplayName("each download linked from the ledger, settlement and prepayment pages works with the session")
    void pageDownloadsUseTheSession() throws Exception {
        ledger.openBook(TestOrgs.AGENCY);
        MockHttpSession session = login(TestOrgs.AGENCY, Role.CLERK);
        String[] pages = {"/ledger/" + TestOrgs.AGENCY + "/trial-balance?period=2025-01",
            "/ledger/" + TestOrgs.AGENCY + "/journal?period=2025-01",
            "/ledger/" + TestOrgs.AGENCY + "/balances?account=1211.01",
            "/ledger/" + TestOrgs.AGENCY + "/detail?account=1004&from=2025-01&to=2025-01",
            "/settlements?period=2025-01", "/prepayments", "/prepayments/disclosure?year=2025"};
        List<String> followed = new ArrayList<>();
        for (String page : pages) {
            for (String link : downloads(session, page)) {
                String url = link.contains("?") ? link : link + formInput(link);
                int status = mvc.perform(get(url).session(session)).andReturn().getResponse().getStatus();
                assertThat(status).as(page + " → " + url).isEqualTo(200);
                followed.add(url);
            }
        }
        assertThat(followed).anyMatch(u -> u.startsWith("/ledger/") && u.contains("trial-balance.xlsx"))
                .anyMatch(u -> u.startsWith("/settlements/reconciliations.xlsx"))
                .anyMatch(u -> u.startsWith("/settlements/export.xlsx"))
                .noneMatch(u -> u.startsWith("/api/"));
        // The API itself ignores the session cookie: the same file by /api needs a bearer token.
        assertThat(mvc.perform(get("/api/reconciliations.xlsx").session(session)).andReturn().getResponse()
                .getStatus()).isEqualTo(401);
    }
}
