package org.medfund.web.crossregion;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Bank items over HTTP (guizhou-2017 五(三)): a bank fee booked to the fund is refused as problem+json naming the
 * field in Chinese; registered outside the fund it is listed; another organisation cannot record on the account;
 * interest answers the fund it went to. The page shows both lists and exports them.
 */
@DatabaseTest
class BankItemApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    LedgerAudit audit;

    private final MedfundUser finance = MedfundUser.of(new Actor("cbi-f", "522700-FINANCE", Set.of(Role.FINANCE)));
    private final MedfundUser other = MedfundUser.of(new Actor("cbi-o", "520100-FINANCE", Set.of(Role.FINANCE)));

    private ResultActions postJson(String path, MedfundUser as, String key, String body) throws Exception {
        return mvc.perform(post(path).with(user(as)).contentType(MediaType.APPLICATION_JSON)
                .header(Idempotency.HEADER, key).content(body));
    }

    private static String fee(boolean toFund) {
        return """
                {"accountId":"522700-FINANCE-SPECIAL","kind":"BANK_FEE","amount":"0.01","chargedOn":"2026-07-20",
                 "voucherNo":"QN-FEE-1","memo":"汇划手续费","chargeToFund":%s}""".formatted(toFund);
    }

    @Test
    @DisplayName("guizhou-2017 五(三): booking a bank fee to the fund is a 4xx problem naming the field")
    void feeToTheFundIsRefused() throws Exception {
        postJson("/api/crossregion/bank-charges", finance, "cbi-1", fee(true))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("crossregion.bank-fee-not-fund"))
                .andExpect(jsonPath("$.field").value("chargeToFund"))
                .andExpect(jsonPath("$.detail").value("银行手续费不得在基金中列支（黔人社厅通〔2017〕204号 五(三)），"
                        + "只能在基金账外登记"));
        postJson("/api/crossregion/bank-charges", other, "cbi-2", fee(false)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("crossregion.account-holder-only"));
        postJson("/api/crossregion/bank-charges", finance, "cbi-3", fee(false)).andExpect(status().isCreated())
                .andExpect(jsonPath("$.kindLabel").value("银行手续费")).andExpect(jsonPath("$.amount").value("0.01"));
        mvc.perform(get("/api/crossregion/bank-charges?from=2026-07-01&to=2026-07-31").with(user(finance)))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].voucherNo").value("QN-FEE-1"));
        mvc.perform(get("/api/crossregion/bank-charges?from=2026-07-01&to=2026-07-31").with(user(other)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        postJson("/api/crossregion/bank-interest", finance, "cbi-4", """
                {"accountId":"522700-FINANCE-SPECIAL","amount":"3.21","receivedOn":"2026-06-21",
                 "voucherNo":"QN-INT-1"}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.ownerName").value("黔南布依族苗族自治州"))
                .andExpect(jsonPath("$.posted").value(true));
        mvc.perform(get("/crossregion/bank?from=2026-06-01&to=2026-07-31").with(user(finance)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("银行收费登记簿（基金账外）")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("黔南布依族苗族自治州基金")));
        mvc.perform(get("/crossregion/bank/charges.xlsx?from=2026-07-01&to=2026-07-31").with(user(finance)))
                .andExpect(status().isOk());
        audit.assertSound();
    }
}
