package org.medfund.cli.calendar;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code medfund calendar …} prints the calendar's answers and refuses bad input with one line and exit 2. */
@DatabaseTest
class CalendarCommandTest extends CommandTest {

    @Test
    @DisplayName("working-day: a National Day holiday is not worked and the next working day is 8 October")
    void workingDay() {
        CliRun run = run("calendar", "working-day", "2024-10-03");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("2024-10-03").contains("节假日（国庆节）").contains("非工作日")
                .contains("下一个工作日：2024-10-08");
        CliRun adjusted = run("calendar", "working-day", "2024-10-12");
        assertThat(adjusted.out()).contains("调休上班").contains("：工作日");
    }

    @Test
    @DisplayName("add-working-days: the start day is not counted")
    void addWorkingDays() {
        CliRun run = run("calendar", "add-working-days", "2024-09-30", "1");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("2024-10-08");
    }

    @Test
    @DisplayName("deadline: 'by 5th of next month, shifted' for September 2024 is 8 October")
    void deadline() {
        CliRun run = run("calendar", "deadline", "day-of-month:5:shift+1m", "--period", "2024-09");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("→ 2024-10-08");
        CliRun feb = run("calendar", "deadline", "day-of-month:30", "--period", "2024-02");
        assertThat(feb.out()).contains("→ 2024-02-29");
    }

    @Test
    @DisplayName("malformed date, outside the calendar, bad rule, bad period: one line on stderr, exit 2")
    void badInput() {
        for (String[] args : new String[][] {
            {"calendar", "working-day", "2024-13-01"},
            {"calendar", "working-day", (nextYear() + 1) + "-01-04"},
            {"calendar", "add-working-days", nextYear() + "-12-30", "5"},
            {"calendar", "add-working-days", "2024-01-01", "x"},
            {"calendar", "deadline", "day-of-month:40", "--period", "2024-01"},
            {"calendar", "deadline", "month-end", "--period", "2024-1"}}) {
            CliRun run = run(args);
            assertThat(run.exitCode()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(run.err().strip().lines()).as(String.join(" ", args)).hasSize(1);
            assertThat(run.out()).isEmpty();
        }
        assertThat(run("calendar", "working-day", (nextYear() + 1) + "-01-04").err()).contains("calendar.out-of-range")
                .contains("2020-01-01").contains(nextYear() + "-12-31");
        assertThat(run("calendar", "working-day", "2019-12-31").err()).contains("calendar.out-of-range");
    }

    @Test
    @DisplayName("next year without a notice is provisional: working-day marks 暂定 (放假办法)")
    void provisionalNextYear() {
        CliRun run = run("calendar", "working-day", nextYear() + "-01-01");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("节假日（元旦）").contains("暂定");
        CliRun notices = run("calendar", "notices");
        assertThat(notices.out()).contains("2025  国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）")
                .contains(nextYear() + "  暂定：");
    }

    private int nextYear() {
        return java.time.LocalDate.now(context.getBean(java.time.Clock.class)).getYear() + 1;
    }
}
