package org.medfund.calendar;

import java.time.LocalDate;

/**
 * One covered date as the calendar sees it.
 *
 * @param festival the festival key from the notice (e.g. {@code national_day}) for holidays and adjusted working
 *     days, else null
 * @param provisional the year has no notice yet: the day is computed from 《全国年节及纪念日放假办法》 (暂定)
 */
public record CalendarDay(LocalDate date, Kind kind, String festival, boolean provisional) {

    /** Why a day is or is not worked. */
    public enum Kind {
        /** Monday to Friday, no holiday. */
        WORKDAY(true, "工作日"),
        /** Saturday or Sunday, not adjusted. */
        WEEKEND(false, "休息日"),
        /** Official holiday (法定节假日及调休休息日). */
        HOLIDAY(false, "节假日"),
        /** A Saturday or Sunday worked in exchange for a holiday (调休上班). */
        ADJUSTED_WORKDAY(true, "调休上班");

        private final boolean working;
        private final String label;

        Kind(boolean working, String label) {
            this.working = working;
            this.label = label;
        }

        public boolean working() {
            return working;
        }

        /** Chinese label for pages and the CLI. */
        public String label() {
            return label;
        }
    }

    public boolean working() {
        return kind.working();
    }

    /** Chinese name of the festival, or null. */
    public String festivalName() {
        return festival == null ? null : Festivals.chineseName(festival);
    }
}
