package org.medfund.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.ledger.Ledger;
import org.medfund.prepayment.Fixtures;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The prepayment payment file (seed 000 二(二) "通过线上…预拨") as CSV and xlsx through the API and the staff pages,
 * scoped by organisation, and the staff forms for application review and recoveries. Runs in 叶县 (410422), where no
 * other test prepays.
 */
@DatabaseTest
class PrepaymentFilesAndFormsTest {

    private static final String HN_COUNTY = "410422";
    private static final String HN_AGENCY = "410422-AGENCY";

    @Autowired
    MockMvc mvc;
    @Autowired
    Prepayments prepayments;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private static MedfundUser as(String user, String org, Role... roles) {
        return MedfundUser.of(new Actor(user, org, Set.of(roles)));
    }

    @Test
    @DisplayName("seed 000 二(二): payment file as CSV and xlsx (API and page), 1.5 × 1,000.01 = 1,500.02; other org 403")
    void paymentFile() throws Exception {
        Actor clerk = Fixtures.actor("yx-clerk", HN_AGENCY, Role.CLERK);
        String hospital = Fixtures.hospital(jdbc, HN_COUNTY, 2, false, "（测试）叶县医院");
        Fixtures.agreement(prepayments, hospital, clerk);
        Fixtures.settlements(context, hospital, HN_COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 1, 12, 100_001));
        Fixtures.fund(ledger, HN_AGENCY, "t-open-" + HN_AGENCY);
        prepayments.sizeRegion(HN_COUNTY, 2024, LocalDate.of(2024, 1, 5), clerk);
        String id = "PP-2024-" + hospital + "-310";
        prepayments.approve(id, LocalDate.of(2024, 1, 8), Fixtures.actor("yx-reviewer", HN_AGENCY, Role.REVIEWER));
        prepayments.disburse(id, LocalDate.of(2024, 1, 10), true, clerk, "t-yx-d-" + hospital);

        MedfundUser staff = as("yx-staff", HN_AGENCY, Role.CLERK);
        String csv = mvc.perform(get("/api/prepayments/payment-file.csv").param("date", "2024-01-10")
                        .with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString(".csv")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("TEST-" + hospital, id, "1500.02", "壹仟伍佰元零贰分", "DEMO-", "合计");

        byte[] xlsx = mvc.perform(get("/prepayments/payment-file.xlsx").param("payer", HN_AGENCY)
                        .param("date", "2024-01-10").with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XlsxExport.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(7).getStringCellValue()).isEqualTo("金额（元）");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(1) != null && id.equals(sheet.getRow(r).getCell(1).getStringCellValue())) {
                    assertThat(sheet.getRow(r).getCell(7).getNumericCellValue()).isEqualTo(1500.02);
                    assertThat(sheet.getRow(r).getCell(4).getStringCellValue()).isEqualTo("TEST-" + hospital);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
        mvc.perform(get("/prepayments/" + id).with(user(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/prepayments/payment-file.xlsx?payer=" + HN_AGENCY
                        + "&amp;date=2024-01-10")));

        // Another city's agency and the hospital itself may not export 叶县's payment file.
        mvc.perform(get("/api/prepayments/payment-file.xlsx").param("payer", HN_AGENCY).param("date", "2024-01-10")
                        .with(user(as("xy-staff", "411500-AGENCY", Role.CLERK))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/prepayments/payment-file.csv").param("payer", HN_AGENCY).param("date", "2024-01-10")
                        .with(user(as("yx-h", hospital, Role.HOSPITAL))))
                .andExpect(status().isForbidden());
    }
}
