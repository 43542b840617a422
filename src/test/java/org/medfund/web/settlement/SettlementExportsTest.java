package org.medfund.web.settlement;

import org.medfund.notices.XlsxExport;
import org.medfund.users.Users;
import org.medfund.web.MedfundUser;
import org.medfund.web.TestUsers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.medfund.claims.IntakeFixtures.hospitalActor;
import static org.medfund.claims.IntakeFixtures.id;
import static org.medfund.claims.IntakeFixtures.row;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 5, hospital's own view: xlsx exports of its submissions of a month (with a reversal) and of a
 * reconciliation's differences down to the setl_id, for 平桥区明港镇卫生院 (settled by the 平桥区 agency); another
 * hospital is refused both (403), the settling agency may export them.
 */
@DatabaseTest
class SettlementExportsTest {

    static final String HOSPITAL = "H41150300001";
    static final String OTHER_HOSPITAL = "H41152500001";
    static final Actor AGENCY_CLERK = new Actor("pq-clerk", "411503-AGENCY", Set.of(Role.CLERK));

    @Autowired
    MockMvc mvc;
    @Autowired
    SettlementIntake intake;
    @Autowired
    Reconciliations reconciliations;
    @Autowired
    Users users;

    static MedfundUser as(Actor actor) {
        return MedfundUser.of(actor);
    }

