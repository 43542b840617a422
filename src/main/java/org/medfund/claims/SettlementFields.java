package org.medfund.claims;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The national field names of a settlement record, in file column order, and the canonical text of each field of a
 * parsed record (what content hashes and reversal comparisons use, and what exports print).
 */
public final class SettlementFields {

    public static final List<String> ALL = List.of("setl_id", "mdtrt_id", "psn_no", "fixmedins_code", "insutype",
            "med_type", "clr_type", "clr_way", "clr_optins", "pay_loc", "insuplc_admdvs", "mdtrtarea_admvs",
            "setl_time", "medfee_sumamt", "hifp_pay", "fund_pay_sumamt", "psn_part_amt", "acct_pay", "psn_cash_pay",
            "hosp_part_amt", "setldetail", "refd_setl_id");

    public static final List<String> AMOUNTS = List.of("medfee_sumamt", "hifp_pay", "fund_pay_sumamt",
            "psn_part_amt", "acct_pay", "psn_cash_pay", "hosp_part_amt");

    /** The national time format of {@code setl_time}. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withResolverStyle(java.time.format.ResolverStyle.STRICT);

    private SettlementFields() {
    }

    /** Field name → canonical text of a record; amounts as plain yuan with two decimals. */
    public static Map<String, String> text(SettlementRecord r) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put("setl_id", r.setlId());
        text.put("mdtrt_id", r.visitId());
        text.put("psn_no", r.personNo());
        text.put("fixmedins_code", r.hospitalCode());
        text.put("insutype", r.insuranceType());
        text.put("med_type", r.medicalType());
        text.put("clr_type", r.clearingType());
        text.put("clr_way", r.clearingWay());
        text.put("clr_optins", r.clearingAgencyRegion());
        text.put("pay_loc", r.place().payLoc());
        text.put("insuplc_admdvs", r.insuredRegion());
        text.put("mdtrtarea_admvs", r.treatmentRegion());
        text.put("setl_time", TIME.format(r.settledAt()));
        text.put("medfee_sumamt", r.medfeeSum().toPlainYuan());
        text.put("hifp_pay", r.pooledFundPay().toPlainYuan());
        text.put("fund_pay_sumamt", r.fundPaySum().toPlainYuan());
        text.put("psn_part_amt", r.personPart().toPlainYuan());
        text.put("acct_pay", r.accountPay().toPlainYuan());
        text.put("psn_cash_pay", r.personCashPay().toPlainYuan());
        text.put("hosp_part_amt", r.hospitalPart().toPlainYuan());
        text.put("setldetail", detailText(r.fundDetail()));
        text.put("refd_setl_id", r.reversesSetlId() == null ? "" : r.reversesSetlId());
        return text;
    }

    /** {@code setldetail} in file form: {@code 310100:120.00|320100:30.00}. */
    public static String detailText(List<FundPay> detail) {
        return detail.stream().map(d -> d.fundPayType() + ":" + d.amount().toPlainYuan())
                .collect(Collectors.joining("|"));
    }

    static LocalDateTime parseTime(String text) {
        String t = text.strip();
        if (t.length() == 19 && t.charAt(10) == 'T') {
            t = t.replace('T', ' ');
        }
        return LocalDateTime.parse(t, TIME);
    }
}
