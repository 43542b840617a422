package org.medfund.web.crossregion;

import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The discharge desk over HTTP (guizhou-2017 三(二), 四(二)): national field names in and out, preview without a key,
 * settle once per Idempotency-Key and setl_id, refusals as problem+json with a stable code and the field.
 */
@DatabaseTest
class CrossregionApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private final MedfundUser centre = MedfundUser.of(new Actor("cra-ha", "410000-CENTRE", Set.of(Role.CLERK)));
    private final MedfundUser guiyang = MedfundUser.of(new Actor("cra-gy", "520100-AGENCY", Set.of(Role.CLERK)));

    private ResultActions postJson(String path, MedfundUser as, String key, String body) throws Exception {
        var request = post(path).with(user(as)).contentType(MediaType.APPLICATION_JSON).content(body);
        return mvc.perform(key == null ? request : request.header(Idempotency.HEADER, key));
    }

    private static String bill(String setlId, String card, String lines) {
        return """
                {"setl_id":"%s","mdtrt_cert_no":"%s","insuplc_admdvs":"520100","insutype":"310",
                 "setl_date":"2026-03-02","acct_used_flag":"0","fee_lines":[%s]}""".formatted(setlId, card, lines);
    }

    private static final String LINES = """
            {"med_chrgitm_type":"01","chrgitm_lv":"01","det_item_fee_sumamt":"2000.00"},
            {"med_chrgitm_type":"09","chrgitm_lv":"02","det_item_fee_sumamt":"1000.05","selfpay_prop":"0.1"},
            {"med_chrgitm_type":"08","chrgitm_lv":"03","det_item_fee_sumamt":"300.00"}""";

    @Test
    @DisplayName("guizhou-2017 四(二): preview and settle answer fund, account and cash pay with the derivation")
    void dischargeDesk() throws Exception {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）接口定点");
        MedfundUser hospital = MedfundUser.of(new Actor("cra-h-" + code, code, Set.of(Role.HOSPITAL)));
        String card = "52API" + code.substring(code.length() - 5);
        postJson("/api/crossregion/benefit-rules", guiyang, "rule-" + code, """
                {"insuredRegionCode":"520100","insuranceType":"310","year":2026,"annualCap":"150000.00",
                 "grades":[{"grade":1,"deductible":"300.00","ratio":0.95},{"grade":2,"deductible":"600.00","ratio":0.9},
                 {"grade":3,"deductible":"900.00","ratio":0.85}]}""").andExpect(status().isOk());
        postJson("/api/crossregion/filings", guiyang, "file-" + code, """
                {"cardNo":"%s","personName":"接口测试","insuredRegionCode":"520100","insuranceType":"310",
                 "type":"RESETTLED_RETIREE","targetRegionCode":"410000","validFrom":"2026-01-01"}""".formatted(card))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.typeLabel").value("异地安置退休人员"));

        postJson("/api/crossregion/settlements/preview", hospital, null, bill("A1", card, LINES))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("crossregion.hospital-not-designated"))
                .andExpect(jsonPath("$.field").value("fixmedins_code"));
        postJson("/api/crossregion/designations", hospital, "d-" + code,
                "{\"hospitalCode\":\"" + code + "\",\"effectiveFrom\":\"2026-01-01\"}")
                .andExpect(status().isForbidden());
        postJson("/api/crossregion/designations", centre, "d-" + code,
                "{\"hospitalCode\":\"" + code + "\",\"effectiveFrom\":\"2026-01-01\"}")
                .andExpect(status().isCreated());

        postJson("/api/crossregion/settlements/preview", hospital, null, bill("A1", card, LINES))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("PREVIEW"))
                .andExpect(jsonPath("$.medfee_sumamt").value("3300.05"))
                .andExpect(jsonPath("$.fund_pay_sumamt").value("1700.04"))
                .andExpect(jsonPath("$.acct_pay").value("0.00"))
                .andExpect(jsonPath("$.psn_cash_pay").value("1600.01"))
                .andExpect(jsonPath("$.lines[1].preselfpay_amt").value("100.005"))
                .andExpect(jsonPath("$.derivations", hasSize(8)))
                .andExpect(jsonPath("$.derivations[5].citation").value(containsString("guizhou-2017")))
                .andExpect(jsonPath("$.derivations[5].citation").value(containsString("四(二)")));

        postJson("/api/crossregion/settlements", hospital, null, bill("A1", card, LINES))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("request.idempotency-key-missing"));
        postJson("/api/crossregion/settlements", hospital, "k-A1", bill("A1", card, LINES))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.state").value("SETTLED"))
                .andExpect(jsonPath("$.stateLabel").value("已结算"));
        postJson("/api/crossregion/settlements", hospital, "k-A1", bill("A1", card, LINES))
                .andExpect(status().isCreated()).andExpect(header().string(Idempotency.REPLAYED_HEADER, "true"));
        // A new key for the same setl_id answers the same settlement; another bill under it is a conflict.
        postJson("/api/crossregion/settlements", hospital, "k-A1-retry", bill("A1", card, LINES))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.fund_pay_sumamt").value("1700.04"));
        postJson("/api/crossregion/settlements", hospital, "k-A1-other", bill("A1", card,
                "{\"med_chrgitm_type\":\"01\",\"chrgitm_lv\":\"01\",\"det_item_fee_sumamt\":\"1.00\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("crossregion.setl-id-reused"));

        mvc.perform(get("/api/crossregion/settlements/A1").with(user(hospital)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.psn_cash_pay").value("1600.01"));
        postJson("/api/crossregion/settlements/A1/reversal", hospital, "rev-A1", "{\"date\":\"2026-03-03\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.stateLabel").value("已冲正"));
        mvc.perform(get("/api/crossregion/filings").param("card", card).with(user(hospital)))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    @DisplayName("bad fee lines are 4xx problems naming the field, never a 500")
    void badInput() throws Exception {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）接口校验");
        MedfundUser hospital = MedfundUser.of(new Actor("cra-v-" + code, code, Set.of(Role.HOSPITAL)));
        postJson("/api/crossregion/settlements/preview", hospital, null, bill("B1", "52X1",
                "{\"med_chrgitm_type\":\"99\",\"chrgitm_lv\":\"01\",\"det_item_fee_sumamt\":\"1.00\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("crossregion.fee-category-unknown"))
                .andExpect(jsonPath("$.field").value("fee_lines[0].med_chrgitm_type"));
        postJson("/api/crossregion/settlements/preview", hospital, null, bill("B1", "52X1",
                "{\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"02\",\"det_item_fee_sumamt\":\"1.00\",\"selfpay_prop\":1.5}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("fee_lines[0].selfpay_prop"));
        postJson("/api/crossregion/settlements/preview", hospital, null, bill("B1", "52X1",
                "{\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"01\",\"det_item_fee_sumamt\":\"-1.00\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("fee_lines[0].det_item_fee_sumamt"));
        postJson("/api/crossregion/settlements/preview", hospital, null, bill("B1", "52X1",
                "{\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"01\",\"det_item_fee_sumamt\":\"100000000.01\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.field").value("fee_lines[0].det_item_fee_sumamt"));
        postJson("/api/crossregion/settlements/preview", hospital, null, bill("B1", "52X1",
                "{\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"01\",\"det_item_fee_sumamt\":\"1.001\"}"))
                .andExpect(status().is4xxClientError());
        postJson("/api/crossregion/settlements/preview", hospital, null, "{\"setl_id\":")
                .andExpect(status().isBadRequest());
        postJson("/api/crossregion/settlements/preview", guiyang, null, bill("B1", "52X1", LINES))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("crossregion.hospital-only"));
        mvc.perform(post("/api/crossregion/filings/import").with(user(centre)).header(Idempotency.HEADER, "imp-bad")
                        .contentType("text/csv").content("filing_id,card_no\n1,2\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("crossregion.filing-file-invalid"))
                .andExpect(jsonPath("$.errors[0].line").value(1));
    }
}