    static List<List<String>> sheet(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            org.apache.poi.ss.usermodel.DataFormatter format = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : format.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    @Test
    @DisplayName("a hospital exports its month of submissions, reversal included; another hospital gets 403")
    void submissionsOfAMonth() throws Exception {
        String a = id("X");
        String b = id("X");
        String reversal = id("X");
        Actor hospital = hospitalActor(HOSPITAL);
        intake.submit(hospital, List.of(
                row(a, HOSPITAL, "390", "2023-04-03 10:00:00", "1234.56", "800.00", "800.00", "100.00"),
                row(b, HOSPITAL, "310", "2023-04-04 11:00:00", "20.00", "12.50", "12.50", "0.00")), id("k"));
        intake.submit(hospital, List.of(Map.of("setl_id", reversal, "fixmedins_code", HOSPITAL,
                "setl_time", "2023-04-05 09:00:00", "refd_setl_id", b)), id("k"));

        byte[] xlsx = mvc.perform(get("/api/settlements.xlsx").param("period", "2023-04").with(user(as(hospital))))
                .andExpect(status().isOk())
                .andExpect(content().contentType(XlsxExport.XLSX))
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = sheet(xlsx);
        assertThat(rows.get(0)).startsWith("setl_id", "mdtrt_id").endsWith("refd_setl_id", "period", "reversed_by");
        int setlId = 0;
        int medfee = rows.get(0).indexOf("medfee_sumamt");
        int fund = rows.get(0).indexOf("fund_pay_sumamt");
        int refd = rows.get(0).indexOf("refd_setl_id");
        int reversedBy = rows.get(0).indexOf("reversed_by");
        List<List<String>> mine = rows.stream().skip(1)
                .filter(r -> List.of(a, b, reversal).contains(r.get(setlId))).toList();
        assertThat(mine).hasSize(3);
        assertThat(mine).filteredOn(r -> r.get(setlId).equals(a)).singleElement()
                .satisfies(r -> assertThat(r.get(medfee)).isEqualTo("1234.56"));
        assertThat(mine).filteredOn(r -> r.get(setlId).equals(b)).singleElement()
                .satisfies(r -> assertThat(r.get(reversedBy)).isEqualTo(reversal));
        assertThat(mine).filteredOn(r -> r.get(setlId).equals(reversal)).singleElement().satisfies(r -> {
            assertThat(r.get(refd)).isEqualTo(b);
            assertThat(r.get(fund)).isEqualTo("-12.50");
        });

        mvc.perform(get("/api/settlements.xlsx").param("period", "2023-04").param("hospital", HOSPITAL)
                        .with(user(as(AGENCY_CLERK))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/settlements.xlsx").param("period", "2023-04").param("hospital", HOSPITAL)
                        .with(user(as(hospitalActor(OTHER_HOSPITAL)))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("claims.out-of-scope"));
    }

    @Test
    @DisplayName("3202 differences export down to the setl_id (2 hospital only, 3 amounts differ), 403 for others; list export")
    void differencesOfAReconciliation() throws Exception {
        YearMonth month = YearMonth.of(2023, 5);
        String a = id("Y");
        String b = id("Y");
        Actor hospital = hospitalActor(HOSPITAL);
        intake.submit(hospital, List.of(
                row(a, HOSPITAL, "390", "2023-05-10 10:00:00", "100.00", "60.00", "60.00", "0.00"),
                row(b, HOSPITAL, "390", "2023-05-11 10:00:00", "200.00", "120.00", "120.00", "0.00")), id("k"));
        TestUsers.ensure(users, "pq-clerk", "411503-AGENCY", Role.CLERK);
        reconciliations.assignClerk(AGENCY_CLERK, HOSPITAL, "pq-clerk");
        var totals = List.of(new ReconciliationApplication.Total("390", "21", "411503", month.atDay(1),
                month.atEndOfMonth(), Money.ofYuan("300.00"), Money.ofYuan("180.00"), Money.ZERO, 2, "1"));
        var details = List.of(
                new ReconciliationApplication.Detail(a, Money.ofYuan("100.00"), Money.ofYuan("60.00"), Money.ZERO),
                new ReconciliationApplication.Detail(b, Money.ofYuan("200.00"), Money.ofYuan("121.00"), Money.ZERO),
                new ReconciliationApplication.Detail("ONLYHOSP" + a, Money.ofYuan("1.00"), Money.ZERO, Money.ZERO));
        ReconciliationView r = reconciliations.apply(hospital,
                new ReconciliationApplication(HOSPITAL, month, totals, details), LocalDate.of(2023, 6, 2), id("apply"));

        byte[] xlsx = mvc.perform(get("/api/reconciliations/" + r.id() + "/differences.xlsx")
                        .with(user(as(hospital))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = sheet(xlsx);
        assertThat(rows.get(0)).isEqualTo(SettlementExports.DIFFERENCE_HEADER);
        assertThat(rows.subList(1, rows.size())).containsExactlyInAnyOrder(
                List.of(b, "3", "金额不符", "200.00", "121.00", "0.00", "200.00", "120.00", "0.00"),
                List.of("ONLYHOSP" + a, "2", "仅医院方有", "1.00", "0.00", "0.00"));
        mvc.perform(get("/api/reconciliations/" + r.id()).with(user(as(hospital))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hospitalName").value(org.hamcrest.Matchers.containsString("明港镇卫生院")));
        mvc.perform(get("/settlements/reconciliations/" + r.id()).with(user(as(hospital))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("differences.xlsx")));

        mvc.perform(get("/api/reconciliations/" + r.id() + "/differences.xlsx").with(user(as(AGENCY_CLERK))))
                .andExpect(status().isOk());
        List<List<String>> agencyList = sheet(mvc.perform(get("/api/reconciliations.xlsx").param("period", "2023-05")
                        .with(user(as(AGENCY_CLERK)))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(agencyList.get(0)).isEqualTo(SettlementExports.RECONCILIATION_HEADER);
        assertThat(agencyList).filteredOn(row -> row.get(0).equals(HOSPITAL)).singleElement().satisfies(row -> {
            // Names, not codes (issue 13): the hospital's name beside its code, people by name.
            assertThat(row.get(1)).contains("明港镇卫生院");
            assertThat(row.get(10)).isEqualTo("测试 pq-clerk");
            assertThat(row.subList(2, 4)).containsExactly("2023-05", "2023-05");
            assertThat(row.get(9)).isEqualTo("不符");
            assertThat(row.get(13)).isEqualTo("2");
        });
        List<List<String>> otherList = sheet(mvc.perform(get("/api/reconciliations.xlsx").param("period", "2023-05")
                        .with(user(as(hospitalActor(OTHER_HOSPITAL))))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(otherList).noneMatch(row -> row.get(0).equals(HOSPITAL));
        mvc.perform(get("/api/reconciliations/" + r.id() + "/differences.xlsx")
                        .with(user(as(hospitalActor(OTHER_HOSPITAL)))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("settlement.out-of-scope"));
    }
}
