package org.medfund.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medfund.common.Rejection;
import org.springframework.stereotype.Component;

/**
 * {@link BusinessCalendar} over the shipped data file {@code calendar/cn-holidays.txt} (format described in its
 * header). The file is checked when loaded: an adjusted working day must be a weekend, no date may be both holiday
 * and working day, and the covered years must be consecutive; a broken file is a bug and stops the application.
 */
@Component
final class OfficialCalendar implements BusinessCalendar {

    static final String DATA_FILE = "calendar/cn-holidays.txt";

    /** Upper bound on N in "N working days": a year and a half of working days is more than any seed uses. */
    static final int WORKING_DAYS_MAX = 370;

    private static final DateTimeFormatter DATA_DATE = DateTimeFormatter.ofPattern("uuuu-M-d");
    private static volatile OfficialCalendar shipped;

    private final Map<LocalDate, String> holidays;
    private final Map<LocalDate, String> adjustedWorkdays;
    private final SortedMap<Integer, String> sourceNotices;
    private final LocalDate coveredFrom;
    private final LocalDate coveredUntil;

    OfficialCalendar() {
        this(DATA_FILE);
    }

    OfficialCalendar(String resource) {
        Map<LocalDate, String> holidayDays = new HashMap<>();
        Map<LocalDate, String> workedDays = new HashMap<>();
        Set<LocalDate> inLieu = new HashSet<>();
        SortedMap<Integer, String> sources = new TreeMap<>();
        InputStream in = OfficialCalendar.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("calendar data file missing from the classpath: " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] parts = text.split("\\s+", 3);
                if (parts.length != 3) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": expected 3 fields: " + line);
                }
                if (parts[0].equals("Y")) {
                    sources.put(Integer.valueOf(parts[1]), parts[2]);
                    continue;
                }
                LocalDate date = LocalDate.parse(parts[1], DATA_DATE);
                if (!Festivals.known(parts[2])) {
                    throw new IllegalStateException(resource + ":" + lineNo + ": unknown festival " + parts[2]);
                }
                switch (parts[0]) {
                    case "H" -> holidayDays.put(date, parts[2]);
                    case "W" -> workedDays.put(date, parts[2]);
                    case "L" -> inLieu.add(date);
                    default -> throw new IllegalStateException(resource + ":" + lineNo + ": unknown kind " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        check(resource, holidayDays, workedDays, inLieu, sources);
        this.holidays = Map.copyOf(holidayDays);
        this.adjustedWorkdays = Map.copyOf(workedDays);
        this.sourceNotices = Collections.unmodifiableSortedMap(sources);
        this.coveredFrom = LocalDate.of(sources.firstKey(), 1, 1);
        this.coveredUntil = LocalDate.of(sources.lastKey(), 12, 31);
    }

    static OfficialCalendar shipped() {
        OfficialCalendar calendar = shipped;
        if (calendar == null) {
            synchronized (OfficialCalendar.class) {
                if (shipped == null) {
                    shipped = new OfficialCalendar();
                }
                calendar = shipped;
            }
        }
        return calendar;
    }

    private static void check(String resource, Map<LocalDate, String> holidays, Map<LocalDate, String> worked,
                              Set<LocalDate> inLieu, SortedMap<Integer, String> sources) {
        if (sources.isEmpty() || sources.lastKey() - sources.firstKey() + 1 != sources.size()) {
            throw new IllegalStateException(resource + ": covered years must be consecutive: " + sources.keySet());
        }
        for (LocalDate date : worked.keySet()) {
            if (!isWeekend(date) || holidays.containsKey(date)) {
                throw new IllegalStateException(resource + ": adjusted working day " + date
                        + " must be a Saturday or Sunday and not a holiday");
            }
        }
        for (LocalDate date : inLieu) {
            if (!holidays.containsKey(date)) {
                throw new IllegalStateException(resource + ": in-lieu rest day " + date + " is not listed as H");
            }
        }
        for (LocalDate date : holidays.keySet()) {
            if (!sources.containsKey(date.getYear())) {
                throw new IllegalStateException(resource + ": holiday " + date + " outside the covered years");
            }
        }
    }

    private static boolean isWeekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return day(date).working();
    }

    @Override
    public CalendarDay day(LocalDate date) {
        requireCovered(date);
        String worked = adjustedWorkdays.get(date);
        if (worked != null) {
            return new CalendarDay(date, CalendarDay.Kind.ADJUSTED_WORKDAY, worked);
        }
        String holiday = holidays.get(date);
        if (holiday != null) {
            return new CalendarDay(date, CalendarDay.Kind.HOLIDAY, holiday);
        }
        return new CalendarDay(date, isWeekend(date) ? CalendarDay.Kind.WEEKEND : CalendarDay.Kind.WORKDAY, null);
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
    public SortedMap<Integer, String> sourceNotices() {
        return sourceNotices;
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
                    + coveredFrom + " 至 " + coveredUntil + "（仅收录已发布的国务院办公厅节假日安排通知）");
        }
    }
}
