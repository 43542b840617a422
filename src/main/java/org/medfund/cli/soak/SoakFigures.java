package org.medfund.cli.soak;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Prepayments;
import org.medfund.settlement.BatchKind;
import org.medfund.settlement.PaymentBatch;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the crash soak checks once its job has run to the end, re-derived from the stored rows: the ledger audit
 * (every entry and book balanced, cached balances equal to the lines, transfers matched on both sides, hash chains
 * intact), no transfer left in transit, every settlement record of the job stored once, reconciled and paid, every
 * payment line paid by exactly one ledger entry of its net amount and nothing paid without a line, the prepayment
 * register equal to the ledger's 暂付款, and the amounts and chain heads that a run interrupted by crashes must
 * reproduce exactly.
 */
@Component
class SoakFigures {

    /** Figures (name → value, in a fixed order), problems found, and each book's chain head. */
    record Figures(Map<String, Long> values, List<String> problems, Map<String, String> heads) {
    }

    private final JdbcClient jdbc;
    private final LedgerAudit audit;
    private final Prepayments prepayments;

    SoakFigures(JdbcClient jdbc, LedgerAudit audit, Prepayments prepayments) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.prepayments = prepayments;
    }

    Figures measure(SoakJob.Input input) {
        Map<String, Long> values = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        audit.problems().forEach(p -> problems.add("账簿：" + p));
        values.put("books", count("select count(*) from ledger_book"));
        values.put("entries", count("select count(*) from ledger_entry"));
        values.put("lines", count("select count(*) from ledger_line"));
        values.put("debitFen", count("select coalesce(sum(debit_fen), 0) from ledger_line"));
        values.put("transfers", count("select count(*) from ledger_transfer"));
        long inTransit = count("select count(*) from ledger_transfer where status <> 'RECEIVED'");
        if (inTransit > 0) {
            problems.add("划款：" + inTransit + " 笔仍在途（未确认到账）");
        }
        settlements(input, values, problems);
        prepaymentFigures(values, problems);
        Map<String, String> heads = new TreeMap<>();
        jdbc.sql("select org_code, last_hash from ledger_book").query((rs, n) -> heads.put(rs.getString(1),
                rs.getString(2))).list();
        return new Figures(values, problems, heads);
    }

    private void settlements(SoakJob.Input input, Map<String, Long> values, List<String> problems) {
        int first = input.firstMonth().getYear() * 100 + input.firstMonth().getMonthValue();
        int last = SoakJob.YEAR * 100 + 12;
        long expected = (long) SoakJob.hospitals().size() * input.months() * input.rowsPerMonth();
        long[] stored = jdbc.sql("""
                select count(*), coalesce(sum(fund_pay_sumamt + acct_pay), 0) from claims_settlement
                where period between :first and :last""").param("first", first).param("last", last)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        values.put("settlementRecords", stored[0]);
        values.put("settlementFundFen", stored[1]);
        if (stored[0] != expected) {
            problems.add("结算记录：应有 " + expected + " 条，实存 " + stored[0] + " 条");
        }
        long recons = count("select count(*) from stl_reconciliation");
        long unpaid = count("select count(*) from stl_reconciliation where status <> 'PAID'");
        values.put("reconciliations", recons);
        if (recons != (long) SoakJob.hospitals().size() * input.months() || unpaid > 0) {
            problems.add("对账：" + recons + " 笔，其中未支付 " + unpaid + " 笔");
        }
        long[] lines = jdbc.sql("""
                select count(*), coalesce(sum(gross), 0), coalesce(sum(offsets), 0), coalesce(sum(net), 0)
                from stl_payment_line""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)}).single();
        values.put("paymentLines", lines[0]);
        values.put("paymentGrossFen", lines[1]);
        values.put("paymentOffsetsFen", lines[2]);
        values.put("paymentNetFen", lines[3]);
        if (lines[1] != stored[1]) {
            problems.add("结算：记录的基金与个人账户支付合计 " + stored[1] + " 分，结算批次应付合计 " + lines[1] + " 分");
        }
        paidOnce(values, problems);
    }

    /** Each payable line of a paid batch has exactly one settlement.paid entry of its net; no entry lacks a line. */
    private void paidOnce(Map<String, Long> values, List<String> problems) {
        Map<String, long[]> paid = new HashMap<>();
        jdbc.sql("""
                select e.org_code, e.document_id, l.counterparty_code, l.insurance_type, l.debit_fen
                from ledger_entry e join ledger_line l on l.org_code = e.org_code and l.sequence_no = e.sequence_no
                where e.rule_type = 'settlement.paid' and l.debit_fen > 0""")
                .query((rs, n) -> {
                    long[] sum = paid.computeIfAbsent(String.join("|", rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getString(4)), k -> new long[2]);
                    sum[0]++;
                    sum[1] += rs.getLong(5);
                    return null;
                }).list();
        values.put("settlementPaidEntries", paid.values().stream().mapToLong(s -> s[0]).sum());
        values.put("settlementPaidFen", paid.values().stream().mapToLong(s -> s[1]).sum());
        jdbc.sql("""
                select b.agency_code, b.cycle, b.kind, l.fixmedins_code, l.insutype, l.net
                from stl_payment_line l join stl_payment_batch b on b.id = l.batch_id
                where b.status = 'PAID' and l.net > 0 and (l.hold_status is null or l.hold_status = 'RELEASED')""")
                .query((rs, n) -> {
                    String document = PaymentBatch.documentNo(rs.getString(1),
                            YearMonth.of(rs.getInt(2) / 100, rs.getInt(2) % 100), BatchKind.valueOf(rs.getString(3)));
                    String key = String.join("|", rs.getString(1), document, rs.getString(4), rs.getString(5));
                    long[] sum = paid.remove(key);
                    if (sum == null) {
                        problems.add("结算：" + key + " 应付 " + rs.getLong(6) + " 分未支付（丢失）");
                    } else if (sum[0] != 1 || sum[1] != rs.getLong(6)) {
                        problems.add("结算：" + key + " 支付 " + sum[0] + " 次共 " + sum[1] + " 分，应付 "
                                + rs.getLong(6) + " 分");
                    }
                    return null;
                }).list();
        paid.keySet().forEach(key -> problems.add("结算：" + key + " 的支付凭证没有对应的结算明细"));
    }

    private void prepaymentFigures(Map<String, Long> values, List<String> problems) {
        values.put("prepaymentDisbursedFen", moved("DISBURSED"));
        values.put("prepaymentOffsetFen", moved("RECOVERED_OFFSET"));
        values.put("prepaymentReturnedFen", moved("RECOVERED_RETURN"));
        if (!values.get("prepaymentOffsetFen").equals(values.get("paymentOffsetsFen"))) {
            problems.add("预付金：结算冲抵 " + values.get("paymentOffsetsFen") + " 分，台账收回（冲抵） "
                    + values.get("prepaymentOffsetFen") + " 分");
        }
        values.put("transfersReceived", count("select count(*) from ledger_transfer where status = 'RECEIVED'"));
        prepayments.invariantBreaks(LocalDate.of(SoakJob.YEAR + 1, 12, 31)).forEach(b -> problems.add(
                "预付金：" + b.payerOrgCode() + " " + b.hospitalCode() + " " + b.insuranceType() + " 账簿 "
                        + b.ledger().toYuanText() + " ≠ 台账 " + b.register().toYuanText()));
    }

    private long moved(String kind) {
        return jdbc.sql("select coalesce(sum(amount_fen), 0) from prepayment_movement where kind = :k")
                .param("k", kind).query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
