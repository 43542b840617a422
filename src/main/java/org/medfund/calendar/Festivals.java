package org.medfund.calendar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Chinese names of the festival keys used in the calendar data file, in calendar order. */
final class Festivals {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("new_years_day", "元旦");
        NAMES.put("spring_festival", "春节");
        NAMES.put("tomb_sweeping_day", "清明节");
        NAMES.put("labour_day", "劳动节");
        NAMES.put("dragon_boat_festival", "端午节");
        NAMES.put("mid_autumn_festival", "中秋节");
        NAMES.put("national_day", "国庆节");
    }

    private Festivals() {
    }

    static String chineseName(String key) {
        return NAMES.getOrDefault(key, key);
    }

    static boolean known(String key) {
        return NAMES.containsKey(key);
    }

    static List<String> keys() {
        return List.copyOf(NAMES.keySet());
    }
}
