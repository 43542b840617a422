package org.medfund.cli.calendar;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.Recoveries;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.prepayment.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Loading the 2027 notice on 2026-12-01: until then 2027 is provisional (暂定) and an art. 10 return date computed
 * on it is marked so; a clerk may not load; a malformed file changes nothing; the administrator's load stores the
 * notice with its source, audits it, moves the stored return date (and the offset start after it) and lists the
 * change old → new, on the CLI and on the load's page. The notice used is a test file, not the real 2027 notice.
 * The load changes the shared calendar, so this class dirties its context (the next class gets a fresh database).
 */
@DatabaseTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CalendarNoticeLoadTest extends CommandTest {

    private static final String COUNTY = "411526";
    private static final String AGENCY = "411526-AGENCY";
    @Autowired
    MockMvc mvc;
    @Autowired
    Users users;
    @Autowired
    Agreements agreements;
    @Autowired
    FundStatuses fundStatuses;
    @Autowired
    Applications applications;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BusinessCalendar calendar;
    @Autowired
    Clock clock;

    @TempDir
    Path dir;

    private final Actor clerk = Fixtures.actor("hc-clerk", AGENCY, Role.CLERK);
    private final Actor cityClerk = Fixtures.actor("hc-city-clerk", "411500-AGENCY", Role.CLERK);

    @BeforeEach
    void todayIsInDecember2026() {
        // The scenario is the issue's: today 2026-12-01, 2027 the provisional next year.
        Assumptions.assumeTrue(LocalDate.now(clock).getYear() == 2026, "needs a 2026 clock");
    }

    /** Seed 002 art. 6 from application to payment for 2025 (the flow of PaymentStopTest, in 潢川县). */
    private void prepaid(String hospital) {
        LocalDate applied = LocalDate.of(2025, 1, 6);
        applications.apply(hospital, 2025, new ApplicationForm("潢川县某医院，二级", "严格履行协议", "财务制度健全",
                "配合支付方式改革", "配合飞行检查", "无", true, true, true, true), applied,
                Fixtures.actor("h-" + hospital, hospital, Role.HOSPITAL));
        List<Finding> allMet = new ArrayList<>();
        for (EligibilityCondition condition : EligibilityCondition.values()) {
            allMet.add(new Finding(condition, true, "审核材料：" + condition.text(), null));
        }
        String id = applications.review("PA-2025-" + hospital, allMet, applied.plusDays(1), clerk).get(0).id();
        LocalDate d = applied.plusDays(2);
        applications.complete(id, WorkflowStep.CITY_AGGREGATED, d, cityClerk, null);
        applications.complete(id, WorkflowStep.BUREAU_REVIEWED, d,
                Fixtures.actor("hc-bureau", "411500-BUREAU", Role.REVIEWER), null);
        applications.complete(id, WorkflowStep.FUNDED, d.plusDays(3),
                Fixtures.actor("hc-city-finance", "411500-FINANCE", Role.FINANCE), null);
        applications.confirmReceipt(id, WorkflowStep.FUNDED, d.plusDays(3), cityClerk);
        applications.complete(id, WorkflowStep.COUNTY_SHARED, d.plusDays(3), cityClerk, null);
        applications.confirmReceipt(id, WorkflowStep.COUNTY_SHARED, d.plusDays(4), clerk);
        applications.complete(id, WorkflowStep.PAID, d.plusDays(4), clerk, "t-hc-pay-" + id);
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    @DisplayName("xinyang-2025 art. 10 return due on the provisional 2027 moves 18 → 19 Feb when the notice is loaded")
    void loadingTheNoticeRecomputesOpenDueDates() throws Exception {
        Fixtures.fund(ledger, AGENCY, "t-open-" + AGENCY);
        Fixtures.fundXinyangChain(ledger);
        Fixtures.xinyangFundStatus(fundStatuses, 2025, true, cityClerk);
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）潢川医院");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 150_000));
        prepaid(hospital);
        // Friday 29 Jan 2027 + 10 working days on the provisional calendar: 1–4 Feb, then 除夕 5 Feb to the make-up
        // day 10 Feb are off, 11–18 Feb → 18 Feb, 暂定.
        Recovery open = recoveries.raise(hospital, "310", RecoveryTrigger.ASSETS_PRESERVED,
                "（2027）豫1526财保1号 财产保全裁定", LocalDate.of(2027, 1, 29), clerk);
        assertThat(open.returnDue()).isEqualTo(LocalDate.of(2027, 2, 18));
        assertThat(calendar.provisional(open.returnDue())).isTrue();
        MedfundUser staff = MedfundUser.of(clerk);
        mvc.perform(get("/prepayments/deadlines").with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2027-02-18（暂定）")));
        mvc.perform(get("/calendar").param("year", "2027").with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2027 年工作日历（暂定）")))
                .andExpect(content().string(containsString("全国年节及纪念日放假办法")));

        users.create(new UserAccount("hc-admin", "日历管理员", AGENCY, Set.of(Role.ADMIN), true), "admin-password-1");
        users.create(new UserAccount("hc-clerk", "经办人", AGENCY, Set.of(Role.CLERK), true), "clerk-password-1");
        Path notice = file("2027.txt", org.medfund.calendar.NoticeFileTestAccess.NOTICE_2027);

        // A clerk is refused, on the CLI and on the page; nothing is loaded.
        CliRun byClerk = run("calendar", "load-notice", notice.toString(), "--user", "hc-clerk");
        assertThat(byClerk.exitCode()).isEqualTo(2);
        assertThat(byClerk.err()).contains("只有管理员");
        mvc.perform(post("/calendar/notices").with(csrf()).with(user(staff)).param("text", "Y 2027 x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/calendar/notices").with(user(staff))).andExpect(status().isForbidden());

        // A malformed file is refused whole, naming the line.
        Path broken = file("broken.txt", org.medfund.calendar.NoticeFileTestAccess.NOTICE_2027
                .replace("H 2027-6-9 dragon_boat_festival", "H 2027-6-31 dragon_boat_festival"));
        CliRun bad = run("calendar", "load-notice", broken.toString(), "--user", "hc-admin");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err().strip().lines()).hasSize(1);
        assertThat(bad.err()).contains("第 31 行");
        MedfundUser admin = MedfundUser.of(new Actor("hc-admin", AGENCY, Set.of(Role.ADMIN)));
        mvc.perform(post("/calendar/notices").with(csrf()).with(user(admin))
                        .param("text", Files.readString(broken)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("第 31 行")))
                .andExpect(content().string(containsString("未载入")));
        assertThat(calendar.provisional(LocalDate.of(2027, 2, 18))).isTrue();
        assertThat(jdbc.sql("select count(*) from calendar_notice_load").query(Long.class).single()).isZero();

        CliRun loaded = run("calendar", "load-notice", notice.toString(), "--user", "hc-admin");
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).contains("已载入 2027 年通知").contains("国办发明电〔2026〕99号")
                .contains("预付金退回期限 " + open.id() + "：2027-02-18 → 2027-02-19")
                .contains("2027-01-31 周日：休息日 → 调休上班 春节");
        Recovery moved = recoveries.recoveries(hospital, clerk).stream()
                .filter(r -> r.id().equals(open.id())).findFirst().orElseThrow();
        assertThat(moved.returnDue()).isEqualTo(LocalDate.of(2027, 2, 19));
        assertThat(moved.offsetFrom()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(calendar.provisional(moved.returnDue())).isFalse();
        assertThat(calendar.day(LocalDate.of(2027, 1, 31)).working()).isTrue();
        assertThat(jdbc.sql("select loaded_by from calendar_notice_load where notice_year = 2027")
                .query(String.class).single()).isEqualTo("hc-admin");
        assertThat(jdbc.sql("select source from calendar_notice where notice_year = 2027")
                .query(String.class).single()).isEqualTo("测试数据");

        // The same file again changes nothing.
        CliRun again = run("calendar", "load-notice", notice.toString(), "--user", "hc-admin");
        assertThat(again.out()).contains("未作任何改动");
        assertThat(jdbc.sql("select count(*) from calendar_notice_load").query(Long.class).single()).isEqualTo(1);

        long loadId = jdbc.sql("select id from calendar_notice_load").query(Long.class).single();
        mvc.perform(get("/calendar/notices/" + loadId).with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString(open.id())))
                .andExpect(content().string(containsString("2027-02-18")))
                .andExpect(content().string(containsString("2027-02-19")));
        mvc.perform(get("/calendar/notices").with(user(admin))).andExpect(status().isOk())
                .andExpect(content().string(containsString("国办发明电〔2026〕99号")))
                .andExpect(content().string(containsString("hc-admin")));
        mvc.perform(get("/prepayments/deadlines").with(user(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2027-02-19")));
        audit.assertSound();
    }
}
