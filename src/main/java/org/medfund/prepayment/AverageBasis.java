package org.medfund.prepayment;

import java.util.Locale;

/** Which months divide last year's total when a prepayment is sized (pack parameter {@code prepayment.average-basis}). */
public enum AverageBasis {
    /** Only months in which the hospital had settlements (a hospital designated in June divides by 7). */
    MONTHS_WITH_DATA("有结算数据的月份"),
    /** Always 12: a month without settlements counts as zero. */
    CALENDAR_YEAR("按 12 个月，无结算月份计 0");

    private final String label;

    AverageBasis(String label) {
        this.label = label;
    }

    /** The one Chinese word every surface prints. */
    public String label() {
        return label;
    }

    /** The pack's spelling ("months-with-data"); absent means months with data. */
    static AverageBasis parse(String text) {
        return text == null ? MONTHS_WITH_DATA : valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
