package org.medfund.crossregion.internal;

import java.util.Map;

/**
 * The names of the provincial-level divisions by their national 6-digit code (GB/T 2260), for the other provinces of
 * a national clearing file that the registry does not hold: staff see names, not codes.
 */
final class ProvinceNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("110000", "北京市"), Map.entry("120000", "天津市"), Map.entry("130000", "河北省"),
            Map.entry("140000", "山西省"), Map.entry("150000", "内蒙古自治区"), Map.entry("210000", "辽宁省"),
            Map.entry("220000", "吉林省"), Map.entry("230000", "黑龙江省"), Map.entry("310000", "上海市"),
            Map.entry("320000", "江苏省"), Map.entry("330000", "浙江省"), Map.entry("340000", "安徽省"),
            Map.entry("350000", "福建省"), Map.entry("360000", "江西省"), Map.entry("370000", "山东省"),
            Map.entry("410000", "河南省"), Map.entry("420000", "湖北省"), Map.entry("430000", "湖南省"),
            Map.entry("440000", "广东省"), Map.entry("450000", "广西壮族自治区"), Map.entry("460000", "海南省"),
            Map.entry("500000", "重庆市"), Map.entry("510000", "四川省"), Map.entry("520000", "贵州省"),
            Map.entry("530000", "云南省"), Map.entry("540000", "西藏自治区"), Map.entry("610000", "陕西省"),
            Map.entry("620000", "甘肃省"), Map.entry("630000", "青海省"), Map.entry("640000", "宁夏回族自治区"),
            Map.entry("650000", "新疆维吾尔自治区"), Map.entry("660000", "新疆生产建设兵团"));

    private ProvinceNames() {
    }

    /** The name of a province code, or the code itself when it is not a provincial-level division. */
    static String of(String code) {
        return NAMES.getOrDefault(code, code);
    }
}
