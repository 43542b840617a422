package org.medfund.web.crossregion;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * henan-2023 "预留+清算" pages: the province centre's dashboard shows the month's clearing steps with holiday-shifted
 * due dates and document citations, in Chinese; a province without the regime gets the reason, not an error; the
 * late remitter list downloads as xlsx.
 */
@DatabaseTest
class FundingPagesTest {

    @Autowired
    MockMvc mvc;

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("t-fp-" + org, org, Set.of(role)));
    }

    @Test
    @DisplayName("henan-2023 三(二)(三): the centre's dashboard lists October 2024's steps, the 20th shifted to the 21st")
    void dashboard() throws Exception {
        mvc.perform(get("/crossregion/funding").param("year", "2024").param("period", "2024-10")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("各统筹区核对确认预留及上解资金使用情况")))
                .andExpect(content().string(containsString("2024-10-21")))
                .andExpect(content().string(containsString("豫财社〔2023〕178号 三(三)")))
                .andExpect(content().string(not(containsString("VERIFY_USE"))));
        mvc.perform(get("/crossregion/funding").with(user(as("520000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("没有生效的异地就医资金")));
        mvc.perform(get("/crossregion/funding/late-remitters.xlsx").with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
    }
}
