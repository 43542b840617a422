package org.medfund.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import net.time4j.PlainDate;
import net.time4j.calendar.ChineseCalendar;
import net.time4j.calendar.EastAsianMonth;

/**
 * The holidays 《全国年节及纪念日放假办法》 itself grants in a year, for a provisional calendar of a year whose State
 * Council notice is not loaded yet: the statutory days of art. 2 and the make-up days (补假) of art. 6 ("全体公民放假
 * 的假日，如果适逢星期六、星期日，应当在工作日补假"), never a 调休 swap, which only a notice can decide.
 *
 * <p>Two versions apply: the 2013 text (11 days: 春节 = 正月初一至初三, 劳动节 = 5月1日) until 2024, and the November
 * 2024 revision in force from 2025-01-01 (13 days: 春节 adds 农历除夕, 劳动节 adds 5月2日), as the 2025 notice (国办发明电
 * 〔2024〕12号) states: "根据2024年11月修订的《全国年节及纪念日放假办法》，自2025年1月1日起，全体公民放假的假日增加2天，其中
 * 春节、劳动节各增加1天". Lunar dates (春节, 端午, 中秋) and the 清明 solar term come from Time4J's Chinese calendar;
 * decisions.md explains why not ICU4J.
 */
final class StatutoryHolidays {

    /** First year under the 2024 revision. */
    static final int REVISION_2024_FROM_YEAR = 2025;

    private StatutoryHolidays() {
    }

    /** Which text of the 办法 a year falls under, as cited on pages and in the provisional notice. */
    static String citation(int year) {
        return year >= REVISION_2024_FROM_YEAR
                ? "《全国年节及纪念日放假办法》（2024年11月修订，2025年1月1日起施行）第二条、第六条"
                : "《全国年节及纪念日放假办法》（2013年12月修订）第二条、第六条";
    }

    /** Statutory days of art. 2 (date → festival key); a day two festivals share counts once. */
    static SortedMap<LocalDate, String> statutory(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        days.put(LocalDate.of(year, 1, 1), "new_years_day");
        LocalDate newYear = lunar(year, 1, 1);
        if (year >= REVISION_2024_FROM_YEAR) {
            days.put(newYear.minusDays(1), "spring_festival");
        }
        for (int d = 0; d < 3; d++) {
            days.put(newYear.plusDays(d), "spring_festival");
        }
        days.put(toLocal(ChineseCalendar.ofQingMing(year).transform(PlainDate.axis())), "tomb_sweeping_day");
        days.put(LocalDate.of(year, 5, 1), "labour_day");
        if (year >= REVISION_2024_FROM_YEAR) {
            days.put(LocalDate.of(year, 5, 2), "labour_day");
        }
        days.put(lunar(year, 5, 5), "dragon_boat_festival");
        days.putIfAbsent(lunar(year, 8, 15), "mid_autumn_festival");
        for (int d = 1; d <= 3; d++) {
            days.putIfAbsent(LocalDate.of(year, 10, d), "national_day");
        }
        return days;
    }

    /**
     * Statutory days plus art. 6 make-up days: each statutory day on a Saturday or Sunday gives the first following
     * Monday–Friday that is neither statutory nor already a make-up day (so 春节 on a weekend extends the break).
     */
    static SortedMap<LocalDate, String> withMakeUpDays(int year) {
        SortedMap<LocalDate, String> statutory = statutory(year);
        SortedMap<LocalDate, String> days = new TreeMap<>(statutory);
        for (Map.Entry<LocalDate, String> day : statutory.entrySet()) {
            if (!weekend(day.getKey())) {
                continue;
            }
            LocalDate makeUp = day.getKey().plusDays(1);
            while (weekend(makeUp) || days.containsKey(makeUp)) {
                makeUp = makeUp.plusDays(1);
            }
            days.put(makeUp, day.getValue());
        }
        return days;
    }

    /** Gregorian date of a day of the Chinese year that begins in the given Gregorian year (no leap months). */
    private static LocalDate lunar(int year, int month, int day) {
        ChineseCalendar date = ChineseCalendar.ofNewYear(year)
                .with(ChineseCalendar.MONTH_OF_YEAR, EastAsianMonth.valueOf(month))
                .with(ChineseCalendar.DAY_OF_MONTH, day);
        return toLocal(date.transform(PlainDate.axis()));
    }

    private static LocalDate toLocal(PlainDate date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDayOfMonth());
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
