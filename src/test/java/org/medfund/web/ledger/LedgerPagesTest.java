package org.medfund.web.ledger;

import org.medfund.web.MedfundUser;
import org.medfund.web.TestOrgs;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Ledger statements as pages, JSON and xlsx for the book's own organisation; other cities' agencies and hospitals
 * are refused (403, {@code ledger.out-of-scope}).
 */
@DatabaseTest
class LedgerPagesTest {

    private static final String BOOK = TestOrgs.AGENCY;
    private static final String HOSPITAL = "H41150200001";

    @Autowired
    MockMvc mvc;

    @Autowired
    Ledger ledger;

    @BeforeEach
    void postings() {
        LocalDate date = LocalDate.of(2019, 7, 15);
        // Interest only: prepayment and settlement tests check their registers against this real book's 暂付款
        // and 待遇支出, so this test leaves those accounts alone.
        ledger.post(new BusinessEvent("interest.received", "ledger-pages-interest", date, YearMonth.of(2019, 7),
                Money.ofYuan("1234567.89"), Map.of("agency", BOOK), null, "bank-slip", "B-2019-1", null,
                "henan-2023", "利息收入"));
    }

    private static RequestPostProcessor as(String orgCode, Role role) {
        return user(MedfundUser.of(new Actor("ledger-test", orgCode, Set.of(role))));
    }

    @Test
    @DisplayName("trial balance page: 利息收入 with the posted amount, debit and credit totals equal")
    void trialBalancePage() throws Exception {
        mvc.perform(get("/ledger/" + BOOK + "/trial-balance").param("period", "2019-07").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("科目余额表")))
                .andExpect(content().string(Matchers.containsString("利息收入")))
                .andExpect(content().string(Matchers.containsString("1,234,567.89")))
                .andExpect(content().string(Matchers.containsString("借贷平衡")));
        mvc.perform(get("/ledger").with(as(BOOK, Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(BOOK)));
    }

    @Test
    @DisplayName("detail ledger, balances by counterparty and journal pages")
    void detailAndBalances() throws Exception {
        mvc.perform(get("/ledger/" + BOOK + "/detail").param("account", "4201").param("from", "2019-07")
                        .param("to", "2019-07").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("明细账")))
                .andExpect(content().string(Matchers.containsString("利息收入")))
                .andExpect(content().string(Matchers.containsString("1,234,567.89")));
        mvc.perform(get("/api/ledger/books/" + BOOK + "/balances").param("account", "1002")
                        .param("asOf", "2019-07-31").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].balance.yuan").value("1234567.89"));
        mvc.perform(get("/ledger/" + BOOK + "/balances").param("account", "1211.01").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("往来余额")));
        mvc.perform(get("/ledger/" + BOOK + "/journal").param("period", "2019-07").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("interest.received")));
    }

    @Test
    @DisplayName("the book list's detail and balances links open on an account the book has (finance and agency)")
    void defaultAccounts() throws Exception {
        ledger.openBook("411500-FINANCE");
        mvc.perform(get("/ledger/411500-FINANCE/detail").with(as("411500-FINANCE", Role.FINANCE)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("财政专户存款")));
        mvc.perform(get("/ledger/411500-FINANCE/balances").with(as("411500-FINANCE", Role.FINANCE)))
                .andExpect(status().isOk());
        mvc.perform(get("/ledger/" + BOOK + "/detail").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("支出户存款")));
        mvc.perform(get("/ledger/" + BOOK + "/balances").with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("暂付款—医保预付金")));
    }

    @Test
    @DisplayName("API: trial balance as JSON and as xlsx; chain verifies")
    void api() throws Exception {
        mvc.perform(get("/api/ledger/books/" + BOOK + "/trial-balance").param("period", "2019-07")
                        .with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.balanced").value(true))
                .andExpect(jsonPath("$.period").value("2019-07"));
        mvc.perform(get("/api/ledger/books/" + BOOK + "/trial-balance.xlsx").param("period", "2019-07")
                        .with(as(BOOK, Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", Matchers.startsWith(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
        mvc.perform(get("/api/ledger/books/" + BOOK + "/verify").with(as(BOOK, Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    @DisplayName("issue 11 finding 5: the period's trial balance prints its close anchor on the page, in JSON and xlsx")
    void anchorsOnTrialBalance() throws Exception {
        // A book and a year no other test posts to: closing a period blocks later postings into it.
        String book = "130400-AGENCY";
        ledger.post(new BusinessEvent("interest.received", "ledger-pages-anchor", LocalDate.of(2018, 6, 20),
                YearMonth.of(2018, 6), Money.ofYuan("10.00"), Map.of("agency", book), null, null, null, null, null,
                "利息收入"));
        ledger.closePeriod(book, YearMonth.of(2018, 6));
        mvc.perform(get("/ledger/" + book + "/trial-balance").param("period", "2018-06").with(as(book, Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("锚点")))
                .andExpect(content().string(Matchers.containsString("结账锚点")));
        mvc.perform(get("/api/ledger/books/" + book + "/trial-balance").param("period", "2018-06")
                        .with(as(book, Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.anchors[0].reason").value("PERIOD_CLOSE"))
                .andExpect(jsonPath("$.anchors[0].period").value("2018-06"))
                .andExpect(jsonPath("$.anchors[0].seal").value(Matchers.matchesPattern("[0-9a-f]{64}")));
        byte[] xlsx = mvc.perform(get("/ledger/" + book + "/trial-balance.xlsx").param("period", "2018-06")
                        .with(as(book, Role.AUDITOR)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                found |= row.getCell(1) != null && "结账锚点".equals(row.getCell(1).toString());
            }
            org.assertj.core.api.Assertions.assertThat(found).as("close anchor row in the xlsx").isTrue();
        }
        mvc.perform(get("/api/ledger/books/" + book + "/verify").with(as(book, Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.anchors").value(Matchers.greaterThanOrEqualTo(1)));
    }

    @Test
    @DisplayName("another city's agency and a hospital may not see the book (403 ledger.out-of-scope)")
    void outOfScope() throws Exception {
        mvc.perform(get("/api/ledger/books/" + BOOK + "/trial-balance").param("period", "2019-07")
                        .with(as("410400-AGENCY", Role.CLERK)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ledger.out-of-scope"));
        mvc.perform(get("/api/ledger/books/" + BOOK + "/detail").param("account", "1211.01")
                        .with(as(HOSPITAL, Role.HOSPITAL)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/ledger/" + BOOK + "/trial-balance").with(as("410400-AGENCY", Role.CLERK)))
                .andExpect(status().isForbidden());
    }
}
