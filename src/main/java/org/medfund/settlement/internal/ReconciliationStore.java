package org.medfund.settlement.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.settlement.ReconciliationStatus;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL of reconciliations (stl_reconciliation, stl_recon_total, stl_recon_diff). */
@Repository
class ReconciliationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ReconciliationStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    static int ym(YearMonth m) {
        return m.getYear() * 100 + m.getMonthValue();
    }

    static YearMonth month(int ym) {
        return YearMonth.of(ym / 100, ym % 100);
    }

    Optional<Long> find(String hospitalCode, YearMonth period) {
        return jdbc.sql("select id from stl_reconciliation where fixmedins_code = :h and period = :p")
                .param("h", hospitalCode).param("p", ym(period)).query(Long.class).optional();
    }

    long insert(String hospital, String agency, YearMonth period, YearMonth cycle, LocalDate appliedOn,
                Reconciliations.Deadline deadline, boolean late, String result, String appliedBy, String clerk,
                String requestId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stl_reconciliation (fixmedins_code, agency_code, period, cycle, applied_on, due_date,
                    late, deadline_rule, citation, status, stmt_rslt, applied_by, clerk_user, request_id)
                values (:h, :a, :p, :c, :on, :due, :late, :rule, :cite, :status, :r, :by, :clerk, :req)""")
                .param("status", ReconciliationStatus.APPLIED.name()).param("h", hospital).param("a", agency).param("p", ym(period)).param("c", ym(cycle))
                .param("on", Date.valueOf(appliedOn))
                .param("due", deadline.dueDate() == null ? null : Date.valueOf(deadline.dueDate()))
                .param("late", late).param("rule", deadline.rule()).param("cite", deadline.citation())
                .param("r", result).param("by", appliedBy).param("clerk", clerk).param("req", requestId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertGroups(long id, List<ReconciliationRules.GroupResult> groups,
                      Map<ReconciliationRules.GroupKey, Money> agencyPooled) {
        template.batchUpdate("""
                insert into stl_recon_total (recon_id, insutype, clr_type, hosp_medfee, hosp_fund, hosp_acct,
                    hosp_cnt, agcy_medfee, agcy_fund, agcy_acct, agcy_cnt, agcy_hifp, stmt_rslt)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", groups, 500, (ps, g) -> {
            ps.setLong(1, id);
            ps.setString(2, g.insuranceType());
            ps.setString(3, g.clearingType());
            ps.setLong(4, g.hospital().medfeeSum().fen());
            ps.setLong(5, g.hospital().fundPaySum().fen());
            ps.setLong(6, g.hospital().accountPay().fen());
            ps.setLong(7, g.hospital().count());
            ps.setLong(8, g.agency().medfeeSum().fen());
            ps.setLong(9, g.agency().fundPaySum().fen());
            ps.setLong(10, g.agency().accountPay().fen());
            ps.setLong(11, g.agency().count());
            ps.setLong(12, agencyPooled.getOrDefault(new ReconciliationRules.GroupKey(g.insuranceType(),
                    g.clearingType()), Money.ZERO).fen());
            ps.setString(13, g.result());
        });
    }

    void insertDiffs(long id, List<ReconciliationRules.RecordResult> diffs) {
        template.batchUpdate("""
                insert into stl_recon_diff (recon_id, setl_id, stmt_rslt, hosp_medfee, hosp_fund, hosp_acct,
                    agcy_medfee, agcy_fund, agcy_acct) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", diffs, 1_000,
                (ps, d) -> {
                    ps.setLong(1, id);
                    ps.setString(2, d.setlId());
                    ps.setString(3, d.result());
                    setFigures(ps, 4, d.hospital());
                    setFigures(ps, 7, d.agency());
                });
    }

    private static void setFigures(java.sql.PreparedStatement ps, int at, ReconciliationRules.Figures f)
            throws SQLException {
        ps.setObject(at, f == null ? null : f.medfeeSum().fen());
        ps.setObject(at + 1, f == null ? null : f.fundPaySum().fen());
        ps.setObject(at + 2, f == null ? null : f.accountPay().fen());
    }

    void setStatus(long id, ReconciliationStatus from, ReconciliationStatus to, String userColumn, String user, String dateColumn,
                   LocalDate on) {
        int n = jdbc.sql("update stl_reconciliation set status = :to, " + userColumn + " = :u, " + dateColumn
                        + " = :d where id = :id and status = :from")
                .param("to", to.name()).param("u", user).param("d", Date.valueOf(on)).param("id", id)
                .param("from", from.name())
                .update();
        if (n != 1) {
            throw new IllegalStateException("reconciliation " + id + " was not " + from);
        }
    }

    /** When the clerk checked it (null before). */
    LocalDate checkedOn(long id) {
        return jdbc.sql("select checked_on from stl_reconciliation where id = :id").param("id", id)
                .query(LocalDate.class).optional().orElse(null);
    }

    Optional<ReconciliationView> view(long id) {
        return withGroups(jdbc.sql("select r.*, (select count(*) from stl_recon_diff d where d.recon_id = r.id)"
                        + " as diffs from stl_reconciliation r where r.id = :id")
                .param("id", id).query((rs, n) -> header(rs)).list()).stream().findFirst();
    }

    List<ReconciliationView> list(String orgCode, YearMonth period) {
        return withGroups(jdbc.sql("select r.*, (select count(*) from stl_recon_diff d where d.recon_id = r.id)"
                        + " as diffs from stl_reconciliation r where (r.fixmedins_code = :o or r.agency_code = :o)"
                        + " and (:p = 0 or r.period = :p) order by r.period desc, r.fixmedins_code limit :max")
                .param("o", orgCode).param("p", period == null ? 0 : ym(period))
                .param("max", Reconciliations.LIST_MAX)
                .query((rs, n) -> header(rs)).list());
    }

    /** Reconciliations settled by any of the agencies, of one month (or all: null), newest period first. */
    List<ReconciliationView> listOfAgencies(List<String> agencyCodes, YearMonth period) {
        if (agencyCodes.isEmpty()) {
            return List.of();
        }
        return withGroups(jdbc.sql("select r.*, (select count(*) from stl_recon_diff d where d.recon_id = r.id)"
                        + " as diffs from stl_reconciliation r where r.agency_code in (:a)"
                        + " and (:p = 0 or r.period = :p) order by r.period desc, r.agency_code, r.fixmedins_code"
                        + " limit :max")
                .param("a", agencyCodes).param("p", period == null ? 0 : ym(period))
                .param("max", Reconciliations.LIST_MAX)
                .query((rs, n) -> header(rs)).list());
    }

    /** The reconciliations a payment batch pays for one hospital, oldest period first. */
    List<ReconciliationView> ofBatch(long batchId, String hospitalCode) {
        return withGroups(jdbc.sql("select r.*, (select count(*) from stl_recon_diff d where d.recon_id = r.id)"
                        + " as diffs from stl_reconciliation r where r.batch_id = :b and r.fixmedins_code = :h"
                        + " order by r.period")
                .param("b", batchId).param("h", hospitalCode).query((rs, n) -> header(rs)).list());
    }

    /** The payment batch a reconciliation was put into, if any. */
    Optional<Long> batchOf(long reconciliationId) {
        return jdbc.sql("select batch_id from stl_reconciliation where id = :id and batch_id is not null")
                .param("id", reconciliationId).query(Long.class).optional();
    }

    /** Confirmed reconciliations of an agency's cycle not yet in a payment batch. */
    List<ReconciliationView> confirmedUnpaid(String agencyCode, YearMonth cycle) {
        return withGroups(jdbc.sql("select r.*, 0 as diffs from stl_reconciliation r where r.agency_code = :a"
                        + " and r.cycle = :c and r.status = :confirmed and r.batch_id is null"
                        + " order by r.fixmedins_code, r.period")
                .param("confirmed", ReconciliationStatus.CONFIRMED.name()).param("a", agencyCode)
                .param("c", ym(cycle)).query((rs, n) -> header(rs)).list());
    }

    List<ReconciliationView.Difference> differences(long id) {
        return jdbc.sql("select * from stl_recon_diff where recon_id = :id order by setl_id").param("id", id)
                .query((rs, n) -> new ReconciliationView.Difference(rs.getString("setl_id"),
                        rs.getString("stmt_rslt"), money(rs, "hosp_medfee"), money(rs, "hosp_fund"),
                        money(rs, "hosp_acct"), money(rs, "agcy_medfee"), money(rs, "agcy_fund"),
                        money(rs, "agcy_acct"))).list();
    }

    /** Ids per query when reading groups: keeps the {@code in} list well below every database's parameter cap. */
    static final int GROUP_IDS_PER_QUERY = 1_000;

    /**
     * The reconciliations with their 3201 groups, read in one query per {@link #GROUP_IDS_PER_QUERY} reconciliations
     * rather than one per reconciliation (a list holds up to {@link Reconciliations#LIST_MAX}).
     */
    private List<ReconciliationView> withGroups(List<ReconciliationView> headers) {
        Map<Long, List<ReconciliationView.Group>> groups = new java.util.HashMap<>();
        List<Long> ids = headers.stream().map(ReconciliationView::id).toList();
        for (int from = 0; from < ids.size(); from += GROUP_IDS_PER_QUERY) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + GROUP_IDS_PER_QUERY));
            jdbc.sql("select * from stl_recon_total where recon_id in (:ids) order by recon_id, insutype, clr_type")
                    .param("ids", chunk).query((org.springframework.jdbc.core.RowCallbackHandler) g ->
                            groups.computeIfAbsent(g.getLong("recon_id"), k -> new java.util.ArrayList<>())
                                    .add(group(g)));
        }
        return headers.stream().map(r -> r.withGroups(groups.getOrDefault(r.id(), List.of()))).toList();
    }

    private static ReconciliationView.Group group(ResultSet g) throws SQLException {
        return new ReconciliationView.Group(g.getString("insutype"), g.getString("clr_type"), g.getLong("hosp_cnt"),
                money(g, "hosp_medfee"), money(g, "hosp_fund"), money(g, "hosp_acct"), g.getLong("agcy_cnt"),
                money(g, "agcy_medfee"), money(g, "agcy_fund"), money(g, "agcy_acct"), money(g, "agcy_hifp"),
                g.getString("stmt_rslt"));
    }

    /** A reconciliation row without its groups ({@link #withGroups} adds them). */
    private static ReconciliationView header(ResultSet rs) throws SQLException {
        Date due = rs.getDate("due_date");
        return new ReconciliationView(rs.getLong("id"), rs.getString("fixmedins_code"), null,
                rs.getString("agency_code"), month(rs.getInt("period")), month(rs.getInt("cycle")),
                rs.getDate("applied_on").toLocalDate(), due == null ? null : due.toLocalDate(), rs.getBoolean("late"),
                rs.getString("deadline_rule"), rs.getString("citation"),
                ReconciliationStatus.valueOf(rs.getString("status")), rs.getString("stmt_rslt"),
                rs.getString("clerk_user"), rs.getString("checked_by"), rs.getString("confirmed_by"), List.of(),
                rs.getLong("diffs"));
    }

    void assignBatch(long reconciliationId, long batchId) {
        int n = jdbc.sql("update stl_reconciliation set batch_id = :b where id = :id and batch_id is null")
                .param("b", batchId).param("id", reconciliationId).update();
        if (n != 1) {
            throw new IllegalStateException("reconciliation " + reconciliationId + " is already in a batch");
        }
    }

    /** Marks the batch's reconciliations paid, except those of hospitals whose lines are held (they stay CONFIRMED). */
    void markPaid(long batchId, List<String> heldHospitals) {
        jdbc.sql("update stl_reconciliation set status = :paid where batch_id = :b and status = :confirmed")
                .param("paid", ReconciliationStatus.PAID.name())
                .param("confirmed", ReconciliationStatus.CONFIRMED.name()).param("b", batchId).update();
        for (String hospital : heldHospitals.stream().distinct().toList()) {
            jdbc.sql("update stl_reconciliation set status = :confirmed where batch_id = :b and fixmedins_code = :h")
                    .param("confirmed", ReconciliationStatus.CONFIRMED.name()).param("b", batchId)
                    .param("h", hospital).update();
        }
    }

    /** A held hospital's reconciliations of the batch, paid on release. */
    void markPaid(long batchId, String hospital) {
        jdbc.sql("""
                update stl_reconciliation set status = :paid
                where batch_id = :b and fixmedins_code = :h and status = :confirmed""")
                .param("paid", ReconciliationStatus.PAID.name())
                .param("confirmed", ReconciliationStatus.CONFIRMED.name()).param("b", batchId).param("h", hospital).update();
    }

    static Money money(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofFen(v);
    }
}
