package org.medfund.claims.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfund.claims.FundPay;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.RowError;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementFiles;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlementRecord;
import org.medfund.common.Money;

/**
 * Checks one row on its own (formats, required fields, amount identities, dates) and builds the record. What needs
 * the registry or stored data (regions, scope, reversal targets, duplicates) is checked by {@link SettlementIntake}.
 *
 * <p>Amount identities, our reading of the national definitions (docs/claims-fields.md): the total fee is split
 * among the funds, the person and the hospital, {@code medfee_sumamt = fund_pay_sumamt + psn_part_amt +
 * hosp_part_amt}; the person pays from the personal account or in cash, {@code psn_part_amt = acct_pay +
 * psn_cash_pay}; the pooled fund is one of the funds, {@code hifp_pay ≤ fund_pay_sumamt}; when a per-fund
 * breakdown is sent it adds up to {@code fund_pay_sumamt}, and its pooled-fund lines (fund_pay_type
 * {@code <insutype>100}, e.g. 310100, 390100) add up to {@code hifp_pay}.
 */
final class RowParser {

    static final int ID_LENGTH_MAX = 30;
    static final int DETAIL_LINES_MAX = 20;
    /** Ten billion yuan: far above any single visit, low enough that sums of millions of rows fit a long. */
    static final Money AMOUNT_MAX = Money.ofYuan("9999999999.99");
    static final LocalDateTime SETTLED_AT_MIN = LocalDateTime.of(2000, 1, 1, 0, 0);

    /*
     * The formats, checked by hand rather than by regular expression (intake checks millions of rows per file):
     * id [A-Za-z0-9_-]{1,30}, code \d{1,6}, region \d{6}, amount \d{1,10}(\.\d{1,2})? in yuan.
     */

