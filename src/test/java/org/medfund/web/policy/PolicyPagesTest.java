package org.medfund.web.policy;

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

/** The staff policy pages list the packs and show each pack's parameters with their articles. */
@DatabaseTest
class PolicyPagesTest {

    @Autowired
    MockMvc mvc;

    @Test
    @WithMockUser
    @DisplayName("GET /policy lists the five packs; Xinyang's effective date is marked as configuration")
    void list() throws Exception {
        mvc.perform(get("/policy"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("豫财社〔2023〕178号")))
                .andExpect(content().string(Matchers.containsString("信医保办〔2025〕7号")))
                .andExpect(content().string(Matchers.containsString("邯政办规〔2020〕14号")))
                .andExpect(content().string(Matchers.containsString("hainan-2020 v1")))
                .andExpect(content().string(Matchers.containsString("（配置）")));
    }

    @Test
    @WithMockUser
    @DisplayName("GET /policy/xinyang-2025 shows parameters with articles, e.g. art. 7 months payable")
    void pack() throws Exception {
        mvc.perform(get("/policy/xinyang-2025"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("prepayment.months-payable-min.310")))
                .andExpect(content().string(Matchers.containsString("信医保办〔2025〕7号 第七条")))
                .andExpect(content().string(Matchers.containsString("/policy/xinyang-2025/articles/art.%207")))
                .andExpect(content().string(Matchers.containsString("能全额冲抵的冲抵，否则全额交回")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("seed"))))
                .andExpect(content().string(Matchers.containsString("原文未载明生效日期")));
    }

    @Test
    @WithMockUser
    @DisplayName("GET /policy/xinyang-2025/articles/art. 7: document, article, our summary, the parameters implementing it")
    void article() throws Exception {
        mvc.perform(get("/policy/xinyang-2025/articles/{a}", "art. 7"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("信医保办〔2025〕7号 第七条")))
                .andExpect(content().string(Matchers.containsString("信阳市医疗保障局 信阳市财政局")))
                .andExpect(content().string(Matchers.containsString("可支付月数不低于 12 个月")))
                .andExpect(content().string(Matchers.containsString("prepayment.months-payable-min.310")));
        mvc.perform(get("/policy/henan-2023/articles/{a}", "二(二)"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("豫财社〔2023〕178号 二(二)")))
                .andExpect(content().string(Matchers.containsString("prepayment.factor")));
        mvc.perform(get("/policy/xinyang-2025/articles/{a}", "art. 99")).andExpect(status().isNotFound());
    }

    @Test
    @WithMockUser
    @DisplayName("GET /policy/unknown is refused")
    void unknown() throws Exception {
        // Before the problem+json mapping lands the Rejection surfaces as the failure's cause; after, a 404.
        try {
            mvc.perform(get("/policy/nope-1999")).andExpect(status().isNotFound());
        } catch (jakarta.servlet.ServletException e) {
            assertThat(e.getCause()).isInstanceOf(Rejection.class);
        }
    }
}
