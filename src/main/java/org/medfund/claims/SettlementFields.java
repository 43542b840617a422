package org.medfund.claims;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;

/**
 * The national field names of a settlement record, in file column order, and the canonical text of each field of a
 * parsed record (what content hashes and reversal comparisons use, and what exports print).
 */
public final class SettlementFields {

    public static final List<String> ALL = List.of("setl_id", "mdtrt_id", "psn_no", "fixmedins_code", "insutype",
            "med_type", "clr_type", "clr_way", "clr_optins", "pay_loc", "insuplc_admdvs", "mdtrtarea_admvs",
            "setl_time", "medfee_sumamt", "hifp_pay", "fund_pay_sumamt", "psn_part_amt", "acct_pay", "psn_cash_pay",
            "hosp_part_amt", "setldetail", "refd_setl_id");

    /**
     * The Chinese name of each national field, as the national interface documents name them: what pages and
     * error reports print beside (or instead of) the field name.
     */
    public static final Map<String, String> LABELS = Map.ofEntries(Map.entry("setl_id", "结算ID"),
            Map.entry("mdtrt_id", "就诊ID"), Map.entry("psn_no", "人员编号"),
            Map.entry("fixmedins_code", "定点医药机构编码"), Map.entry("insutype", "险种类型"),
            Map.entry("med_type", "医疗类别"), Map.entry("clr_type", "清算类别"), Map.entry("clr_way", "清算方式"),
            Map.entry("clr_optins", "清算经办机构"), Map.entry("pay_loc", "支付地点类别"),
            Map.entry("insuplc_admdvs", "参保地医保区划"), Map.entry("mdtrtarea_admvs", "就医地医保区划"),
            Map.entry("setl_time", "结算时间"), Map.entry("medfee_sumamt", "医疗费总额"),
            Map.entry("hifp_pay", "统筹基金支出"), Map.entry("fund_pay_sumamt", "基金支付总额"),
            Map.entry("psn_part_amt", "个人负担总金额"), Map.entry("acct_pay", "个人账户支出"),
            Map.entry("psn_cash_pay", "个人现金支出"), Map.entry("hosp_part_amt", "医院负担金额"),
            Map.entry("setldetail", "基金支付明细"), Map.entry("refd_setl_id", "被冲正的结算ID"));

    /** The Chinese name of a national field, or the field name itself when it is not one. */
    public static String label(String field) {
        return field == null ? null : LABELS.getOrDefault(field, field);
    }

    public static final List<String> AMOUNTS = List.of("medfee_sumamt", "hifp_pay", "fund_pay_sumamt",
            "psn_part_amt", "acct_pay", "psn_cash_pay", "hosp_part_amt");

    /** The national time format of {@code setl_time}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private SettlementFields() {
    }

    /** Field name → canonical text of a record; amounts as plain yuan with two decimals. */
    public static Map<String, String> text(SettlementRecord r) {
        String[] values = values(r);
        Map<String, String> text = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            text.put(ALL.get(i), values[i]);
        }
        return text;
    }

    /**
     * The canonical text of each field in {@link #ALL} order: what the content hash covers. Written out by hand
     * (no formatter, no BigDecimal) because intake computes it for every row of files of millions of rows; the
     * text is the same as {@link #TIME} and {@link Money#toPlainYuan()} give.
     */
    public static String[] values(SettlementRecord r) {
        return new String[] {r.setlId(), r.visitId(), r.personNo(), r.hospitalCode(), r.insuranceType(),
            r.medicalType(), r.clearingType(), r.clearingWay(), r.clearingAgencyRegion(), r.place().payLoc(),
            r.insuredRegion(), r.treatmentRegion(), timeText(r.settledAt()), yuanText(r.medfeeSum().fen()),
            yuanText(r.pooledFundPay().fen()), yuanText(r.fundPaySum().fen()), yuanText(r.personPart().fen()),
            yuanText(r.accountPay().fen()), yuanText(r.personCashPay().fen()), yuanText(r.hospitalPart().fen()),
            detailText(r.fundDetail()), r.reversesSetlId() == null ? "" : r.reversesSetlId()};
    }

    /** Fen as plain yuan with two decimals, e.g. -5 → "-0.05" (what {@link Money#toPlainYuan()} prints). */
    public static String yuanText(long fen) {
        if (fen == Long.MIN_VALUE) {
            return Money.ofFen(fen).toPlainYuan();
        }
        long abs = Math.abs(fen);
        StringBuilder text = new StringBuilder(16);
        if (fen < 0) {
            text.append('-');
        }
        long cents = abs % 100;
        return text.append(abs / 100).append('.').append((char) ('0' + cents / 10)).append((char) ('0' + cents % 10))
                .toString();
    }

    /** {@code setl_time} as {@link #TIME} formats it, for years 1000–9999 (intake refuses times before 2000). */
    public static String timeText(LocalDateTime t) {
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return TIME.format(t);
        }
        StringBuilder text = new StringBuilder(19).append(t.getYear()).append('-');
        two(text, t.getMonthValue()).append('-');
        two(text, t.getDayOfMonth()).append(' ');
        two(text, t.getHour()).append(':');
        two(text, t.getMinute()).append(':');
        return two(text, t.getSecond()).toString();
    }

    private static StringBuilder two(StringBuilder text, int value) {
        return text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code setldetail} in file form: {@code 310100:120.00|320100:30.00}. */
    public static String detailText(List<FundPay> detail) {
        if (detail.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder(detail.size() * 16);
        for (FundPay d : detail) {
            if (text.length() > 0) {
                text.append('|');
            }
            text.append(d.fundPayType()).append(':').append(yuanText(d.amount().fen()));
        }
        return text.toString();
    }

    public static LocalDateTime parseTime(String text) {
        String t = text.strip();
        if (t.length() == 19 && t.charAt(10) == 'T') {
            t = t.replace('T', ' ');
        }
        LocalDateTime fast = fastTime(t);
        return fast != null ? fast : LocalDateTime.parse(t, TIME);
    }

    /**
     * The common case of {@link #parseTime} without the formatter: exactly {@code yyyy-MM-dd HH:mm:ss} with a valid
     * date and time. Anything else returns null and goes through the formatter, which gives the error.
     */
    private static LocalDateTime fastTime(String t) {
        if (t.length() != 19 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != ' '
                || t.charAt(13) != ':' || t.charAt(16) != ':') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
