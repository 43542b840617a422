package org.medfund.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.SortedMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfund.common.Rejection;

/**
 * The provisional calendar of a year without a notice (2027 on 2026-12-01): statutory days of 《全国年节及纪念日放假
 * 办法》 and its make-up days, weekends, no 调休, every day and every date computed on it marked 暂定. The rule is
 * checked against the notices we have: for 2020–2026 every day it computes is a holiday in the published notice.
 */
class ProvisionalCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.official(OfficialCalendarTest.TODAY);

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @ParameterizedTest(name = "{0}: every statutory and make-up day is a holiday of the published notice")
    @ValueSource(ints = {2020, 2021, 2022, 2023, 2024, 2025, 2026})
    @DisplayName("放假办法 art. 2 and art. 6 computed for 2020–2026 agree with the State Council notices")
    void agreesWithPublishedNotices(int year) {
        HolidayNotice notice = calendar.notices().get(year);
        SortedMap<LocalDate, String> computed = StatutoryHolidays.withMakeUpDays(year);
        computed.forEach((date, festival) -> assertThat(notice.holidays()).as(year + " " + date + " " + festival)
                .containsKey(date));
    }

    @Test
    @DisplayName("放假办法 2024 revision from 2025: 春节 adds 除夕 (4 days), 劳动节 adds 5月2日 (2 days), 13 in all")
    void revision2024() {
        Map<String, Long> y2024 = perFestival(2024);
        Map<String, Long> y2025 = perFestival(2025);
        assertThat(y2024.get("spring_festival")).isEqualTo(3);
        assertThat(y2024.get("labour_day")).isEqualTo(1);
        assertThat(y2025.get("spring_festival")).isEqualTo(4);
        assertThat(y2025.get("labour_day")).isEqualTo(2);
        assertThat(StatutoryHolidays.statutory(2024)).hasSize(11);
        assertThat(StatutoryHolidays.statutory(2025)).hasSize(13);
        // 2025 notice: "春节：1月28日（农历除夕、周二）至2月4日" — the revision's 除夕 is a statutory day.
        assertThat(StatutoryHolidays.statutory(2025)).containsEntry(d("2025-01-28"), "spring_festival");
        assertThat(StatutoryHolidays.citation(2025)).contains("2024年11月修订");
        assertThat(StatutoryHolidays.citation(2024)).contains("2013年12月修订");
    }

    private static Map<String, Long> perFestival(int year) {
        return StatutoryHolidays.statutory(year).values().stream()
                .collect(Collectors.groupingBy(f -> f, Collectors.counting()));
    }

    @Test
    @DisplayName("2027 provisional Spring Festival: 除夕 5 Feb to 初三 8 Feb, make-up 9–10 Feb, all 暂定")
    void springFestival2027() {
        // Published fact: 正月初一 of the year 丁未 is Saturday 6 February 2027 (Purple Mountain Observatory's
        // almanac; the Hong Kong Observatory's conversion tables agree). The new moon is at 23:56 Beijing time on
        // 6 February — ICU4J 77.1–78.2 puts it after midnight and answers 7 February, which is why the lunar
        // dates come from Time4J (docs/decisions.md).
        assertThat(StatutoryHolidays.statutory(2027).entrySet().stream()
                .filter(e -> e.getValue().equals("spring_festival")).map(Map.Entry::getKey).toList())
                .containsExactly(d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"));
        for (String date : new String[] {"2027-02-05", "2027-02-08", "2027-02-09", "2027-02-10"}) {
            CalendarDay day = calendar.day(d(date));
            assertThat(day.kind()).as(date).isEqualTo(CalendarDay.Kind.HOLIDAY);
            assertThat(day.festivalName()).isEqualTo("春节");
            assertThat(day.provisional()).isTrue();
        }
        // No 调休 in a provisional year: the Saturday and Sunday around the break stay rest days.
        assertThat(calendar.day(d("2027-02-20")).kind()).isEqualTo(CalendarDay.Kind.WEEKEND);
        assertThat(calendar.isWorkingDay(d("2027-02-11"))).isTrue();
        assertThat(calendar.day(d("2026-12-31")).provisional()).isFalse();
    }

    @Test
    @DisplayName("2027 provisional: 元旦, 清明 (solar term 5 Apr), 劳动节 1–2 May + make-up 3–4, 国庆 1–3 Oct + 4–5")
    void otherFestivals2027() {
        assertThat(calendar.isWorkingDay(d("2027-01-01"))).isFalse();
        assertThat(calendar.day(d("2027-04-05")).festivalName()).isEqualTo("清明节");
        assertThat(calendar.day(d("2027-05-03")).festivalName()).isEqualTo("劳动节");
        assertThat(calendar.day(d("2027-05-04")).festivalName()).isEqualTo("劳动节");
        assertThat(calendar.isWorkingDay(d("2027-05-05"))).isTrue();
        assertThat(calendar.day(d("2027-06-09")).festivalName()).isEqualTo("端午节");
        assertThat(calendar.day(d("2027-09-15")).festivalName()).isEqualTo("中秋节");
        assertThat(calendar.day(d("2027-10-05")).festivalName()).isEqualTo("国庆节");
        assertThat(calendar.isWorkingDay(d("2027-10-06"))).isTrue();
    }

    @Test
    @DisplayName("henan-2023 三(一): December 2026's reconciliation is due 5 Jan 2027 (暂定); January's on 11 Feb (暂定)")
    void deadlinesOnTheProvisionalYear() {
        DeadlineRule henan = DeadlineRule.parse("day-of-month:5:shift+1m");
        Due december = calendar.due(henan, YearMonth.of(2026, 12));
        assertThat(december.date()).isEqualTo(d("2027-01-05"));
        assertThat(calendar.provisional(december.date())).isTrue();
        assertThat(december.basis()).isEqualTo("rule:day-of-month:5:shift+1m@2026-12");
        // 5 Feb 2027 is 除夕; the break with its make-up days runs to the 10th.
        assertThat(calendar.deadline(henan, YearMonth.of(2027, 1))).isEqualTo(d("2027-02-11"));
        Due returnDue = calendar.dueAfterWorkingDays(d("2027-01-29"), 10);
        assertThat(returnDue.date()).isEqualTo(d("2027-02-18"));
        assertThat(calendar.recompute(returnDue.basis())).isEqualTo(returnDue.date());
        assertThat(calendar.provisional(calendar.deadline(henan, YearMonth.of(2026, 10)))).isFalse();
    }

    @Test
    @DisplayName("leap years: 29 Feb 2024 is a month end on a Thursday; 2020's on a Saturday shifts to 2 March")
    void leapYears() {
        assertThat(calendar.deadline(DeadlineRule.parse("month-end:shift"), YearMonth.of(2024, 2)))
                .isEqualTo(d("2024-02-29"));
        assertThat(calendar.deadline(DeadlineRule.parse("month-end:shift"), YearMonth.of(2020, 2)))
                .isEqualTo(d("2020-03-02"));
        // 2027 is not a leap year: its February ends on Sunday the 28th, shifted to Monday 1 March (暂定).
        LocalDate feb2027 = calendar.deadline(DeadlineRule.parse("month-end:shift"), YearMonth.of(2027, 2));
        assertThat(feb2027).isEqualTo(d("2027-03-01"));
        assertThat(calendar.provisional(feb2027)).isTrue();
        // 2028 is a leap year but beyond next year: refused, not guessed.
        assertThatThrownBy(() -> calendar.deadline(DeadlineRule.parse("month-end"), YearMonth.of(2028, 2)))
                .isInstanceOf(Rejection.class).extracting("code").isEqualTo("calendar.out-of-range");
    }

    @Test
    @DisplayName("2019 and 2028 are refused; on 2027-06-01 the calendar reaches 2028 (暂定) but not 2029")
    void rangeFollowsTheClock() {
        assertThatThrownBy(() -> calendar.day(d("2019-06-03"))).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> calendar.day(d("2028-06-01"))).isInstanceOf(Rejection.class);
        BusinessCalendar later = BusinessCalendar.official(
                Clock.fixed(Instant.parse("2027-06-01T01:00:00Z"), ZoneId.of("Asia/Shanghai")));
        assertThat(later.day(d("2028-06-01")).provisional()).isTrue();
        assertThat(later.coveredUntil()).isEqualTo(d("2028-12-31"));
        assertThatThrownBy(() -> later.day(d("2029-01-01"))).isInstanceOf(Rejection.class);
    }
}
