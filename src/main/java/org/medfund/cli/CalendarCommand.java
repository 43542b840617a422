package org.medfund.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.Locale;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.CalendarDay;
import org.medfund.calendar.DeadlineRule;
import org.medfund.common.Rejection;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medfund calendar …}: the official working-day calendar and the seeds' deadline rules. */
@Component
@Command(name = "calendar", mixinStandardHelpOptions = true,
        description = "工作日历：节假日与调休、工作日推算、期限规则",
        subcommands = {CalendarCommand.WorkingDay.class, CalendarCommand.AddWorkingDays.class,
            CalendarCommand.Deadline.class})
class CalendarCommand implements Runnable, MedfundSubcommand {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** ISO date from the command line; anything else is bad input naming the parameter. */
    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("cli.bad-date", field, "日期格式应为 YYYY-MM-DD：" + text);
        }
    }

    /** Month (YYYY-MM) from the command line; anything else is bad input naming the parameter. */
    static YearMonth period(String text, String field) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("cli.bad-period", field, "期间格式应为 YYYY-MM：" + text);
        }
    }

    static String describe(CalendarDay day) {
        String weekday = day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA);
        return day.date() + " " + weekday + " " + day.kind().label()
                + (day.festivalName() == null ? "" : "（" + day.festivalName() + "）");
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
            LocalDate day = date(date, "DATE");
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
            LocalDate start = date(date, "DATE");
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
            YearMonth month = period(period, "--period");
            DeadlineRule parsed = DeadlineRule.parse(rule);
            LocalDate due = calendar.deadline(parsed, month);
            PrintWriter out = spec.commandLine().getOut();
            out.println(parsed.text() + " @ " + month + " → " + describe(calendar.day(due)));
            out.flush();
        }
    }
}
