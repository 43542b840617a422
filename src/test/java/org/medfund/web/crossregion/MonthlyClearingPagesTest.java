package org.medfund.web.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * henan-2023 三(二)(三), 四(二) pages on the demo's October 2026: the centre sees every region's plan with its transfers'
 * state and the hospitals' lines in Chinese with names; a region sees its own notice and the confirmation done; the
 * notice prints as a page and a PDF and exports as xlsx with the net in capitals; the report to province finance
 * downloads as xlsx; another region's notice is refused.
 */
@DatabaseTest
class MonthlyClearingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    @BeforeEach
    void world() {
        TestDemo.ensure(context);
    }

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("t-cp-" + org, org, Set.of(role)));
    }

    @Test
    @DisplayName("henan-2023 三(二)(三): the month's plan, transfers and hospitals; a region's own notice; exports")
    void pages() throws Exception {
        mvc.perform(get("/crossregion/monthly-clearing").param("period", "2026-10").with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("省医保中心已拨付各统筹区")))
                .andExpect(content().string(containsString("罗山县人民医院")))
                .andExpect(content().string(containsString("垫付已追回")))
                .andExpect(content().string(containsString("豫财社〔2023〕178号")))
                .andExpect(content().string(not(containsString("DISBURSED"))))
                .andExpect(content().string(not(containsString("ADVANCED"))));
        mvc.perform(get("/crossregion/monthly-clearing").param("period", "2026-10").with(user(as("410400-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("本统筹区收付款通知书")))
                .andExpect(content().string(containsString("已核对并报同级财政部门")))
                .andExpect(content().string(not(containsString("罗山县人民医院"))));
        mvc.perform(get("/crossregion/monthly-clearing/notice").param("period", "2026-10").param("region", "411500")
                        .with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("省内异地就医费用收付款通知书")))
                .andExpect(content().string(containsString("大写")));
        mvc.perform(get("/crossregion/monthly-clearing/notice").param("period", "2026-10").param("region", "410400")
                        .with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/crossregion/monthly-clearing/notice.pdf").param("period", "2026-10").param("region", "411500")
                        .with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("pdf")));
        byte[] xlsx = mvc.perform(get("/crossregion/monthly-clearing/notice.xlsx").param("period", "2026-10")
                        .param("region", "411500").with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter cells = new DataFormatter();
            String last = cells.formatCellValue(sheet.getRow(sheet.getLastRowNum()).getCell(2));
            assertThat(last).startsWith("应付净额").contains("大写");
        }
        mvc.perform(get("/crossregion/monthly-clearing/report.xlsx").param("period", "2026-10")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("spreadsheetml")));
    }
    @Test
    @DisplayName("henan-2023 三(三): November's page and notice show 罗山's gross plan, October's advance offset with its"
            + " vouchers, the net paid; the receivable list is empty once it is recovered")
    void advanceOffset() throws Exception {
        mvc.perform(get("/crossregion/monthly-clearing").param("period", "2026-11")
                        .with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("抵扣垫付资金")))
                .andExpect(content().string(containsString("已抵扣 2026-10 垫付资金 350.00 元（2026-11-30）")))
                .andExpect(content().string(containsString("930.00")))
                .andExpect(content().string(containsString("/ledger/411500-AGENCY/entries/")))
                .andExpect(content().string(containsString("无待追回的垫付资金")));
        mvc.perform(get("/crossregion/monthly-clearing").param("period", "2026-10")
                        .with(user(as("410000-CENTRE", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-11 拨付计划抵扣 350.00 元（2026-11-30）")))
                .andExpect(content().string(containsString("待追回 0.00 元（大写：零元整）")));
        mvc.perform(get("/crossregion/monthly-clearing/notice").param("period", "2026-11").param("region", "411500")
                        .with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("实拨净额")))
                .andExpect(content().string(containsString("已抵扣 2026-10 垫付资金 350.00 元")))
                .andExpect(content().string(containsString("凭证")));
        mvc.perform(get("/crossregion/monthly-clearing/notice.pdf").param("period", "2026-11").param("region", "411500")
                        .with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk());
        // The hospital sees its own line with the deduction, but no link into the agency's book it may not open.
        mvc.perform(get("/crossregion/monthly-clearing").param("period", "2026-11")
                        .with(user(as("H41152100001", Role.HOSPITAL))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已抵扣 2026-10 垫付资金 350.00 元（2026-11-30）")))
                .andExpect(content().string(not(containsString("/ledger/411500-AGENCY/entries/"))));
        mvc.perform(get("/api/crossregion/monthly-clearing/advances").with(user(as("411500-AGENCY", Role.CLERK))))
                .andExpect(status().isOk())
                .andExpect(content().json("[]"));
    }
}
