package org.medfund.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.SortedMap;
import org.springframework.stereotype.Component;

/**
 * The application's {@link BusinessCalendar}: the shipped notices overlaid by the notices an administrator loaded
 * into the database, covered up to next year as of the injected clock. It answers from an immutable
 * {@link OfficialCalendar} snapshot, rebuilt when the year turns or a load is seen; another process (the CLI
 * loading a notice while the server runs) is seen within {@link #RECHECK_NANOS}.
 */
@Component
final class StoredCalendar implements BusinessCalendar {

    /** How long a snapshot is trusted before the load counter is read again. */
    static final long RECHECK_NANOS = 10_000_000_000L;

    private record Snapshot(OfficialCalendar calendar, long version, int todayYear, long checkedAtNanos) {
    }

    private final NoticeStore store;
    private final Clock clock;
    private volatile Snapshot snapshot;

    StoredCalendar(NoticeStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The calendar as it stands now. */
    OfficialCalendar current() {
        Snapshot s = snapshot;
        int todayYear = LocalDate.now(clock).getYear();
        long now = System.nanoTime();
        if (s != null && s.todayYear() == todayYear && now - s.checkedAtNanos() < RECHECK_NANOS) {
            return s.calendar();
        }
        long version = store.version();
        if (s != null && s.todayYear() == todayYear && s.version() == version) {
            snapshot = new Snapshot(s.calendar(), version, todayYear, now);
            return s.calendar();
        }
        OfficialCalendar built = build(todayYear);
        snapshot = new Snapshot(built, version, todayYear, now);
        return built;
    }

    /** The shipped notices with the loaded ones (and, when given, one more) in place of their years. */
    OfficialCalendar build(int todayYear, HolidayNotice... extra) {
        SortedMap<Integer, HolidayNotice> notices = OfficialCalendar.shippedByYear();
        for (String content : store.contents()) {
            HolidayNotice notice = NoticeFile.shipped(content, "").get(0);
            notices.put(notice.year(), notice);
        }
        for (HolidayNotice notice : extra) {
            notices.put(notice.year(), notice);
        }
        return new OfficialCalendar(notices, todayYear + 1);
    }

    /** Forget the snapshot (after a load commits), so the next call reads the notices again. */
    void invalidate() {
        snapshot = null;
    }

    int todayYear() {
        return LocalDate.now(clock).getYear();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        return current().isWorkingDay(date);
    }

    @Override
    public LocalDate nextWorkingDayOnOrAfter(LocalDate date) {
        return current().nextWorkingDayOnOrAfter(date);
    }

    @Override
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        return current().addWorkingDays(date, workingDays);
    }

    @Override
    public LocalDate deadline(DeadlineRule rule, YearMonth period) {
        return current().deadline(rule, period);
    }

    @Override
    public CalendarDay day(LocalDate date) {
        return current().day(date);
    }

    @Override
    public boolean provisional(LocalDate date) {
        return current().provisional(date);
    }

    @Override
    public SortedMap<Integer, HolidayNotice> notices() {
        return current().notices();
    }

    @Override
    public HolidayNotice provisionalNotice(int year) {
        return current().provisionalNotice(year);
    }

    @Override
    public LocalDate coveredFrom() {
        return current().coveredFrom();
    }

    @Override
    public LocalDate coveredUntil() {
        return current().coveredUntil();
    }
}
