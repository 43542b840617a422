package org.medfund.web.prepayment;

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

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.prepayment.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** The prepayment API and pages are scoped by organisation: a hospital sees itself only; state changes need keys. */
@DatabaseTest
class PrepaymentApiTest {

    private static final String COUNTY = "410425"; // 郏县
    private static final String AGENCY = "410425-AGENCY";

    @Autowired
    MockMvc mvc;
    @Autowired
    Prepayments prepayments;
    @Autowired
    Agreements agreements;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("scope: a hospital sees its own prepayment with derivation, not another's; clerk sees both")
    void scopedRegister() throws Exception {
        Actor clerk = Fixtures.actor("api-clerk", AGENCY, Role.CLERK);
        String mine = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）本院");
        String other = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）他院");
        for (String h : new String[] {mine, other}) {
            Fixtures.agreement(agreements, h, clerk);
            Fixtures.settlements(context, h, COUNTY, "310", PlaceOfSettlement.LOCAL,
                    Fixtures.months(2023, 1, 12, 1_001));
        }
        prepayments.sizeRegion(COUNTY, 2024, LocalDate.of(2024, 1, 5), clerk);
        MedfundUser hospital = MedfundUser.of(new Actor("api-h", mine, java.util.Set.of(Role.HOSPITAL)));
        MedfundUser staff = MedfundUser.of(new Actor("api-staff", AGENCY, java.util.Set.of(Role.CLERK)));

        mvc.perform(get("/api/prepayments").param("year", "2024").with(user(hospital)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].hospitalCode").value(mine))
                .andExpect(jsonPath("$[0].sized").value("15.02")) // 1.5 × 10.01 = 15.015 → 15.02
                .andExpect(jsonPath("$[0].derivation.citation").value(containsString("henan-2023 二(二)")));
        mvc.perform(get("/api/prepayments/PP-2024-" + other + "-310").with(user(hospital)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/prepayments").param("hospital", other).with(user(staff)))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(post("/api/prepayments/PP-2024-" + mine + "/approve").with(user(staff))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-01-06\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/prepayments/PP-2024-" + mine + "-310/approve").with(user(hospital))
                        .header(Idempotency.HEADER, "k-approve-" + mine)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"date\":\"2024-01-06\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/prepayment-applications").with(user(hospital))
                        .header(Idempotency.HEADER, "k-apply-" + mine).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"hospitalCode\":\"" + other + "\",\"year\":2025,\"date\":\"2025-01-06\","
                                + "\"form\":{\"basicInfo\":\"a\",\"agreementPerformance\":\"b\",\"finances\":\"c\","
                                + "\"keyTasks\":\"d\",\"supervision\":\"e\",\"penaltiesIn12Months\":\"无\","
                                + "\"useAsRegulated\":true,\"acceptLiability\":true,\"cooperateWithReturn\":true,"
                                + "\"truthful\":true}}"))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("pages: register, deadlines, disclosure page and xlsx")
    void pages() throws Exception {
        MedfundUser staff = MedfundUser.of(new Actor("page-staff", AGENCY, java.util.Set.of(Role.CLERK)));
        mvc.perform(get("/prepayments").with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("预付金台账")));
        mvc.perform(get("/prepayments/deadlines").with(user(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("待收回")));
        mvc.perform(get("/prepayments/applications").param("year", "2025").with(user(staff)))
                .andExpect(status().isOk());
        mvc.perform(get("/prepayments/disclosure").param("year", "2024").with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第十九条")));
        mvc.perform(get("/prepayments/disclosure.xlsx").param("year", "2024").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("prepayment-disclosure-2024")));
    }
}
