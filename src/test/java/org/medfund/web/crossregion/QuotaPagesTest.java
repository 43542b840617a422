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
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.crossregion.CountyRemittances;
import org.medfund.crossregion.CountyShare;
import org.medfund.crossregion.CountyShareState;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
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
    @Autowired
    CountyRemittances counties;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

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

    @Test
    @DisplayName("guizhou-2017 附件二 一(一)1-3: the city agency splits on the page, the county remits, the city"
            + " finance confirms the receipt")
    void countySharesOnThePage() throws Exception {
        for (String org : java.util.List.of("522301-FINANCE", "522301-AGENCY")) {
            ledger.openBook(org);
            ledger.post(new BusinessEvent("opening.balance.special-account", "fp-open-" + org, LocalDate.of(2025, 12,
                    31), null, Money.ofYuan("50000.00"), Map.of("book", org), null, "opening-balance", org, null, null,
                    "期初余额（测试）"));
        }
        Quota quota = funding.size(new QuotaRequest(CITY, 2026, 4, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("12000.00"), LocalDate.of(2026, 10, 10)), Fixtures.actor("fp-centre", "520000-CENTRE",
                Role.CLERK));
        MedfundUser cityAgency = as(CITY + "-AGENCY", Role.CLERK);
        mvc.perform(get("/crossregion/quotas").param("year", "2026").param("quarter", "4").with(user(cityAgency)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("分摊县（区）预付金：黔西南布依族苗族自治州 2026 年第 4 季度跨省")))
                .andExpect(content().string(containsString("兴义市")));
        // 4,000.00 × 1,000 ÷ 4,000 = 1,000.00 for 兴义市; a blank line is no region.
        mvc.perform(post("/crossregion/quotas/" + quota.id() + "/county-split").with(csrf()).with(user(cityAgency))
                        .param("region", CITY, "522301", "522302").param("lastYear", "3000.00", "1000.00", ""))
                .andExpect(status().is3xxRedirection());
        MedfundUser countyFinance = as("522301-FINANCE", Role.FINANCE);
        mvc.perform(get("/crossregion/quotas").param("year", "2026").param("quarter", "4").with(user(countyFinance)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("兴义市")))
                .andExpect(content().string(containsString("1,000.00")))
                .andExpect(content().string(containsString("划拨市州财政专户")));
        String share = quota.id() + "-522301";
        mvc.perform(post("/crossregion/county-shares/" + share + "/remit").with(csrf()).with(user(countyFinance)))
                .andExpect(status().is3xxRedirection());
        MedfundUser cityFinance = as(CITY + "-FINANCE", Role.FINANCE);
        mvc.perform(get("/crossregion/quotas").param("year", "2026").param("quarter", "4").with(user(cityFinance)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("已划拨（在途）")))
                .andExpect(content().string(containsString("确认到账")));
        mvc.perform(post("/crossregion/county-shares/" + share + "/receive").with(csrf()).with(user(cityFinance)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/crossregion/county-shares.xlsx").param("year", "2026").param("quarter", "4")
                        .with(user(cityFinance)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Disposition", containsString("xlsx")));
        Assertions.assertThat(counties.shares(2026, 4, cityFinance.actor())).filteredOn(s -> s.id().equals(share))
                .extracting(CountyShare::state).containsExactly(CountyShareState.RECEIVED);
        audit.assertSound();
    }
}
