package org.medfund.web.crossregion;

import org.medfund.web.MedfundUser;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** guizhou-2017 三(一): the treatment side looks a card up on the 异地就医 page, in Chinese, with names not codes. */
@DatabaseTest
class CrossregionPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CrossRegion crossRegion;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("guizhou-2017 三(一): a Henan hospital finds a Guizhou filing targeting Henan; a Hainan hospital does not")
    void lookUp() throws Exception {
        String card = "52PAGE" + (System.nanoTime() % 100_000);
        crossRegion.file(new FilingDraft(card, "页面测试", "520100", "310", FilingType.REFERRAL, "410000",
                LocalDate.of(2026, 1, 1), null), Fixtures.actor("pg-gy", "520100-AGENCY", Role.CLERK));
        String henan = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）页面");
        String hainan = Fixtures.hospital(jdbc, "460108", 3, false, "（测试）页面");
        mvc.perform(get("/crossregion/filings").param("card", card)
                        .with(user(MedfundUser.of(new Actor("pg-h", henan, Set.of(Role.HOSPITAL))))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("转诊转院人员")))
                .andExpect(content().string(containsString("贵阳市")))
                .andExpect(content().string(containsString("河南省")))
                .andExpect(content().string(containsString("职工基本医疗保险")));
        mvc.perform(get("/crossregion/filings").param("card", card)
                        .with(user(MedfundUser.of(new Actor("pg-hn", hainan, Set.of(Role.HOSPITAL))))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有可见的备案")))
                .andExpect(content().string(not(containsString("页面测试"))));
        mvc.perform(get("/crossregion/filings").param("card", "bad card!")
                        .with(user(MedfundUser.of(new Actor("pg-h", henan, Set.of(Role.HOSPITAL))))))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("社会保障卡号")));
    }
}
