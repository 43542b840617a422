package org.medfund.cli.calendar;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.Arguments;
import org.medfund.cli.MedfundSubcommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.CalendarDay;
import org.medfund.calendar.CalendarNotices;
import org.medfund.calendar.DeadlineRule;
import org.medfund.calendar.DueDateChange;
import org.medfund.common.Rejection;
import org.medfund.registry.Role;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medfund calendar …}: the official working-day calendar, the seeds' deadline rules, and (administrators)
 * loading a year's State Council holiday notice.
 */
@Component
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = "工作日历：节假日与调休、工作日推算、期限规则",
        subcommands = {CalendarCommand.WorkingDay.class, CalendarCommand.AddWorkingDays.class,
            CalendarCommand.Deadline.class, CalendarCommand.LoadNotice.class, CalendarCommand.Notices.class})
public class CalendarCommand extends GroupCommand implements MedfundSubcommand {



    static String describe(CalendarDay day) {
        String weekday = day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA);
        return day.date() + " " + weekday + " " + day.kind().label()
                + (day.festivalName() == null ? "" : "（" + day.festivalName() + "）")
                + (day.provisional() ? "（暂定：该年通知尚未载入，按放假办法推算）" : "");
    }

    @Component
    @Command(name = "working-day", mixinStandardHelpOptions = true,
            description = "某日是否工作日，以及当日或之后的第一个工作日")
    static class WorkingDay implements Runnable {

        private final BusinessCalendar calendar;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DATE", description = "日期 YYYY-MM-DD")
        String date;

        WorkingDay(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void run() {
            LocalDate day = Arguments.date(date, "DATE");
            CalendarDay info = calendar.day(day);
            PrintWriter out = spec.commandLine().getOut();
            out.println(describe(info) + "：" + (info.working() ? "工作日" : "非工作日"));
            LocalDate next = calendar.nextWorkingDayOnOrAfter(day.plusDays(1));
            out.println("下一个工作日：" + describe(calendar.day(next)));
            out.flush();
        }
    }

    @Component
    @Command(name = "add-working-days", mixinStandardHelpOptions = true,
            description = "某日之后第 N 个工作日（当日不计，即“N个工作日内”的最后一天）")
    static class AddWorkingDays implements Runnable {

        private final BusinessCalendar calendar;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DATE", description = "起算日 YYYY-MM-DD（不计入）")
        String date;

        @Parameters(index = "1", paramLabel = "N", description = "工作日天数（≥ 0）")
        int workingDays;

        AddWorkingDays(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void run() {
            LocalDate start = Arguments.date(date, "DATE");
            LocalDate end = calendar.addWorkingDays(start, workingDays);
            PrintWriter out = spec.commandLine().getOut();
            out.println(start + " 起 " + workingDays + " 个工作日（起算日不计）：" + describe(calendar.day(end)));
            out.flush();
        }
    }

    @Component
    @Command(name = "deadline", mixinStandardHelpOptions = true,
            description = "期限规则在某期间的到期日，例：deadline day-of-month:15:shift --period 2024-01")
    static class Deadline implements Runnable {

        private final BusinessCalendar calendar;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "RULE", description = "期限规则，如 day-of-month:5:shift+1m、month-end、"
                + "quarter-month-end:2、first-working-days-of-month:5、working-days-after:10")
        String rule;

        @Option(names = "--period", required = true, paramLabel = "YYYY-MM", description = "所属期间（月份）")
        String period;

        Deadline(BusinessCalendar calendar) {
            this.calendar = calendar;
        }

        @Override
        public void run() {
            YearMonth month = Arguments.period(period, "--period");
            DeadlineRule parsed = DeadlineRule.parse(rule);
            LocalDate due = calendar.deadline(parsed, month);
            PrintWriter out = spec.commandLine().getOut();
            out.println(parsed.text() + " @ " + month + " → " + describe(calendar.day(due)));
            out.flush();
        }
    }

    @Component
    @Command(name = "load-notice", mixinStandardHelpOptions = true,
            description = "载入一年的国务院办公厅节假日安排通知（仅管理员）；重算按暂定日历计算的未办结期限并列出变动")
    static class LoadNotice implements Callable<Integer> {

        /** Read at most this much: a notice file is far smaller (NoticeFile checks its own limit). */
        static final long FILE_BYTES_MAX = 256 * 1024;

        private final CalendarNotices notices;
        private final Users users;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "通知文件（UTF-8，格式见 README 工作日历一节）")
        Path file;

        @Option(names = "--user", required = true, description = "载入人（须为管理员）")
        String user;

        @Option(names = "--request-id", description = "请求编号：同一编号重复执行只返回首次结果")
        String requestId;

        LoadNotice(CalendarNotices notices, Users users) {
            this.notices = notices;
            this.users = users;
        }

        @Override
        public Integer call() throws IOException {
            UserAccount account = users.require(user, "--user");
            if (!account.enabled() || !account.roles().contains(Role.ADMIN)) {
                throw Rejection.forbidden("calendar.admin-only", "--user", "只有管理员可以载入节假日安排通知：" + user
                        + " 不是管理员");
            }
            if (!Files.isRegularFile(file)) {
                throw new Rejection("cli.no-file", "FILE", "找不到文件：" + file);
            }
            if (Files.size(file) > FILE_BYTES_MAX) {
                throw new Rejection("calendar.bad-notice", "FILE", "文件超过 " + FILE_BYTES_MAX + " 字节，不是一份节假日安排通知");
            }
            CalendarNotices.LoadResult result = notices.load(Files.readString(file, StandardCharsets.UTF_8),
                    file.getFileName().toString(), account.username(), requestId);
            PrintWriter out = spec.commandLine().getOut();
            if (result.unchanged()) {
                out.println(result.year() + " 年已是这份通知，未作任何改动：" + result.label());
                out.flush();
                return 0;
            }
            out.println("已载入 " + result.year() + " 年通知：" + result.label() + "（载入编号 " + result.loadId() + "，"
                    + result.loadedBy() + "）");
            out.println("日期变动 " + result.dayChanges().size() + " 处：");
            result.dayChanges().forEach(line -> out.println("  " + line));
            out.println("重算期限 " + result.dueDateChanges().size() + " 项（其中变动 "
                    + result.dueDateChanges().stream().filter(DueDateChange::changed).count() + " 项）：");
            result.dueDateChanges().forEach(change -> out.println("  " + change.line()));
            out.flush();
            return 0;
        }
    }

    @Component
    @Command(name = "notices", mixinStandardHelpOptions = true, description = "各年度节假日的依据（通知或暂定）")
    static class Notices implements Runnable {

        private final CalendarNotices notices;

        @Spec
        CommandSpec spec;

        Notices(CalendarNotices notices) {
            this.notices = notices;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            for (CalendarNotices.YearSource year : notices.years()) {
                out.println(year.year() + "  " + year.label()
                        + (year.loadedBy() == null ? "" : "  由 " + year.loadedBy() + " 于 " + year.loadedAt()
                        + " 载入"));
            }
            out.flush();
        }
    }
}
