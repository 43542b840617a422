package org.medfund.calendar;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.medfund.common.Fingerprint;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Loading a year's State Council holiday notice (an administrator's act; the caller checks the role): the file is
 * checked whole ({@link NoticeFile}), stored with its source, audited with the year's days before and after, and
 * every open due date the capabilities computed on the provisional year is recomputed ({@link DueDateRecompute})
 * and listed. Idempotent on the request id; loading the notice a year already has changes nothing.
 */
@Service
public class CalendarNotices {

    /** What a load did. {@code unchanged}: the year already had this very notice, nothing was written. */
    public record LoadResult(long loadId, int year, String label, boolean unchanged, List<String> dayChanges,
                             List<DueDateChange> dueDateChanges, String loadedBy, LocalDateTime loadedAt) {
    }

    /** A covered year on the notices page: its notice (or the provisional calendar) and who loaded it. */
    public record YearSource(int year, String label, String source, boolean provisional, String loadedBy,
                             LocalDateTime loadedAt) {
    }

    static final String SCOPE = "calendar.load-notice";

    private final StoredCalendar calendar;
    private final NoticeStore store;
    private final RequestLog requestLog;
    private final ObjectProvider<DueDateRecompute> recomputes;
    private final Clock clock;

    CalendarNotices(StoredCalendar calendar, NoticeStore store, RequestLog requestLog,
                    ObjectProvider<DueDateRecompute> recomputes, Clock clock) {
        this.calendar = calendar;
        this.store = store;
        this.requestLog = requestLog;
        this.recomputes = recomputes;
        this.clock = clock;
    }

    /**
     * Loads a notice file. With a request id a repeat answers the first result; without one, sending the notice the
     * year already has is still a no-op (reported as unchanged).
     *
     * @param loadedBy the administrator (checked by the caller)
     */
    @Transactional
    public LoadResult load(String text, String fileName, String loadedBy, String requestId) {
        HolidayNotice notice = NoticeFile.loaded(text);
        requireLoadable(notice.year());
        String result = requestId == null ? doLoad(notice, fileName, loadedBy)
                : requestLog.once(SCOPE, requestId, Fingerprint.of(notice.text()),
                        () -> doLoad(notice, fileName, loadedBy));
        return result.startsWith("unchanged:") ? unchanged(notice, loadedBy) : result(Long.parseLong(result));
    }

    private String doLoad(HolidayNotice notice, String fileName, String loadedBy) {
        OfficialCalendar before = calendar.current();
        HolidayNotice previous = before.notices().get(notice.year());
        if (previous != null && previous.text().equals(notice.text())) {
            return "unchanged:" + notice.year();
        }
        HolidayNotice replaced = previous != null ? previous : before.provisionalNotice(notice.year());
        long loadId = store.insertLoad(notice.year(), loadedBy, Timestamp.from(Instant.now(clock)), fileName,
                replaced.text(), notice.text());
        store.upsertNotice(notice, loadId);
        OfficialCalendar after = calendar.build(calendar.todayYear(), notice);
        List<String> lines = new ArrayList<>();
        for (DueDateRecompute recompute : recomputes.orderedStream().toList()) {
            recompute.recompute(notice.year(), before, after).forEach(c -> lines.add(encode(c)));
        }
        store.recordChanges(loadId, String.join("\n", lines));
        // Other requests keep the old calendar until this one commits; then everyone reads the new notices.
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.invalidate();
                }
            });
        } else {
            calendar.invalidate();
        }
        return Long.toString(loadId);
    }

    /** Before 2020 or after next year is refused; so is a gap (notice years run without gaps). */
    private void requireLoadable(int year) {
        int nextYear = calendar.todayYear() + 1;
        if (year > nextYear) {
            throw new Rejection("calendar.notice-year", "file", "只能载入 " + nextYear + " 年及以前的通知（国务院办公厅"
                    + "每年年底发布次年安排）：" + year);
        }
        int lastNoticed = calendar.current().notices().lastKey();
        if (year > lastNoticed + 1) {
            throw new Rejection("calendar.notice-year", "file", "须先载入 " + (lastNoticed + 1) + " 年的通知，再载入 "
                    + year + " 年的通知");
        }
    }

    /** The result of an earlier load (the page after loading, a repeated request). */
    public LoadResult result(long loadId) {
        NoticeStore.Load load = store.load(loadId).orElseThrow(() -> Rejection.notFound("calendar.no-load", "id",
                "没有编号为 " + loadId + " 的通知载入记录"));
        HolidayNotice previous = NoticeFile.shipped(load.previous(), "").get(0);
        HolidayNotice loaded = NoticeFile.shipped(load.content(), "").get(0);
        List<DueDateChange> changes = load.changes().isEmpty() ? List.of()
                : load.changes().lines().map(CalendarNotices::decode).toList();
        return new LoadResult(load.id(), load.year(), loaded.label(), false, dayChanges(previous, loaded), changes,
                load.loadedBy(), load.loadedAt());
    }

    private LoadResult unchanged(HolidayNotice notice, String loadedBy) {
        return new LoadResult(0, notice.year(), notice.label(), true, List.of(), List.of(), loadedBy,
                LocalDateTime.now(clock));
    }

    /** The loads, newest first. */
    public List<LoadResult> history() {
        return store.history().stream().map(l -> result(l.id())).toList();
    }

    /** Every covered year with where its days come from. */
    public List<YearSource> years() {
        List<YearSource> years = new ArrayList<>();
        for (int year = calendar.coveredFrom().getYear(); year <= calendar.coveredUntil().getYear(); year++) {
            HolidayNotice notice = calendar.notices().get(year);
            if (notice == null) {
                HolidayNotice provisional = calendar.provisionalNotice(year);
                years.add(new YearSource(year, provisional.title(), "", true, null, null));
                continue;
            }
            Optional<NoticeStore.Load> load = store.loadOf(year);
            years.add(new YearSource(year, notice.label(), notice.source(), false,
                    load.map(NoticeStore.Load::loadedBy).orElse(null),
                    load.map(NoticeStore.Load::loadedAt).orElse(null)));
        }
        return years;
    }

    /** Each date whose kind differs between the two notices: "2027-02-11 周四：工作日 → 节假日 春节". */
    static List<String> dayChanges(HolidayNotice before, HolidayNotice after) {
        TreeSet<LocalDate> dates = new TreeSet<>(before.days().keySet());
        dates.addAll(after.days().keySet());
        List<String> lines = new ArrayList<>();
        for (LocalDate date : dates) {
            String old = before.days().getOrDefault(date, plain(date));
            String now = after.days().getOrDefault(date, plain(date));
            if (!old.equals(now)) {
                lines.add(date + " " + date.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA) + "：" + old
                        + " → " + now);
            }
        }
        return lines;
    }

    private static String plain(LocalDate date) {
        return NoticeFile.weekend(date) ? CalendarDay.Kind.WEEKEND.label() : CalendarDay.Kind.WORKDAY.label();
    }

    /** Tab-separated in the audit row: subject, reference, before, after, stored. */
    private static String encode(DueDateChange c) {
        return String.join("\t", c.subject(), c.reference(), c.before().toString(), c.after().toString(),
                Boolean.toString(c.stored()));
    }

    private static DueDateChange decode(String line) {
        String[] f = line.split("\t");
        return new DueDateChange(f[0], f[1], LocalDate.parse(f[2]), LocalDate.parse(f[3]), Boolean.parseBoolean(f[4]));
    }
}
