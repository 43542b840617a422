package org.medfund.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The staff calendar page shows a covered year with its holidays and adjusted working days. */
@DatabaseTest
class CalendarPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser
    @DisplayName("GET /calendar?year=2025 marks National Day and the 调休 Saturday 11 October")
    void year2025() throws Exception {
        mvc.perform(get("/calendar").param("year", "2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("2025 年工作日历")))
                .andExpect(content().string(Matchers.containsString("国务院办公厅关于2025年部分节假日安排的通知")))
                .andExpect(content().string(Matchers.containsString("2025-10-11")))
                .andExpect(content().string(Matchers.containsString("调休上班")))
                .andExpect(content().string(Matchers.containsString("国庆节")))
                .andExpect(content().string(Matchers.containsString("class=\"adjusted-workday\"")))
                .andExpect(content().string(Matchers.containsString("10 月（工作日 18 天）")));
    }

    @Test
    @WithMockUser
    @DisplayName("GET /calendar?year=2027 is refused: the 2027 notice is not in the data")
    void outOfRange() throws Exception {
        // Until the problem+json mapping is in place the Rejection surfaces as the failure's cause; afterwards
        // it is a 404 problem. Either way the page is refused and names the covered range.
        try {
            mvc.perform(get("/calendar").param("year", "2027"))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.containsString("calendar.out-of-range")));
        } catch (jakarta.servlet.ServletException e) {
            assertThat(e.getCause()).isInstanceOf(Rejection.class).hasMessageContaining("2026-12-31");
        }
    }
}
