package org.medfund.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medfund.common.Rejection;

/**
 * The shipped calendar against the State Council notices for 2024 and 2025 and the deadline shapes of the seeds.
 * Expected dates are written out by hand from the notices, not computed from the data file.
 */
class OfficialCalendarTest {

    /** Today as in the issue: 2026-12-01, so 2027 is the provisional next year and 2028 is refused. */
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));

    private final BusinessCalendar calendar = BusinessCalendar.official(TODAY);

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @ParameterizedTest(name = "调休 {0} is a working day")
    @ValueSource(strings = {"2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14",
        "2024-09-29", "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"})
    @DisplayName("every adjusted Saturday/Sunday of 2024 and 2025 is a working day")
    void adjustedWeekendsAreWorked(String date) {
        assertThat(calendar.isWorkingDay(d(date))).isTrue();
        assertThat(calendar.day(d(date)).kind()).isEqualTo(CalendarDay.Kind.ADJUSTED_WORKDAY);
    }

    @Test
    @DisplayName("the 2024 and 2025 adjusted working days are exactly the ones in the notices")
    void noOtherWeekendIsWorked() {
        List<LocalDate> worked = d("2024-01-01").datesUntil(d("2026-01-01"))
                .filter(day -> day.getDayOfWeek().getValue() >= 6 && calendar.isWorkingDay(day)).toList();
        assertThat(worked).hasSize(13);
    }

    @Test
    @DisplayName("Spring Festival weeks 2024 (2/10–2/17) and 2025 (1/28–2/4) are not worked")
    void springFestival() {
        assertThat(d("2024-02-10").datesUntil(d("2024-02-18"))).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.isWorkingDay(d("2024-02-09"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2024-02-19"))).isTrue();
        assertThat(d("2025-01-28").datesUntil(d("2025-02-05"))).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.day(d("2025-02-03")).festivalName()).isEqualTo("春节");
        assertThat(calendar.isWorkingDay(d("2025-02-05"))).isTrue();
    }

    @Test
    @DisplayName("National Day weeks 2024 (10/1–10/7) and 2025 (10/1–10/8) are not worked")
    void nationalDay() {
        assertThat(d("2024-10-01").datesUntil(d("2024-10-08"))).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.isWorkingDay(d("2024-10-08"))).isTrue();
        assertThat(d("2025-10-01").datesUntil(d("2025-10-09"))).noneMatch(calendar::isWorkingDay);
        assertThat(calendar.isWorkingDay(d("2025-10-09"))).isTrue();
    }

    @Test
    @DisplayName("ordinary weekends rest, ordinary weekdays work")
    void ordinaryDays() {
        assertThat(calendar.day(d("2024-03-09")).kind()).isEqualTo(CalendarDay.Kind.WEEKEND);
        assertThat(calendar.day(d("2024-03-11")).kind()).isEqualTo(CalendarDay.Kind.WORKDAY);
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2024-03-09"))).isEqualTo(d("2024-03-11"));
        assertThat(calendar.nextWorkingDayOnOrAfter(d("2024-03-11"))).isEqualTo(d("2024-03-11"));
    }

    @Test
    @DisplayName("henan-2023 三(一): 'by the 5th, 遇节假日顺延' for October 2024 lands after National Day")
    void fifthShiftedPastNationalDay() {
        assertThat(calendar.deadline(DeadlineRule.parse("day-of-month:5:shift"), YearMonth.of(2024, 10)))
                .isEqualTo(d("2024-10-08"));
        assertThat(calendar.deadline(DeadlineRule.parse("day-of-month:5:shift+1m"), YearMonth.of(2024, 9)))
                .isEqualTo(d("2024-10-08"));
        assertThat(calendar.deadline(DeadlineRule.parse("day-of-month:5"), YearMonth.of(2024, 10)))
                .isEqualTo(d("2024-10-05"));
    }

    @Test
    @DisplayName("henan-2023 二(二): 'by 15 January, 遇节假日顺延' — 2024 (Monday) stays, 2022 (Saturday) and 2023 shift")
    void januaryFifteenth() {
        DeadlineRule rule = DeadlineRule.parse("day-of-month:15:shift");
        assertThat(calendar.deadline(rule, YearMonth.of(2024, 1))).isEqualTo(d("2024-01-15"));
        assertThat(calendar.deadline(rule, YearMonth.of(2022, 1))).isEqualTo(d("2022-01-17"));
        assertThat(calendar.deadline(rule, YearMonth.of(2023, 1))).isEqualTo(d("2023-01-16"));
        assertThat(calendar.deadline(rule, YearMonth.of(2025, 1))).isEqualTo(d("2025-01-15"));
    }

    @Test
    @DisplayName("guizhou-2017: 'day 30' in February means the last day — 29th in leap 2024, 28th in 2025")
    void dayPastMonthLength() {
        DeadlineRule plain = DeadlineRule.parse("day-of-month:30");
        assertThat(calendar.deadline(plain, YearMonth.of(2024, 2))).isEqualTo(d("2024-02-29"));
        assertThat(calendar.deadline(plain, YearMonth.of(2025, 2))).isEqualTo(d("2025-02-28"));
        // 2026-02-28 is an adjusted working Saturday, so the shifted rule stays on it.
        assertThat(calendar.deadline(DeadlineRule.parse("day-of-month:30:shift"), YearMonth.of(2026, 2)))
                .isEqualTo(d("2026-02-28"));
        // 2021-02-28 is an ordinary Sunday: shifted to Monday 1 March.
        assertThat(calendar.deadline(DeadlineRule.parse("day-of-month:30:shift"), YearMonth.of(2021, 2)))
                .isEqualTo(d("2021-03-01"));
        assertThat(calendar.deadline(DeadlineRule.parse("day-of-month:31"), YearMonth.of(2024, 4)))
                .isEqualTo(d("2024-04-30"));
    }

    @Test
    @DisplayName("month end without :shift is the last calendar day, even on a weekend")
    void monthEnd() {
        assertThat(calendar.deadline(DeadlineRule.parse("month-end"), YearMonth.of(2024, 2)))
                .isEqualTo(d("2024-02-29"));
        assertThat(calendar.deadline(DeadlineRule.parse("month-end+1m"), YearMonth.of(2024, 12)))
                .isEqualTo(d("2025-01-31"));
        // Hainan's 每月月底前 (hainan-2020 art. 13) has no 顺延: Sunday 31 March 2024 stands.
        assertThat(calendar.deadline(DeadlineRule.parse("month-end"), YearMonth.of(2024, 3)))
                .isEqualTo(d("2024-03-31"));
    }

    @Test
    @DisplayName("henan-2023 一(三): by the end of the 2nd month of the quarter")
    void quarterRules() {
        DeadlineRule second = DeadlineRule.parse("quarter-month-end:2");
        assertThat(calendar.deadline(second, YearMonth.of(2024, 1))).isEqualTo(d("2024-02-29"));
        assertThat(calendar.deadline(second, YearMonth.of(2024, 3))).isEqualTo(d("2024-02-29"));
        assertThat(calendar.deadline(second, YearMonth.of(2024, 11))).isEqualTo(d("2024-11-30"));
        assertThat(calendar.deadline(DeadlineRule.parse("quarter-month-end:3"), YearMonth.of(2025, 8)))
                .isEqualTo(d("2025-09-30"));
        assertThat(calendar.deadline(DeadlineRule.parse("quarter-month-end:1+3m"), YearMonth.of(2024, 12)))
                .isEqualTo(d("2025-01-31"));
    }

    @Test
    @DisplayName("first N working days of the month/quarter skip holidays and count 调休 days")
    void firstWorkingDays() {
        // October 2024: 1–7 holiday, 8 Tue .. 11 Fri, 12 Sat adjusted → 5th working day is Saturday the 12th.
        assertThat(calendar.deadline(DeadlineRule.parse("first-working-days-of-month:5"), YearMonth.of(2024, 10)))
                .isEqualTo(d("2024-10-12"));
        assertThat(calendar.deadline(DeadlineRule.parse("first-working-days-of-month:1"), YearMonth.of(2025, 10)))
                .isEqualTo(d("2025-10-09"));
        // Q1 2025: 1 Jan holiday; 2 Thu, 3 Fri, 6 Mon, 7 Tue, 8 Wed → the 5th working day is 8 January.
        assertThat(calendar.deadline(DeadlineRule.parse("first-working-days-of-quarter:5"), YearMonth.of(2025, 2)))
                .isEqualTo(d("2025-01-08"));
        // Q4 2024: 8–12 October (12th adjusted Saturday), then 14–18 → the 10th working day is 18 October.
        assertThat(calendar.deadline(DeadlineRule.parse("first-working-days-of-quarter:10+1m"),
                YearMonth.of(2024, 9))).isEqualTo(d("2024-10-18"));
    }

    @Test
    @DisplayName("'within N working days of X' does not count X; holidays are skipped")
    void addWorkingDays() {
        assertThat(calendar.addWorkingDays(d("2024-09-30"), 1)).isEqualTo(d("2024-10-08"));
        assertThat(calendar.withinWorkingDays(d("2024-09-27"), 3)).isEqualTo(d("2024-10-08"));
        assertThat(calendar.addWorkingDays(d("2024-10-03"), 0)).isEqualTo(d("2024-10-03"));
        assertThat(calendar.addWorkingDays(d("2025-01-01"), 10)).isEqualTo(d("2025-01-15"));
        assertThat(calendar.deadline(DeadlineRule.parse("working-days-after:10"), YearMonth.of(2025, 1)))
                .isEqualTo(d("2025-01-15"));
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2025-01-01"), -1))
                .isInstanceOf(Rejection.class).extracting("code").isEqualTo("calendar.bad-working-days");
    }

    @Test
    @DisplayName("dates before 2020 or after next year (2028 on 2026-12-01) are refused naming the range")
    void outOfRange() {
        assertThat(calendar.coveredFrom()).isEqualTo(d("2020-01-01"));
        assertThat(calendar.coveredUntil()).isEqualTo(d("2027-12-31"));
        assertThat(calendar.isWorkingDay(d("2026-12-31"))).isTrue();
        assertThat(calendar.isWorkingDay(d("2020-01-02"))).isTrue();
        for (LocalDate outside : List.of(d("2019-12-31"), d("2028-01-01"), d("2028-02-29"))) {
            assertThatThrownBy(() -> calendar.isWorkingDay(outside)).isInstanceOf(Rejection.class)
                    .hasMessageContaining("2020-01-01").hasMessageContaining("2027-12-31")
                    .extracting("code").isEqualTo("calendar.out-of-range");
        }
        // A deadline or count that runs past the last covered day is refused too, not guessed.
        assertThatThrownBy(() -> calendar.addWorkingDays(d("2027-12-29"), 5))
                .isInstanceOf(Rejection.class).extracting("code").isEqualTo("calendar.out-of-range");
        assertThatThrownBy(() -> calendar.deadline(DeadlineRule.parse("day-of-month:5:shift+1m"),
                YearMonth.of(2027, 12))).isInstanceOf(Rejection.class).extracting("code")
                .isEqualTo("calendar.out-of-range");
    }

    @Test
    @DisplayName("each shipped year names its source notice; 2025 with its 文号 and date")
    void sources() {
        assertThat(calendar.notices()).containsOnlyKeys(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        HolidayNotice notice = calendar.notices().get(2025);
        assertThat(notice.title()).isEqualTo("国务院办公厅关于2025年部分节假日安排的通知");
        assertThat(notice.label()).isEqualTo("国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024-11-12）");
        assertThat(notice.source()).contains("cn-holidays-2020-2026.txt");
    }

    @Test
    @DisplayName("rule text round-trips and bad text is refused")
    void ruleText() {
        for (String text : List.of("day-of-month:15:shift", "day-of-month:30", "month-end", "working-days-after:10",
                "quarter-month-end:2", "first-working-days-of-month:5", "first-working-days-of-quarter:5",
                "month-end:shift", "quarter-month-end:3:shift", "month-end:shift+1m",
                "day-of-month:5:shift+1m")) {
            assertThat(DeadlineRule.parse(text).text()).isEqualTo(text);
        }
        for (String bad : List.of("day-of-month:32", "day-of-month", "month-end:3", "quarter-month-end:4", "x", "",
                "month-end:3:shift", "working-days-after:3:shift")) {
            assertThatThrownBy(() -> DeadlineRule.parse(bad)).isInstanceOf(Rejection.class)
                    .extracting("code").isEqualTo("calendar.bad-rule");
        }
        assertThatThrownBy(() -> calendar.deadline(DeadlineRule.parse("first-working-days-of-month:25"),
                YearMonth.of(2024, 10))).isInstanceOf(Rejection.class).extracting("code")
                .isEqualTo("calendar.bad-rule");
    }
}
