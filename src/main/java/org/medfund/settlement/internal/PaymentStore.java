package org.medfund.settlement.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.settlement.BatchKind;
import org.medfund.settlement.BatchStatus;
import org.medfund.settlement.HoldStatus;
import org.medfund.settlement.PaymentBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of payment batches and lines. */
@Repository
class PaymentStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    PaymentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    Optional<Long> find(String agencyCode, YearMonth cycle, BatchKind kind) {
        return jdbc.sql("select id from stl_payment_batch where agency_code = :a and cycle = :c and kind = :k")
                .param("a", agencyCode).param("c", ReconciliationStore.ym(cycle)).param("k", kind.name())
                .query(Long.class).optional();
    }

    long insert(String agencyCode, YearMonth cycle, BatchKind kind, String preparedBy, LocalDate on,
                JdbcMonthlySettlements.Due due, String reason, String requestId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stl_payment_batch (agency_code, cycle, kind, status, prepared_by, prepared_on, due_date,
                    due_rule, due_basis, reason, request_id)
                values (:a, :c, :k, :status, :by, :on, :due, :rule, :basis, :reason, :req)""")
                .param("a", agencyCode).param("c", ReconciliationStore.ym(cycle)).param("k", kind.name())
                .param("status", BatchStatus.PREPARED.name())
                .param("by", preparedBy).param("on", Date.valueOf(on))
                .param("due", due.date() == null ? null : Date.valueOf(due.date())).param("rule", due.rule())
                .param("basis", due.basis())
                .param("reason", reason).param("req", requestId).update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertLines(long batchId, List<PaymentBatch.Line> lines) {
        template.batchUpdate("""
                insert into stl_payment_line (batch_id, fixmedins_code, insutype, pooled_fund, other_funds,
                    account_pay, gross, advance, carried_in, offsets, net, carried_out, payee_name, bank_name,
                    account_no, memo, derivation)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 500, (ps, l) -> {
            ps.setLong(1, batchId);
            ps.setString(2, l.hospitalCode());
            ps.setString(3, l.insutype());
            int at = 4;
            for (Money amount : List.of(l.pooledFund(), l.otherFunds(), l.accountPay(), l.gross(), l.advance(),
                    l.carriedIn(), l.offsets(), l.net(), l.carriedOut())) {
                ps.setLong(at++, amount.fen());
            }
            ps.setString(13, l.payeeName());
            ps.setString(14, l.bankName());
            ps.setString(15, l.accountNo());
            ps.setString(16, l.memo());
            ps.setString(17, l.derivation());
        });
    }

    void settleLine(long batchId, PaymentBatch.Payee payee, Money offsets, Money net, String derivation) {
        jdbc.sql("""
                update stl_payment_line set offsets = :o, net = :n, derivation = :d
                where batch_id = :b and fixmedins_code = :h and insutype = :t""")
                .param("o", offsets.fen()).param("n", net.fen()).param("d", derivation).param("b", batchId)
                .param("h", payee.hospitalCode()).param("t", payee.insutype()).update();
    }

    /** The line is not paid because the hospital's payments are stopped; {@code net} keeps what is due. */
    void holdLine(long batchId, PaymentBatch.Payee payee, String reason) {
        jdbc.sql("""
                update stl_payment_line set hold_status = :held, hold_reason = :r
                where batch_id = :b and fixmedins_code = :h and insutype = :t""")
                .param("held", HoldStatus.HELD.name()).param("r", reason).param("b", batchId)
                .param("h", payee.hospitalCode()).param("t", payee.insutype()).update();
    }

    void releaseLine(long batchId, PaymentBatch.Payee payee, Money offsets, Money net, String derivation,
                     LocalDate on) {
        int n = jdbc.sql("""
                update stl_payment_line set hold_status = :released, offsets = :o, net = :n, derivation = :d,
                    released_on = :on
                where batch_id = :b and fixmedins_code = :h and insutype = :t and hold_status = :held""")
                .param("released", HoldStatus.RELEASED.name()).param("held", HoldStatus.HELD.name())
                .param("o", offsets.fen()).param("n", net.fen()).param("d", derivation).param("on", Date.valueOf(on))
                .param("b", batchId).param("h", payee.hospitalCode()).param("t", payee.insutype()).update();
        if (n != 1) {
            throw new IllegalStateException("line " + batchId + "/" + payee + " was not HELD");
        }
    }

    void markPaid(long batchId, String approvedBy, LocalDate on) {
        int n = jdbc.sql("""
                update stl_payment_batch set status = :paid, approved_by = :by, paid_on = :on
                where id = :id and status = :prepared""")
                .param("paid", BatchStatus.PAID.name()).param("prepared", BatchStatus.PREPARED.name())
                .param("by", approvedBy).param("on", Date.valueOf(on)).param("id", batchId).update();
        if (n != 1) {
            throw new IllegalStateException("batch " + batchId + " was not PREPARED");
        }
    }

    /** The latest paid line of a kind for a hospital and insurance type before a cycle. */
    Optional<PaymentBatch.Line> lastPaidLine(String agencyCode, PaymentBatch.Payee payee, YearMonth before,
                                             BatchKind kind) {
        return jdbc.sql("""
                select l.* from stl_payment_line l join stl_payment_batch b on b.id = l.batch_id
                where b.agency_code = :a and b.kind = :k and b.status = :paid and b.cycle < :c
                  and l.fixmedins_code = :h and l.insutype = :t
                order by b.cycle desc""")
                .param("a", agencyCode).param("k", kind.name()).param("paid", BatchStatus.PAID.name())
                .param("c", ReconciliationStore.ym(before))
                .param("h", payee.hospitalCode()).param("t", payee.insutype()).query((rs, n) -> line(rs)).stream().findFirst();
    }

    /** Hospital × insurance type pairs with a paid regular line before the cycle (fallback candidates). */
    List<PaymentBatch.Payee> paidPayeesBefore(String agencyCode, YearMonth before) {
        return jdbc.sql("""
                select distinct l.fixmedins_code, l.insutype from stl_payment_line l
                join stl_payment_batch b on b.id = l.batch_id
                where b.agency_code = :a and b.kind = :regular and b.status = :paid and b.cycle < :c
                order by l.fixmedins_code, l.insutype""")
                .param("a", agencyCode).param("regular", BatchKind.REGULAR.name())
                .param("paid", BatchStatus.PAID.name()).param("c", ReconciliationStore.ym(before))
                .query((rs, n) -> new PaymentBatch.Payee(rs.getString(1), rs.getString(2))).list();
    }

    Optional<PaymentBatch> batch(long id, LocalDate asOf) {
        List<PaymentBatch.Line> lines = jdbc.sql(
                        "select * from stl_payment_line where batch_id = :id order by fixmedins_code, insutype")
                .param("id", id).query((rs, n) -> line(rs)).list();
        return jdbc.sql("select * from stl_payment_batch where id = :id").param("id", id)
                .query((rs, n) -> batch(rs, lines, asOf)).optional();
    }

    /** Several batches with their lines in two queries, in the order of {@code ids}. */
    List<PaymentBatch> batches(List<Long> ids, LocalDate asOf) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PaymentBatch.Line>> lines = new HashMap<>();
        jdbc.sql("select * from stl_payment_line where batch_id in (:ids) order by fixmedins_code, insutype")
                .param("ids", ids).query((RowCallbackHandler) rs ->
                        lines.computeIfAbsent(rs.getLong("batch_id"), k -> new ArrayList<>()).add(line(rs)));
        Map<Long, PaymentBatch> byId = new HashMap<>();
        jdbc.sql("select * from stl_payment_batch where id in (:ids)").param("ids", ids)
                .query((RowCallbackHandler) rs -> byId.put(rs.getLong("id"),
                        batch(rs, lines.getOrDefault(rs.getLong("id"), List.of()), asOf)));
        return ids.stream().map(byId::get).toList();
    }

    /** The newest {@code max} batches of an agency. */
    List<Long> batchIds(String agencyCode, int max) {
        return jdbc.sql("""
                select id from stl_payment_batch where agency_code = :a order by cycle desc, kind, id desc
                limit :max""")
                .param("a", agencyCode).param("max", max).query(Long.class).list();
    }

    /** The newest {@code max} batches with a line for one hospital (the hospital's view of its payments). */
    List<Long> batchIdsOfHospital(String hospital, int max) {
        return jdbc.sql("""
                select distinct b.id, b.cycle from stl_payment_batch b join stl_payment_line l on l.batch_id = b.id
                where l.fixmedins_code = :h order by b.cycle desc, b.id desc limit :max""")
                .param("h", hospital).param("max", max).query((rs, n) -> rs.getLong(1)).list();
    }

    private static PaymentBatch batch(ResultSet rs, List<PaymentBatch.Line> lines, LocalDate asOf)
            throws SQLException {
        Date due = rs.getDate("due_date");
        Date paid = rs.getDate("paid_on");
        LocalDate dueDate = due == null ? null : due.toLocalDate();
        LocalDate paidOn = paid == null ? null : paid.toLocalDate();
        boolean late = dueDate != null && (paidOn != null ? paidOn.isAfter(dueDate)
                : asOf != null && asOf.isAfter(dueDate));
        return new PaymentBatch(rs.getLong("id"), rs.getString("agency_code"),
                ReconciliationStore.month(rs.getInt("cycle")), BatchKind.valueOf(rs.getString("kind")),
                BatchStatus.valueOf(rs.getString("status")),
                rs.getString("prepared_by"), rs.getDate("prepared_on").toLocalDate(), rs.getString("approved_by"),
                paidOn, dueDate, rs.getString("due_rule"), late, rs.getString("reason"), lines);
    }

    private static PaymentBatch.Line line(ResultSet rs) throws SQLException {
        PaymentBatch.Funds funds = new PaymentBatch.Funds(fen(rs, "pooled_fund"), fen(rs, "other_funds"),
                fen(rs, "account_pay"));
        PaymentBatch.Amounts amounts = new PaymentBatch.Amounts(fen(rs, "gross"), fen(rs, "advance"),
                fen(rs, "carried_in"), fen(rs, "offsets"), fen(rs, "net"), fen(rs, "carried_out"));
        PaymentBatch.BankAccount account = new PaymentBatch.BankAccount(rs.getString("payee_name"),
                rs.getString("bank_name"), rs.getString("account_no"));
        String hold = rs.getString("hold_status");
        return new PaymentBatch.Line(rs.getString("fixmedins_code"), rs.getString("insutype"), funds, amounts, account,
                rs.getString("memo"), rs.getString("derivation"), hold == null ? PaymentBatch.Hold.NONE
                : new PaymentBatch.Hold(HoldStatus.valueOf(hold), rs.getString("hold_reason"),
                        rs.getObject("released_on", LocalDate.class)));
    }

    private static Money fen(ResultSet rs, String column) throws SQLException {
        return Money.ofFen(rs.getLong(column));
    }
}
