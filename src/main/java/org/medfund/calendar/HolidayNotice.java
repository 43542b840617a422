package org.medfund.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;

/**
 * One year's State Council notice on holiday arrangements (国务院办公厅关于X年部分节假日安排的通知) as data.
 *
 * @param documentNo 文号, e.g. 国办发明电〔2024〕12号; empty when not recorded (some shipped years)
 * @param issuedOn the notice's date; null when not recorded
 * @param source where the text was taken from (the gazette or web page); for shipped years the data file
 * @param holidays 放假 days (date → festival key), weekend days inside a break included
 * @param workdays adjusted working weekend days (调休上班, date → festival key)
 * @param inLieu the holidays that are in-lieu rest days (调休休息日), informative only
 */
public record HolidayNotice(int year, String title, String documentNo, LocalDate issuedOn, String source,
                            SortedMap<LocalDate, String> holidays, SortedMap<LocalDate, String> workdays,
                            Set<LocalDate> inLieu) {

    public HolidayNotice {
        holidays = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(holidays));
        workdays = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(workdays));
        inLieu = Set.copyOf(inLieu);
    }

    /** The notice as lines of the data file (see {@link NoticeFile}), e.g. to store it or show what was replaced. */
    public String text() {
        return NoticeFile.format(this);
    }

    /** Title, 文号 and date in one line for pages: "国务院办公厅关于2025年…（国办发明电〔2024〕12号，2024-11-12）". */
    public String label() {
        if (documentNo.isEmpty() && issuedOn == null) {
            return title;
        }
        return title + "（" + (documentNo.isEmpty() ? "文号未记录" : documentNo)
                + (issuedOn == null ? "" : "，" + issuedOn) + "）";
    }

    /** Every listed day with its kind label, for the audit's old-versus-new comparison. */
    Map<LocalDate, String> days() {
        Map<LocalDate, String> days = new java.util.TreeMap<>();
        holidays.forEach((d, f) -> days.put(d, "节假日 " + Festivals.chineseName(f)));
        workdays.forEach((d, f) -> days.put(d, "调休上班 " + Festivals.chineseName(f)));
        return days;
    }
}
