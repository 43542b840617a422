package org.medfund.web.crossregion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * guizhou-2017 三(三), 附件一 一(二) on the 异地就医预付金 page: the province centre sees every city's quota with its
 * usage and citation by document number; the city agency sees its own with the confirm button and confirms; another
 * city sees nothing of it; the list exports as xlsx. 黔西南州 is used by no other test.
 */
@DatabaseTest
class QuotaPagesTest {

    private static final String CITY = "522300";

    @Autowired
    MockMvc mvc;
    @Autowired
    CrossRegionQuotas funding;

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("fp-" + org, org, Set.of(role)));
    }

    @Test
    @DisplayName("guizhou-2017 附件一 一(二): the city agency confirms its quota from the page; other cities see nothing")
    void quotaPage() throws Exception {
        Quota quota = funding.size(new QuotaRequest(CITY, 2026, 4, QuotaScope.IN_PROVINCE, Money.ofYuan("30000.00"),
                LocalDate.of(2026, 10, 10)), Fixtures.actor("fp-centre", "520000-CENTRE", Role.CLERK));
        mvc.perform(get("/crossregion/quotas").param("year", "2026").param("quarter", "4")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("黔西南布依族苗族自治州")))
                .andExpect(content().string(containsString("首期预付金")))
                .andExpect(content().string(containsString("10,000.00")))
                .andExpect(content().string(containsString("黔人社厅通〔2017〕204号 三(三)")))
                .andExpect(content().string(containsString("usage-gauge")));
        mvc.perform(get("/crossregion/quotas").param("year", "2026").param("quarter", "4")
                        .with(user(as(CITY + "-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("确认预付金")));
        mvc.perform(get("/crossregion/quotas").param("year", "2026").param("quarter", "4")
                        .with(user(as("520100-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("黔西南布依族苗族自治州"))));
        mvc.perform(post("/crossregion/quotas/" + quota.id() + "/confirm").with(csrf())
                        .with(user(as(CITY + "-AGENCY", Role.CLERK))))
                .andExpect(status().is3xxRedirection());
        Assertions.assertThat(funding.quota(quota.id(), Fixtures.actor("fp-centre", "520000-CENTRE", Role.CLERK))
                .state()).isEqualTo(QuotaState.CONFIRMED);
        mvc.perform(get("/crossregion/quotas.xlsx").param("year", "2026").param("quarter", "4")
                        .with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("xlsx")));
    }
}