    static boolean isId(String v) {
        if (v.isEmpty() || v.length() > ID_LENGTH_MAX) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String v, int lengthMin, int lengthMax) {
        if (v.length() < lengthMin || v.length() > lengthMax) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The amount in fen, or -1 when the text is not \d{1,10}(\.\d{1,2})? (so never negative). */
    static long amountFen(String v) {
        int dot = v.indexOf('.');
        String whole = dot < 0 ? v : v.substring(0, dot);
        String decimals = dot < 0 ? "" : v.substring(dot + 1);
        if (!isDigits(whole, 1, 10) || dot >= 0 && !isDigits(decimals, 1, 2)) {
            return -1;
        }
        long fen = Long.parseLong(whole) * 100;
        if (decimals.length() == 1) {
            fen += (decimals.charAt(0) - '0') * 10;
        } else if (decimals.length() == 2) {
            fen += Integer.parseInt(decimals);
        }
        return fen;
    }

    private RowParser() {
    }

    /** A parsed row: a full record, or for a reversal only its own keys until the target is known. */
    record Parsed(long row, Map<String, String> raw, SettlementRecord record, Reversal reversal,
                  List<RowError> errors) {

        boolean ok() {
            return errors.isEmpty();
        }

        String setlId() {
            return raw.getOrDefault("setl_id", "");
        }

        String hospitalCode() {
            return record != null ? record.hospitalCode() : reversal != null ? reversal.hospitalCode()
                    : raw.getOrDefault("fixmedins_code", "").strip();
        }
    }

    /** A reversal row's own fields; the rest is the reversed record's, negated. */
    record Reversal(String setlId, String hospitalCode, LocalDateTime settledAt, String targetSetlId) {
    }

    static Parsed parse(long row, Map<String, String> raw, LocalDateTime now) {
        Errors errors = new Errors(row, raw);
        if (raw.containsKey("_extra")) {
            errors.add("setl_id", "claims.bad-row", "该行的列数多于表头");
        }
        if (errors.badlyEncoded != null) {
            errors.add(errors.badlyEncoded, "claims.bad-encoding", "含有不是 UTF-8 编码的字节（文件须以 UTF-8 保存）");
        }
        String setlId = errors.id("setl_id");
        String hospital = errors.id("fixmedins_code");
        LocalDateTime settledAt = errors.time("setl_time", now);
        String target = value(raw, "refd_setl_id");
        if (!target.isEmpty()) {
            if (!isId(target)) {
                errors.add("refd_setl_id", "claims.bad-id", "被冲正结算ID须为 1–30 位字母、数字、下划线或连字符");
            } else if (target.equals(setlId)) {
                errors.add("refd_setl_id", "claims.reversal-self", "冲正记录不能冲正自己");
            }
            for (String field : SettlementFields.AMOUNTS) {
                errors.amountOptional(field);
            }
            Reversal reversal = errors.list.isEmpty() ? new Reversal(setlId, hospital, settledAt, target) : null;
            return new Parsed(row, raw, null, reversal, errors.list);
        }
        SettlementRecord record = parseSettlement(errors, setlId, hospital, settledAt);
        return new Parsed(row, raw, errors.list.isEmpty() ? record : null, null, errors.list);
    }

    private static SettlementRecord parseSettlement(Errors e, String setlId, String hospital, LocalDateTime at) {
        String visitId = e.id("mdtrt_id");
        String personNo = e.id("psn_no");
        String insutype = e.code("insutype");
        String medType = e.code("med_type");
        String clrType = e.code("clr_type");
        String clrWay = e.code("clr_way");
        String clrOptins = e.region("clr_optins");
        String payLoc = e.required("pay_loc");
        PlaceOfSettlement place = PlaceOfSettlement.ofPayLoc(payLoc);
        if (!payLoc.isEmpty() && place == null) {
            e.add("pay_loc", "claims.bad-pay-loc", "支付地点类别须为 2（医院结算，本地）、3（省内异地）或 4（省外异地）");
        }
        String insured = e.region("insuplc_admdvs");
        String treatment = e.region("mdtrtarea_admvs");
        Money medfee = e.amount("medfee_sumamt");
        Money hifp = e.amount("hifp_pay");
        Money fund = e.amount("fund_pay_sumamt");
        Money psnPart = e.amount("psn_part_amt");
        Money acct = e.amount("acct_pay");
        Money cash = e.amount("psn_cash_pay");
        Money hospPart = e.amount("hosp_part_amt");
        List<FundPay> detail = e.detail("setldetail");
        if (!e.list.isEmpty()) {
            return null;
        }
        checkIdentities(e, insutype, medfee, hifp, fund, psnPart, acct, cash, hospPart, detail);
        return new SettlementRecord(
                new SettlementRecord.Visit(setlId, visitId, personNo, hospital, insutype, medType, at),
                new SettlementRecord.Clearing(clrType, clrWay, clrOptins, place, insured, treatment),
                new SettlementRecord.Amounts(medfee, hifp, fund, psnPart, acct, cash, hospPart), detail, null);
    }

    static void checkIdentities(Errors e, String insutype, Money medfee, Money hifp, Money fund, Money psnPart,
                                Money acct, Money cash, Money hospPart, List<FundPay> detail) {
        if (!medfee.equals(fund.plus(psnPart).plus(hospPart))) {
            e.add("medfee_sumamt", "claims.amounts-inconsistent", "医疗费总额 " + medfee.toPlainYuan()
                    + " ≠ 基金支付总额 + 个人负担总金额 + 医院负担金额 = " + fund.plus(psnPart).plus(hospPart).toPlainYuan());
        }
        if (!psnPart.equals(acct.plus(cash))) {
            e.add("psn_part_amt", "claims.amounts-inconsistent", "个人负担总金额 " + psnPart.toPlainYuan()
                    + " ≠ 个人账户支出 + 个人现金支出 = " + acct.plus(cash).toPlainYuan());
        }
        if (hifp.compareTo(fund) > 0) {
            e.add("hifp_pay", "claims.amounts-inconsistent", "统筹基金支出 " + hifp.toPlainYuan()
                    + " 大于基金支付总额 " + fund.toPlainYuan());
        }
        if (detail.isEmpty()) {
            return;
        }
        Money detailSum = Money.ZERO;
        Money pooled = Money.ZERO;
        boolean anyPooled = false;
        for (FundPay line : detail) {
            detailSum = detailSum.plus(line.amount());
            if (line.fundPayType().equals(insutype + "100")) {
                pooled = pooled.plus(line.amount());
                anyPooled = true;
            }
        }
        if (!detailSum.equals(fund)) {
            e.add("setldetail", "claims.amounts-inconsistent", "基金分项合计 " + detailSum.toPlainYuan()
                    + " ≠ 基金支付总额 " + fund.toPlainYuan());
        } else if (anyPooled && !pooled.equals(hifp)) {
            e.add("setldetail", "claims.amounts-inconsistent", "统筹基金分项（" + insutype + "100）合计 "
                    + pooled.toPlainYuan() + " ≠ 统筹基金支出 " + hifp.toPlainYuan());
        }
    }

    static String value(Map<String, String> raw, String field) {
        String v = raw.get(field);
        return v == null ? "" : v.strip();
    }

    /** Collects the errors of one row, each naming its field. */
    static final class Errors {
        final long row;
        final Map<String, String> raw;
        final List<RowError> list = new ArrayList<>();

        /** The column whose bytes were not UTF-8: its format errors would only repeat that. */
        final String badlyEncoded;

        Errors(long row, Map<String, String> raw) {
            this.row = row;
            this.raw = raw;
            this.badlyEncoded = raw.get(SettlementFiles.BAD_ENCODING_KEY);
        }

        void add(String field, String code, String message) {
            if (field.equals(badlyEncoded) && !code.equals("claims.bad-encoding")) {
                return;
            }
            list.add(new RowError(row, value(raw, "setl_id"), field, code, message));
        }

        String required(String field) {
            String v = value(raw, field);
            if (v.isEmpty()) {
                add(field, "claims.required", "必填");
            }
            return v;
        }

        String id(String field) {
            String v = required(field);
            if (!v.isEmpty() && !isId(v)) {
                add(field, "claims.bad-id", "须为 1–30 位字母、数字、下划线或连字符");
            }
            return v;
        }

        String code(String field) {
            String v = required(field);
            if (!v.isEmpty() && !isDigits(v, 1, 6)) {
                add(field, "claims.bad-code", "须为 1–6 位数字代码");
            }
            return v;
        }

        String region(String field) {
            String v = required(field);
            if (!v.isEmpty() && !isDigits(v, 6, 6)) {
                add(field, "claims.bad-region", "须为 6 位医保区划代码");
            }
            return v;
        }

        LocalDateTime time(String field, LocalDateTime now) {
            String v = required(field);
            if (v.isEmpty()) {
                return null;
            }
            try {
                LocalDateTime t = SettlementFields.parseTime(v);
                if (t.isAfter(now)) {
                    add(field, "claims.future-time", "结算时间 " + v + " 晚于当前时间");
                } else if (t.isBefore(SETTLED_AT_MIN)) {
                    add(field, "claims.bad-time", "结算时间早于 2000 年");
                }
                return t;
            } catch (DateTimeParseException ex) {
                add(field, "claims.bad-time", "须为 yyyy-MM-dd HH:mm:ss 格式的有效时间：" + v);
                return null;
            }
        }

        Money amount(String field) {
            String v = required(field);
            return v.isEmpty() ? Money.ZERO : parseAmount(field, v);
        }

        void amountOptional(String field) {
            String v = value(raw, field);
            if (!v.isEmpty()) {
                parseAmount(field, v);
            }
        }

        private Money parseAmount(String field, String v) {
            long fen = amountFen(v);
            if (fen < 0) {
                add(field, v.startsWith("-") ? "claims.negative-amount" : "claims.bad-amount",
                        v.startsWith("-") ? "金额不能为负数（冲正请用 refd_setl_id）" : "须为元，最多两位小数：" + v);
                return Money.ZERO;
            }
            Money m = Money.ofFen(fen);
            if (m.compareTo(AMOUNT_MAX) > 0) {
                add(field, "claims.bad-amount", "金额超过上限 " + AMOUNT_MAX.toPlainYuan());
            }
            return m;
        }

        List<FundPay> detail(String field) {
            String v = value(raw, field);
            List<FundPay> lines = new ArrayList<>();
            if (v.isEmpty()) {
                return lines;
            }
            String[] parts = v.split("\\|");
            if (parts.length > DETAIL_LINES_MAX) {
                add(field, "claims.bad-detail", "基金分项最多 " + DETAIL_LINES_MAX + " 项");
                return lines;
            }
            for (String part : parts) {
                String[] kv = part.strip().split(":");
                if (kv.length != 2 || !isDigits(kv[0].strip(), 6, 6) || amountFen(kv[1].strip()) < 0) {
                    add(field, "claims.bad-detail", "基金分项须为 fund_pay_type:金额，以 | 分隔，如 310100:120.00|320100:30.00");
                    return List.of();
                }
                lines.add(new FundPay(kv[0].strip(), Money.ofFen(amountFen(kv[1].strip()))));
            }
            return lines;
        }
    }
}
