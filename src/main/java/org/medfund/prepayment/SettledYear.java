package org.medfund.prepayment;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The months of a natural year in which the hospital had settlements with the agency: xinyang-2025 art. 3(一)
 * "基本医疗保险正常结算满一个自然年度以上" is met when all twelve months of the year before the prepayment year have some.
 *
 * @param months month numbers 1–12 with at least one stored settlement (any fund the pack prepays)
 */
public record SettledYear(int year, SortedSet<Integer> months) {

    /** A calendar year has twelve months. */
    public static final int MONTHS_PER_YEAR = 12;

    public SettledYear {
        months = Collections.unmodifiableSortedSet(new TreeSet<>(months));
    }

    public boolean full() {
        return months.size() == MONTHS_PER_YEAR;
    }

    /** The evidence shown to the reviewer, e.g. "2024 年有结算记录的月份：1、2、3 月（3 个月），未满一个自然年度". */
    public String evidence() {
        if (full()) {
            return year + " 年 1–12 月均有结算记录，正常结算满一个自然年度";
        }
        return year + " 年有结算记录的月份：" + (months.isEmpty() ? "无" : months.stream().map(String::valueOf)
                .collect(Collectors.joining("、")) + " 月") + "（" + months.size() + " 个月），未满一个自然年度";
    }
}
