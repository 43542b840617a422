package org.medfund.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Rejection;

/** A notice file is checked whole; each refusal is one Chinese line naming the line at fault. */
class NoticeFileTest {

    /** A complete (test) notice for 2027: every statutory day of the 2024 放假办法 listed. */
    static final String NOTICE_2027 = """
            # 测试用通知（非真实文件）
            Y 2027 国务院办公厅关于2027年部分节假日安排的通知
            N 2027 国办发明电〔2026〕99号
            D 2027 2026-11-20
            S 2027 测试数据
            H 2027-1-1 new_years_day
            H 2027-1-2 new_years_day
            H 2027-1-3 new_years_day
            W 2027-1-31 spring_festival
            H 2027-2-5 spring_festival
            H 2027-2-6 spring_festival
            H 2027-2-7 spring_festival
            H 2027-2-8 spring_festival
            H 2027-2-9 spring_festival
            H 2027-2-10 spring_festival
            H 2027-2-11 spring_festival
            H 2027-2-12 spring_festival
            L 2027-2-11 spring_festival
            L 2027-2-12 spring_festival
            W 2027-2-20 spring_festival
            H 2027-4-3 tomb_sweeping_day
            H 2027-4-4 tomb_sweeping_day
            H 2027-4-5 tomb_sweeping_day
            H 2027-5-1 labour_day
            H 2027-5-2 labour_day
            H 2027-5-3 labour_day
            H 2027-5-4 labour_day
            H 2027-5-5 labour_day
            L 2027-5-5 labour_day
            W 2027-4-25 labour_day
            H 2027-6-9 dragon_boat_festival
            H 2027-9-15 mid_autumn_festival
            H 2027-10-1 national_day
            H 2027-10-2 national_day
            H 2027-10-3 national_day
            H 2027-10-4 national_day
            H 2027-10-5 national_day
            H 2027-10-6 national_day
            H 2027-10-7 national_day
            L 2027-10-6 national_day
            L 2027-10-7 national_day
            W 2027-9-26 national_day
            W 2027-10-9 national_day
            """;

    @Test
    @DisplayName("a complete notice loads with its 文号, date and source")
    void loads() {
        HolidayNotice notice = NoticeFile.loaded(NOTICE_2027);
        assertThat(notice.year()).isEqualTo(2027);
        assertThat(notice.documentNo()).isEqualTo("国办发明电〔2026〕99号");
        assertThat(notice.issuedOn()).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(notice.workdays()).containsKey(LocalDate.of(2027, 1, 31));
        // The stored form parses back to the same notice.
        assertThat(NoticeFile.loaded(notice.text()).text()).isEqualTo(notice.text());
    }

    private static void refused(String text, String... expected) {
        assertThatThrownBy(() -> NoticeFile.loaded(text)).isInstanceOf(Rejection.class)
                .satisfies(e -> {
                    assertThat(((Rejection) e).code()).isEqualTo("calendar.bad-notice");
                    assertThat(e.getMessage()).doesNotContain("\n").startsWith("节假日安排通知有误，未载入：");
                    for (String part : expected) {
                        assertThat(e.getMessage()).contains(part);
                    }
                });
    }

    private static String replaced(String line, String with) {
        assertThat(NOTICE_2027).contains(line);
        return NOTICE_2027.replace(line, with);
    }

    @Test
    @DisplayName("malformed lines are refused naming the line: date, festival, kind, field count, duplicates")
    void malformedLines() {
        refused(replaced("H 2027-6-9 dragon_boat_festival", "H 2027-6-31 dragon_boat_festival"), "第 31 行",
                "2027-6-31");
        refused(replaced("H 2027-6-9 dragon_boat_festival", "H 2027-6-9 duanwu"), "第 31 行", "未知节日 duanwu");
        refused(replaced("H 2027-6-9 dragon_boat_festival", "X 2027-6-9 dragon_boat_festival"), "第 31 行", "未知类别 X");
        refused(replaced("H 2027-6-9 dragon_boat_festival", "H 2027-6-9"), "第 31 行", "应有 3 项");
        refused(replaced("H 2027-2-12 spring_festival", "H 2027-2-11 spring_festival"), "第 17 行",
                "已在第 16 行列出");
        refused(replaced("H 2027-6-9 dragon_boat_festival", "H 2026-6-9 dragon_boat_festival"), "第 31 行",
                "不属于文件中任何一年");
    }

    @Test
    @DisplayName("a 调休 working day must be a weekend day; an in-lieu day must also be a holiday")
    void adjustedDays() {
        refused(replaced("W 2027-2-20 spring_festival", "W 2027-2-22 spring_festival"), "第 20 行", "应为周六或周日");
        refused(replaced("L 2027-5-5 labour_day", "L 2027-5-6 labour_day"), "第 29 行", "须同时列为 H");
    }

    @Test
    @DisplayName("放假办法 art. 2: a notice that omits a statutory day (除夕 2027-02-05) is refused")
    void statutoryDayMissing() {
        refused(replaced("H 2027-2-5 spring_festival\n", ""), "第 2 行", "2027-02-05", "春节", "2024年11月修订");
    }

    @Test
    @DisplayName("a loaded file needs one year with 文号, date and source; 2019 is refused; empty is refused")
    void headers() {
        refused(replaced("N 2027 国办发明电〔2026〕99号\n", ""), "须有 N（文号）");
        refused(replaced("D 2027 2026-11-20", "D 2027 2025-11-20"), "第 4 行", "应在 2026 或 2027 年");
        refused(NOTICE_2027 + "Y 2028 国务院办公厅关于2028年部分节假日安排的通知\n", "一个文件只能载入一年");
        refused(NOTICE_2027.replace("2027", "2019"), "第 2 行", "早于工作日历起始年 2020");
        refused("", "文件为空");
        refused("# 只有注释\n", "没有 Y 行");
        refused(replaced("N 2027 国办发明电〔2026〕99号", "N 2026 国办发明电〔2026〕99号"), "第 3 行", "须先有 2026 年的 Y 行");
    }
}
