package org.medfund.web.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
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

    @Autowired
    java.time.Clock clock;

    private int nextYear() {
        return java.time.LocalDate.now(clock).getYear() + 1;
    }

    @Test
    @WithMockUser
    @DisplayName("GET /calendar?year=<next year> without a notice shows the provisional calendar, marked 暂定")
    void provisionalYear() throws Exception {
        mvc.perform(get("/calendar").param("year", Integer.toString(nextYear())))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(nextYear() + " 年工作日历（暂定）")))
                .andExpect(content().string(Matchers.containsString("《全国年节及纪念日放假办法》（2024年11月修订")))
                .andExpect(content().string(Matchers.containsString("节假日（暂定）")));
    }

    @Test
    @WithMockUser
    @DisplayName("GET /calendar?year=2019 and the year after next are refused with 404 naming the range")
    void outOfRange() throws Exception {
        for (int year : new int[] {2019, nextYear() + 1}) {
            mvc.perform(get("/calendar").param("year", Integer.toString(year)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.containsString("calendar.out-of-range")));
        }
    }

    @Test
    @DisplayName("henan-2023 三(一): /obligations for this December answers (no 422) with next year's due date 暂定")
    void obligationsIntoTheProvisionalYear() throws Exception {
        java.time.YearMonth december = java.time.YearMonth.of(nextYear() - 1, 12);
        var clerk = org.medfund.web.MedfundUser.of(new org.medfund.registry.Actor("ob-clerk", "410421-AGENCY",
                java.util.Set.of(org.medfund.registry.Role.CLERK)));
        mvc.perform(get("/obligations").param("period", december.toString())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(clerk)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("（暂定）")))
                .andExpect(content().string(Matchers.containsString("按《全国年节及纪念日放假办法》推算")));
        mvc.perform(get("/api/obligations/reconciliation").param("period", december.toString())
                        .param("today", december.atDay(1).toString())
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user(clerk)))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[0].provisional").value(true));
    }
}
