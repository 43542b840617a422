package org.medfund.web.calendar;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.CalendarDay;
import org.medfund.calendar.HolidayNotice;
import org.medfund.common.Rejection;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff page {@code /calendar?year=2025}: one covered year month by month, holidays and 调休 days marked; a year
 * without a notice yet is shown as provisional (暂定) with the 放假办法 it is computed from.
 */
@Controller
class CalendarController {

    /**
     * One cell of a month grid: {@code css} is the day kind as a class name ("pad" for the blanks before the 1st
     * and after the last day, whose {@code date} is null).
     */
    record Cell(LocalDate date, String css, String title) {

        static final Cell PAD = new Cell(null, "pad", "");

        static Cell of(CalendarDay day) {
            return new Cell(day.date(), day.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    day.date() + " " + day.kind().label()
                            + (day.festivalName() == null ? "" : " " + day.festivalName())
                            + (day.provisional() ? "（暂定）" : ""));
        }
    }

    record Month(YearMonth month, List<List<Cell>> weeks, long workingDays) {
    }

    /** A holiday or adjusted working day in the list under the grids. */
    record Special(LocalDate date, String weekday, String kind, String festival) {

        static Special of(CalendarDay day) {
            return new Special(day.date(), day.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA),
                    day.kind().label() + (day.provisional() ? "（暂定）" : ""), day.festivalName());
        }
    }

    private final BusinessCalendar calendar;
    private final Clock clock;

    CalendarController(BusinessCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String year(@RequestParam(name = "year", required = false) Integer year, Model model) {
        int first = calendar.coveredFrom().getYear();
        int last = calendar.coveredUntil().getYear();
        int shown = year != null ? year : Math.max(first, Math.min(last, LocalDate.now(clock).getYear()));
        if (shown < first || shown > last) {
            throw new Rejection("calendar.out-of-range", "year", "年份 " + shown + " 超出工作日历覆盖范围 "
                    + calendar.coveredFrom() + " 至 " + calendar.coveredUntil(), 404);
        }
        List<Month> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(month(YearMonth.of(shown, m)));
        }
        List<Special> specials = LocalDate.of(shown, 1, 1).datesUntil(LocalDate.of(shown + 1, 1, 1))
                .map(calendar::day)
                .filter(d -> d.kind() == CalendarDay.Kind.HOLIDAY || d.kind() == CalendarDay.Kind.ADJUSTED_WORKDAY)
                .map(Special::of)
                .toList();
        model.addAttribute("year", shown);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(first, last).boxed().toList());
        model.addAttribute("months", months);
        model.addAttribute("specials", specials);
        HolidayNotice notice = calendar.notices().get(shown);
        boolean provisional = notice == null;
        model.addAttribute("provisional", provisional);
        model.addAttribute("source", provisional ? calendar.provisionalNotice(shown).title() : notice.label());
        return "calendar";
    }

    private Month month(YearMonth month) {
        List<List<Cell>> weeks = new ArrayList<>();
        List<Cell> week = new ArrayList<>();
        int padding = month.atDay(1).getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue();
        for (int i = 0; i < padding; i++) {
            week.add(Cell.PAD);
        }
        long working = 0;
        for (int d = 1; d <= month.lengthOfMonth(); d++) {
            CalendarDay day = calendar.day(month.atDay(d));
            working += day.working() ? 1 : 0;
            week.add(Cell.of(day));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(Cell.PAD);
            }
            weeks.add(week);
        }
        return new Month(month, weeks, working);
    }
}
