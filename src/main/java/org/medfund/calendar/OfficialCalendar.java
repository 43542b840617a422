package org.medfund.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.medfund.common.Rejection;

/**
 * {@link BusinessCalendar} over a fixed set of State Council notices plus provisional years: the notices' years
 * must run consecutively from {@link BusinessCalendar#FIRST_YEAR}; the years after the last notice up to
 * {@code lastYear} are provisional (暂定), computed from 《全国年节及纪念日放假办法》 ({@link StatutoryHolidays}) with
 * weekends and no 调休. Any other date is refused. Immutable: loading a notice builds a new instance.
 */
final class OfficialCalendar implements BusinessCalendar {

    static final String DATA_FILE = "calendar/cn-holidays.txt";

    /** Upper bound on N in "N working days": a year and a half of working days is more than any seed uses. */
    static final int WORKING_DAYS_MAX = 370;

    private static volatile List<HolidayNotice> shippedNotices;

    private final SortedMap<Integer, HolidayNotice> notices;
    private final Map<LocalDate, String> holidays = new ConcurrentHashMap<>();
    private final Map<LocalDate, String> adjustedWorkdays = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> provisionalComputed = new ConcurrentHashMap<>();
    private final LocalDate coveredFrom;
    private final LocalDate coveredUntil;
    private final int lastNoticeYear;

    /**
     * @param lastYear the last covered year: next year as of today, or the last notice's year if that is later
     */
    OfficialCalendar(SortedMap<Integer, HolidayNotice> notices, int lastYear) {
        if (notices.isEmpty() || notices.firstKey() != FIRST_YEAR
                || notices.lastKey() - notices.firstKey() + 1 != notices.size()) {
            throw new IllegalStateException("notice years must run consecutively from " + FIRST_YEAR + ": "
                    + notices.keySet());
        }
        this.notices = Collections.unmodifiableSortedMap(new TreeMap<>(notices));
        for (HolidayNotice notice : notices.values()) {
            holidays.putAll(notice.holidays());
            adjustedWorkdays.putAll(notice.workdays());
        }
        this.lastNoticeYear = notices.lastKey();
        this.coveredFrom = LocalDate.of(FIRST_YEAR, 1, 1);
        this.coveredUntil = LocalDate.of(Math.max(lastYear, lastNoticeYear), 12, 31);
    }

    /** The notices shipped in the data file, read once. */
    static List<HolidayNotice> shippedNotices() {
        List<HolidayNotice> list = shippedNotices;
        if (list == null) {
            try (InputStream in = OfficialCalendar.class.getClassLoader().getResourceAsStream(DATA_FILE)) {
                if (in == null) {
                    throw new IllegalStateException("calendar data file missing from the classpath: " + DATA_FILE);
                }
                list = NoticeFile.shipped(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        "随软件发布（" + DATA_FILE + "）");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            shippedNotices = list;
        }
        return list;
    }

    /** The shipped notices as a map by year. */
    static SortedMap<Integer, HolidayNotice> shippedByYear() {
        SortedMap<Integer, HolidayNotice> byYear = new TreeMap<>();
        shippedNotices().forEach(n -> byYear.put(n.year(), n));
        return byYear;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return day(date).working();
    }

    @Override
    public CalendarDay day(LocalDate date) {
        requireCovered(date);
        boolean provisional = provisional(date);
        if (provisional) {
            computeProvisional(date.getYear());
        }
        String worked = adjustedWorkdays.get(date);
        if (worked != null) {
            return new CalendarDay(date, CalendarDay.Kind.ADJUSTED_WORKDAY, worked, provisional);
        }
        String holiday = holidays.get(date);
        if (holiday != null) {
            return new CalendarDay(date, CalendarDay.Kind.HOLIDAY, holiday, provisional);
        }
        return new CalendarDay(date, NoticeFile.weekend(date) ? CalendarDay.Kind.WEEKEND : CalendarDay.Kind.WORKDAY,
                null, provisional);
    }

    private void computeProvisional(int year) {
        provisionalComputed.computeIfAbsent(year, y -> {
            holidays.putAll(StatutoryHolidays.withMakeUpDays(y));
            return true;
        });
    }

    @Override
    public boolean provisional(LocalDate date) {
        return date.getYear() > lastNoticeYear && !date.isAfter(coveredUntil);
    }

    @Override
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        LocalDate day = date;
        // The longest run of rest days in the data is under two weeks; requireCovered bounds the loop anyway.
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        if (workingDays < 0 || workingDays > WORKING_DAYS_MAX) {
            throw new Rejection("calendar.bad-working-days", "workingDays",
                    "工作日天数须在 0 到 " + WORKING_DAYS_MAX + " 之间：" + workingDays);
        }
        requireCovered(date);
        LocalDate day = date;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    @Override
    public LocalDate deadline(DeadlineRule rule, YearMonth period) {
        return Deadlines.dueDate(this, rule, period);
    }

    @Override
    public SortedMap<Integer, HolidayNotice> notices() {
        return notices;
    }

    @Override
    public HolidayNotice provisionalNotice(int year) {
        if (year <= lastNoticeYear || year > coveredUntil.getYear()) {
            throw new IllegalArgumentException(year + " is not a provisional year of this calendar");
        }
        return new HolidayNotice(year, "暂定：按" + StatutoryHolidays.citation(year) + "推算（法定节假日及补假，不含调休）",
                "", null, "", StatutoryHolidays.withMakeUpDays(year), new TreeMap<>(), java.util.Set.of());
    }

    @Override
    public LocalDate coveredFrom() {
        return coveredFrom;
    }

    @Override
    public LocalDate coveredUntil() {
        return coveredUntil;
    }

    void requireCovered(LocalDate date) {
        if (date.isBefore(coveredFrom) || date.isAfter(coveredUntil)) {
            throw new Rejection("calendar.out-of-range", "date", "日期 " + date + " 超出工作日历覆盖范围 "
                    + coveredFrom + " 至 " + coveredUntil + "（已发布通知的年份，及尚无通知的次年按放假办法暂定）");
        }
    }
}
