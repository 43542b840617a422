package org.medfund.calendar;

import java.util.Map;

/** Chinese names of the festival keys used in the calendar data file. */
final class Festivals {

    private static final Map<String, String> NAMES = Map.of(
            "new_years_day", "元旦",
            "spring_festival", "春节",
            "tomb_sweeping_day", "清明节",
            "labour_day", "劳动节",
            "dragon_boat_festival", "端午节",
            "mid_autumn_festival", "中秋节",
            "national_day", "国庆节");

    private Festivals() {
    }

    static String chineseName(String key) {
        return NAMES.getOrDefault(key, key);
    }

    static boolean known(String key) {
        return NAMES.containsKey(key);
    }
}
