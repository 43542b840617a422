package org.medfund.web.crossregion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * guizhou-2017 附件一 三 on the 异地就医清算 page and API, on the demo's 2026 Q1 clearing (demo step 735): the centre
 * sees every city's month and quarter clearing with vouchers and notices, a city only its own; the notices print as
 * page and PDF with the provincial special account the seed publishes; the 3260 answer uses the national spelling;
 * a 3261 file with bad lines is refused whole, every line named.
 */
@DatabaseTest
class ClearingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    LedgerAudit audit;

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("cp-" + org, org, Set.of(role)));
    }

    @BeforeEach
    void demo() {
        TestDemo.ensure(context);
    }

    @Test
    @DisplayName("附件一 三: the centre's clearing page, a city's view, the notices and the export")
    void page() throws Exception {
        String page = mvc.perform(get("/crossregion/clearing").param("year", "2026").param("quarter", "1")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("跨省异地就医费用月度清算")))
                .andExpect(content().string(containsString("贵阳市")))
                .andExpect(content().string(containsString("毕节市")))
                .andExpect(content().string(containsString("河南省")))
                .andExpect(content().string(containsString("省级已冲销市州预付金")))
                .andExpect(content().string(containsString("/ledger/520000-CENTRE/entries/")))
                .andExpect(content().string(containsString("黔人社厅通〔2017〕204号 附件一 三(一)")))
                .andExpect(content().string(containsString("<h2>清算办理事项（附件一时间表）</h2>")))
                .andExpect(content().string(containsString("<th>截止日期</th>")))
                .andReturn().getResponse().getContentAsString();
        org.assertj.core.api.Assertions.assertThat(page).doesNotContain("guizhou-2017");
        mvc.perform(get("/crossregion/clearing").param("year", "2026").param("quarter", "1")
                        .with(user(as("520500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("毕节市")))
                .andExpect(content().string(not(containsString("贵阳市</td>"))));
        // henan-2023 四(一): Henan's centre clears by the national file and its monthly clearing, so no 3261 buttons.
        mvc.perform(get("/crossregion/clearing").param("year", "2025").param("quarter", "3")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("跨省清算</button>"))))
                .andExpect(content().string(not(containsString("/crossregion/clearing/quarters/"))))
                .andExpect(content().string(not(containsString("/crossregion/clearing/months/"))));
        String notice = "/crossregion/clearing/CRC-2026-03-P-520100-410000/notice";
        mvc.perform(get(notice).with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("贵州省跨省异地就医费用付款通知书")))
                .andExpect(content().string(containsString("2402002129014452854-000000008")));
        mvc.perform(get(notice + ".pdf").with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"));
        mvc.perform(get(notice).with(user(as("520500-AGENCY", Role.CLERK))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/crossregion/clearing/CRI-520500-2026Q1/detail").with(user(as("520500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("省内异地就医费用清算明细")));
        mvc.perform(get("/crossregion/clearing/CRI-520500-2026Q1/notice").with(user(as("520500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("省内异地就医费用清算拨付通知书")));
        mvc.perform(get("/crossregion/clearing/CRI-520500-2026Q1/detail.xlsx")
                        .with(user(as("520500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk());
        mvc.perform(get("/crossregion/clearing.xlsx").param("year", "2026").param("quarter", "1")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("xlsx")));
        audit.assertSound();
    }

    @Test
    @DisplayName("3260 in the national spelling; a 3261 file is all or nothing with every bad line named")
    void messages() throws Exception {
        mvc.perform(get("/api/crossregion/clearing/details").param("trt_year", "2026").param("trt_month", "3")
                        .param("mdtrtarea_admvs", "410000").param("insuplc_admdvs", "520100")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recordCounts").isNumber())
                .andExpect(jsonPath("$.data[0].seqno").value("1"))
                .andExpect(jsonPath("$.data[0].setl_sn").isString())
                .andExpect(jsonPath("$.data[0].optins_pay_sumamt").isString())
                .andExpect(jsonPath("$.data[0].cnfm_flag").value("1"));
        mvc.perform(get("/api/crossregion/clearing/details").param("trt_year", "2026").param("trt_month", "3")
                        .param("mdtrtarea_admvs", "410000").param("insuplc_admdvs", "520100")
                        .with(user(as("520100-AGENCY", Role.CLERK))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/crossregion/clearing/confirmations/import").with(csrf())
                        .with(user(as("520000-CENTRE", Role.CLERK)))
                        .header(Idempotency.HEADER, "cp-import-" + System.nanoTime())
                        .param("trt_year", "2026").param("trt_month", "6").param("mdtrtarea_admvs", "410000")
                        .param("insuplc_admdvs", "520100").param("msgid", "cp-bad-" + System.nanoTime())
                        .param("date", "2026-07-09")
                        .contentType(MediaType.valueOf("text/csv"))
                        .content("setl_sn,cnfm_flag\nCRS-NONE,1\nCRS-NONE-2,9\n"))
                .andExpect(status().is4xxClientError())
                .andExpect(jsonPath("$.code").value("crossregion.clearing-file-invalid"))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[1].field").value("cnfm_flag"));
        mvc.perform(post("/api/crossregion/clearing/rollbacks").with(csrf())
                        .with(user(as("520000-CENTRE", Role.CLERK)))
                        .header(Idempotency.HEADER, "cp-rollback-" + System.nanoTime())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"trt_year": 2026, "trt_month": 3, "mdtrtarea_admvs": "410000",
                                 "insuplc_admdvs": "520100", "otransid": "0", "date": "2026-04-20"}"""))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("crossregion.clearing-closed"));
    }
}
