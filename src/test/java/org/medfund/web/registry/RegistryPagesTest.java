package org.medfund.web.registry;

import org.medfund.notices.XlsxExport;
import org.medfund.web.MedfundUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Registry staff pages: filters, scope, and the xlsx export holding the same rows as the page. */
@DatabaseTest
class RegistryPagesTest {

    @Autowired
    MockMvc mvc;

    private static RequestPostProcessor as(String orgCode, Role... roles) {
        return user(MedfundUser.of(new Actor("p-" + orgCode, orgCode, Set.of(roles))));
    }

    @Test
    @DisplayName("regions page lists Handan with its two zones; filter by parent; organisation links only in scope")
    void regionsPage() throws Exception {
        mvc.perform(get("/registry/regions").param("parent", "130400").with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("邯郸冀南新区")))
                .andExpect(content().string(containsString("邯郸经济技术开发区")))
                .andExpect(content().string(not(containsString("<td>411528</td>"))))
                // Handan is outside a Xinyang clerk's scope: no link to its organisations (they would answer 403).
                .andExpect(content().string(not(containsString("/registry/orgs?region=130400"))));
        mvc.perform(get("/registry/regions").param("parent", "411500").with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/registry/orgs?region=411502")));
    }

    @Test
    @DisplayName("orgs page: a city agency filters its grade-3 hospitals; other cities' hospitals never show")
    void orgsPage() throws Exception {
        mvc.perform(get("/registry/orgs").param("kind", "HOSPITAL").param("grade", "3")
                        .with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("H41150200001")))
                .andExpect(content().string(not(containsString("H41152100001"))))
                .andExpect(content().string(not(containsString("H41040200001"))));
        mvc.perform(get("/registry/orgs").with(as("H41150200001", Role.HOSPITAL)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("H41150200001")))
                .andExpect(content().string(not(containsString("411500-AGENCY"))));
        mvc.perform(get("/registry/orgs").param("region", "410400").with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/registry/orgs").param("grade", "7").with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().is(422));
    }

    @Test
    @DisplayName("xlsx export of the orgs list has a header row and one row per organisation")
    void orgsXlsx() throws Exception {
        byte[] body = mvc.perform(get("/registry/orgs").param("region", "411528").param("format", "xlsx")
                        .with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XlsxExport.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("机构编码");
            List<String> codes = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    codes.add(row.getCell(0).getStringCellValue());
                }
            }
            assertThat(codes).contains("411528-AGENCY", "411528-FINANCE", "H41152800001", "H41152800002")
                    .allMatch(code -> code.contains("411528"));
        }
        byte[] regions = mvc.perform(get("/registry/regions").param("format", "xlsx")
                        .with(as("411500-AGENCY", Role.CLERK)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(regions))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isGreaterThanOrEqualTo(170);
        }
    }
}
