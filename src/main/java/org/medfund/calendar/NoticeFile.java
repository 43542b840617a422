package org.medfund.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.medfund.common.Rejection;

/**
 * The text form of holiday notices, shared by the shipped data file {@code calendar/cn-holidays.txt} (all shipped
 * years) and the file an administrator loads (one year). Line forms (fields separated by blanks, {@code #} starts
 * a comment line):
 * <pre>
 *   Y &lt;year&gt; &lt;title&gt;            a notice: 国务院办公厅关于2027年部分节假日安排的通知
 *   N &lt;year&gt; &lt;文号&gt;             its document number, e.g. 国办发明电〔2026〕8号
 *   D &lt;year&gt; &lt;yyyy-m-d&gt;         its date
 *   S &lt;year&gt; &lt;source&gt;           where it was taken from (gazette, web address)
 *   H &lt;yyyy-m-d&gt; &lt;festival&gt;     a holiday (weekend days inside the break too)
 *   W &lt;yyyy-m-d&gt; &lt;festival&gt;     an adjusted working day (调休上班): a Saturday or Sunday
 *   L &lt;yyyy-m-d&gt; &lt;festival&gt;     an in-lieu rest day (调休休息日), also listed as H
 * </pre>
 * A day belongs to the notice of its year. Checks, all or nothing, each refusal one Chinese line naming the line:
 * known festival keys, no day listed twice, W on a weekend and not H, L also H, every statutory day of
 * 《全国年节及纪念日放假办法》 listed as H. A loaded file also needs exactly one year with its N, D and S lines.
 */
final class NoticeFile {

    /** A notice file is a few hundred bytes per festival; anything larger is not a notice. */
    static final int FILE_CHARS_MAX = 64 * 1024;
    static final int TITLE_CHARS_MAX = 200;
    static final int DOCUMENT_NO_CHARS_MAX = 60;
    static final int SOURCE_CHARS_MAX = 400;

    /** Strict, so that 2027-6-31 is refused rather than read as 30 June. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-M-d")
            .withResolverStyle(ResolverStyle.STRICT);

    private NoticeFile() {
    }

    /** Mutable per-year accumulator while reading. */
    private static final class Draft {
        final int year;
        final int line;
        final String title;
        String documentNo = "";
        LocalDate issuedOn;
        String source = "";
        final Map<LocalDate, String> holidays = new TreeMap<>();
        final Map<LocalDate, String> workdays = new TreeMap<>();
        final Set<LocalDate> inLieu = new HashSet<>();
        final Map<LocalDate, Integer> inLieuLines = new HashMap<>();

        Draft(int year, int line, String title) {
            this.year = year;
            this.line = line;
            this.title = title;
        }
    }

    /** Every notice of the shipped file; a broken shipped file is a bug. */
    static List<HolidayNotice> shipped(String text, String origin) {
        try {
            return parse(text, origin, false);
        } catch (Rejection e) {
            throw new IllegalStateException(origin + ": " + e.getMessage(), e);
        }
    }

    /** The one notice of a file an administrator loads; bad content is a {@code calendar.bad-notice} Rejection. */
    static HolidayNotice loaded(String text) {
        if (text == null || text.isBlank()) {
            throw bad("文件为空，应为一年的节假日安排通知（格式见 README 工作日历一节）");
        }
        if (text.length() > FILE_CHARS_MAX) {
            throw bad("文件超过 " + FILE_CHARS_MAX + " 个字符，不是一份节假日安排通知");
        }
        return parse(text, "", true).get(0);
    }

