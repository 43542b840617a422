package org.medfund.web.crossregion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * guizhou-2017 附件一 三(一), henan-2023 四(一) on the 全国跨省异地就医清算收付 page and API, on the demo's June 2026
 * (demo step 760): the centre sees every city's lines with derivations and vouchers, a city only its own; the
 * 收款通知书 prints as page and PDF with each line's vouchers and the provincial special account; Henan's lines show
 * the insurance type; a hospital sees nothing; bad input names the field.
 */
@DatabaseTest
class NationalClearingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("ncp-" + org, org, Set.of(role)));
    }

    @BeforeEach
    void demo() {
        TestDemo.ensure(context);
    }

    @Test
    @DisplayName("附件一 三(一): the centre's page, a city's view, the 收款通知书 with vouchers, PDF and xlsx")
    void guizhou() throws Exception {
        mvc.perform(get("/crossregion/national/clearing").param("month", "2026-06")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("贵阳市")))
                .andExpect(content().string(containsString("遵义市")))
                .andExpect(content().string(containsString("河北省")))
                .andExpect(content().string(containsString("就医地已确认到账")))
                .andExpect(content().string(containsString("/ledger/520000-CENTRE/entries/")))
                .andExpect(content().string(containsString("/ledger/520100-AGENCY/entries/")))
                .andExpect(content().string(containsString("黔人社厅通〔2017〕204号 附件一 三(一)")))
                .andExpect(content().string(not(containsString("guizhou-2017"))));
        mvc.perform(get("/crossregion/national/clearing").param("month", "2026-06")
                        .with(user(as("520300-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("遵义市")))
                .andExpect(content().string(not(containsString("贵阳市</td>"))));
        String notice = "/crossregion/national/clearing/notice";
        mvc.perform(get(notice).param("month", "2026-06").param("city", "520100").param("direction", "INBOUND")
                        .with(user(as("520100-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("贵州省跨省异地就医费用收款通知书")))
                .andExpect(content().string(containsString("18,249.35 元（大写：壹万捌仟贰佰肆拾玖元叁角伍分）")))
                .andExpect(content().string(containsString("/ledger/520100-AGENCY/entries/")))
                .andExpect(content().string(containsString("2402002129014452854-000000008")));
        mvc.perform(get(notice + ".pdf").param("month", "2026-06").param("city", "520100")
                        .param("direction", "INBOUND").with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(MediaType.APPLICATION_PDF));
        mvc.perform(get(notice).param("month", "2026-06").param("city", "520100").param("direction", "INBOUND")
                        .with(user(as("520300-AGENCY", Role.CLERK))))
                .andExpect(status().isNotFound());
        mvc.perform(get(notice).param("month", "2026-06").param("city", "520100").param("direction", "SIDEWAYS")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().is(422));
        mvc.perform(get("/crossregion/national/clearing.xlsx").param("month", "2026-06")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk());
    }

    @Test
    @DisplayName("henan-2023 四(一): lines per insurance type over the API; a hospital sees none; bad input names the field")
    void henanApi() throws Exception {
        mvc.perform(get("/api/crossregion/national/clearings").param("month", "2026-06")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == 'NCL-2026-06-P-410400-130000-390')].insuranceTypeName")
                        .value("城乡居民基本医疗保险"))
                .andExpect(jsonPath("$[?(@.id == 'NCL-2026-06-P-410400-130000-390')].stateLabel")
                        .value("已完成资金划拨"))
                .andExpect(jsonPath("$[?(@.id == 'NCL-2026-06-R-411500-520000-390')].derivation.citation")
                        .value("henan-2023 v1, henan-2023 四(一)"));
        mvc.perform(get("/api/crossregion/national/clearings").param("month", "2026-06")
                        .with(user(as("H41150200001", Role.HOSPITAL))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/crossregion/national/clearing").param("month", "2026-06")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("豫财社〔2023〕178号 四(一)")))
                .andExpect(content().string(containsString("职工基本医疗保险")));
        // The funding page shows June's cross-province money in July, each line with its vouchers.
        mvc.perform(get("/crossregion/funding").param("year", "2026").param("period", "2026-07")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-06 跨省异地就医清算（按国家要求调度）")))
                .andExpect(content().string(containsString("北京市")))
                .andExpect(content().string(containsString("/ledger/410000-FINANCE/entries/")));
        mvc.perform(post("/api/crossregion/national/clearings").with(user(as("410000-CENTRE", Role.CLERK)))
                        .with(csrf()).header(Idempotency.HEADER, "ncp-bad-month").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\": \"2026-13\", \"date\": \"2026-07-08\"}"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.field").value("month"));
        mvc.perform(post("/api/crossregion/national/clearings/payment").with(user(as("410400-FINANCE", Role.FINANCE)))
                        .with(csrf()).header(Idempotency.HEADER, "ncp-city-pays").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"month\": \"2026-06\", \"date\": \"2026-07-14\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("crossregion.province-finance-only"));
    }
}
