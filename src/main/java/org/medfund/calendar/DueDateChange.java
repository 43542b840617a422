package org.medfund.calendar;

import java.time.LocalDate;

/**
 * One open due date looked at when a notice was loaded.
 *
 * @param subject what is due, in Chinese (e.g. "预付金步骤 财政拨付")
 * @param reference the row it belongs to (a prepayment id, a payment batch, a rule and period)
 * @param stored whether the date is stored (and was updated) or computed whenever it is shown
 */
public record DueDateChange(String subject, String reference, LocalDate before, LocalDate after, boolean stored) {

    public boolean changed() {
        return !before.equals(after);
    }

    /** One line for the CLI and the audit: "subject reference：old → new". */
    public String line() {
        return subject + " " + reference + "：" + before + " → " + after + (changed() ? "" : "（未变）")
                + (stored ? "" : "（显示时计算）");
    }
}