    private static List<HolidayNotice> parse(String text, String origin, boolean loaded) {
        Map<Integer, Draft> drafts = new LinkedHashMap<>();
        Map<LocalDate, Integer> seen = new HashMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            if (parts.length != 3) {
                throw bad(lineNo, "应有 3 项（类别 日期或年份 内容）：" + line);
            }
            switch (parts[0]) {
                case "Y" -> {
                    int year = year(parts[1], lineNo);
                    if (drafts.containsKey(year)) {
                        throw bad(lineNo, year + " 年的通知重复");
                    }
                    drafts.put(year, new Draft(year, lineNo, limited(parts[2], TITLE_CHARS_MAX, "标题", lineNo)));
                }
                case "N", "D", "S" -> header(draftOf(drafts, year(parts[1], lineNo), lineNo), parts, lineNo);
                case "H", "W", "L" -> day(drafts, seen, parts, lineNo);
                default -> throw bad(lineNo, "未知类别 " + parts[0] + "（应为 Y、N、D、S、H、W 或 L）");
            }
        }
        if (loaded && drafts.size() > 1) {
            throw bad("一个文件只能载入一年的通知，实有 " + drafts.size() + " 个 Y 行");
        }
        List<HolidayNotice> notices = new ArrayList<>();
        for (Draft draft : drafts.values()) {
            check(draft, loaded);
            notices.add(new HolidayNotice(draft.year, draft.title, draft.documentNo, draft.issuedOn,
                    draft.source.isEmpty() ? origin : draft.source, new TreeMap<>(draft.holidays),
                    new TreeMap<>(draft.workdays), draft.inLieu));
        }
        if (notices.isEmpty()) {
            throw bad("没有 Y 行：文件未写明是哪一年的通知");
        }
        return notices;
    }

    private static void header(Draft draft, String[] parts, int lineNo) {
        switch (parts[0]) {
            case "N" -> draft.documentNo = limited(parts[2], DOCUMENT_NO_CHARS_MAX, "文号", lineNo);
            case "D" -> {
                LocalDate issued = date(parts[2], lineNo);
                if (issued.getYear() < draft.year - 1 || issued.getYear() > draft.year) {
                    throw bad(lineNo, "通知日期 " + issued + " 应在 " + (draft.year - 1) + " 或 " + draft.year + " 年");
                }
                draft.issuedOn = issued;
            }
            default -> draft.source = limited(parts[2], SOURCE_CHARS_MAX, "来源", lineNo);
        }
    }

    private static void day(Map<Integer, Draft> drafts, Map<LocalDate, Integer> seen, String[] parts, int lineNo) {
        LocalDate date = date(parts[1], lineNo);
        Draft draft = drafts.get(date.getYear());
        if (draft == null) {
            throw bad(lineNo, "日期 " + date + " 不属于文件中任何一年的通知（须先有 " + date.getYear() + " 年的 Y 行）");
        }
        String festival = parts[2];
        if (!Festivals.known(festival)) {
            throw bad(lineNo, "未知节日 " + festival + "（应为 " + String.join("、", Festivals.keys()) + "）");
        }
        if (parts[0].equals("L")) {
            draft.inLieu.add(date);
            draft.inLieuLines.put(date, lineNo);
            return;
        }
        Integer earlier = seen.putIfAbsent(date, lineNo);
        if (earlier != null) {
            throw bad(lineNo, "日期 " + date + " 已在第 " + earlier + " 行列出");
        }
        if (parts[0].equals("W")) {
            if (!weekend(date)) {
                throw bad(lineNo, "调休上班日 " + date + " 应为周六或周日");
            }
            draft.workdays.put(date, festival);
        } else {
            draft.holidays.put(date, festival);
        }
    }

    private static void check(Draft draft, boolean loaded) {
        for (LocalDate date : draft.inLieu) {
            if (!draft.holidays.containsKey(date)) {
                throw bad(draft.inLieuLines.get(date), "调休休息日 " + date + " 须同时列为 H（节假日）");
            }
        }
        if (loaded && (draft.documentNo.isEmpty() || draft.issuedOn == null || draft.source.isEmpty())) {
            throw bad(draft.line, draft.year + " 年通知须有 N（文号）、D（通知日期）和 S（来源）行");
        }
        for (Map.Entry<LocalDate, String> day : StatutoryHolidays.statutory(draft.year).entrySet()) {
            if (!draft.holidays.containsKey(day.getKey())) {
                throw bad(draft.line, draft.year + " 年通知未将法定节假日 " + day.getKey() + "（"
                        + Festivals.chineseName(day.getValue()) + "）列为放假日（"
                        + StatutoryHolidays.citation(draft.year) + "）");
            }
        }
    }

    private static Draft draftOf(Map<Integer, Draft> drafts, int year, int lineNo) {
        Draft draft = drafts.get(year);
        if (draft == null) {
            throw bad(lineNo, "须先有 " + year + " 年的 Y 行");
        }
        return draft;
    }

    private static int year(String text, int lineNo) {
        if (!text.matches("\\d{4}")) {
            throw bad(lineNo, "年份应为四位数字：" + text);
        }
        int year = Integer.parseInt(text);
        if (year < BusinessCalendar.FIRST_YEAR) {
            throw bad(lineNo, "年份 " + year + " 早于工作日历起始年 " + BusinessCalendar.FIRST_YEAR);
        }
        return year;
    }

    private static LocalDate date(String text, int lineNo) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw bad(lineNo, "日期应为 YYYY-M-D 的有效日期：" + text);
        }
    }

    private static String limited(String text, int max, String what, int lineNo) {
        if (text.length() > max) {
            throw bad(lineNo, what + "超过 " + max + " 个字符");
        }
        return text;
    }

    /** The data-file lines of one notice, in the order the format lists them. */
    static String format(HolidayNotice notice) {
        StringBuilder out = new StringBuilder();
        out.append("Y ").append(notice.year()).append(' ').append(notice.title()).append('\n');
        if (!notice.documentNo().isEmpty()) {
            out.append("N ").append(notice.year()).append(' ').append(notice.documentNo()).append('\n');
        }
        if (notice.issuedOn() != null) {
            out.append("D ").append(notice.year()).append(' ').append(notice.issuedOn()).append('\n');
        }
        if (!notice.source().isEmpty()) {
            out.append("S ").append(notice.year()).append(' ').append(notice.source()).append('\n');
        }
        notice.holidays().forEach((d, f) -> out.append("H ").append(d).append(' ').append(f).append('\n'));
        notice.workdays().forEach((d, f) -> out.append("W ").append(d).append(' ').append(f).append('\n'));
        new TreeMap<>(notice.holidays()).keySet().stream().filter(notice.inLieu()::contains)
                .forEach(d -> out.append("L ").append(d).append(' ').append(notice.holidays().get(d)).append('\n'));
        return out.toString();
    }

    static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static Rejection bad(int lineNo, String message) {
        return bad("第 " + lineNo + " 行：" + message);
    }

    private static Rejection bad(String message) {
        return new Rejection("calendar.bad-notice", "file", "节假日安排通知有误，未载入：" + message);
    }
}
