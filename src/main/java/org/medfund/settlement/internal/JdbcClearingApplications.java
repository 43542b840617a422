package org.medfund.settlement.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.ledger.BusinessDates;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.settlement.ClearingStatus;
import org.medfund.settlement.ReconciliationStatus;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.ClearingApplications;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clearing applications (national 3203 医药机构费用结算/清算申请) and their withdrawal (3204) before approval. A hospital
 * applies for one clearing type of a settlement month whose reconciliations were confirmed; the amounts must be the
 * agency's confirmed figures. Paying the cycle approves open applications; a withdrawn one can be applied again.
 */
@Service
class JdbcClearingApplications implements ClearingApplications {


    private final JdbcReconciliations reconciliations;
    private final ReconciliationStore reconciliationStore;
    private final RequestLog requestLog;
    private final JdbcClient jdbc;
    private final BusinessDates dates;

    JdbcClearingApplications(JdbcReconciliations reconciliations, ReconciliationStore reconciliationStore,
                         RequestLog requestLog, JdbcClient jdbc, BusinessDates dates) {
        this.dates = dates;
        this.reconciliations = reconciliations;
        this.reconciliationStore = reconciliationStore;
        this.requestLog = requestLog;
        this.jdbc = jdbc;
    }

    /** Every 3203 field is required; counts and amounts are not negative, the dates cover the month. */
    private static void requireComplete(Application a) {
        JdbcReconciliations.required(a.hospitalCode(), "hospitalCode");
        JdbcReconciliations.required(a.setlym(), "setlym");
        JdbcReconciliations.required(a.clrType(), "clrType");
        JdbcReconciliations.required(a.clrWay(), "clrWay");
        JdbcReconciliations.required(a.begndate(), "begndate");
        JdbcReconciliations.required(a.enddate(), "enddate");
        if (a.psntime() < 0) {
            throw new Rejection("settlement.negative", "psntime", "人次不能为负数");
        }
        notNegative(a.medfeeSumamt(), "medfeeSumamt");
        notNegative(a.medSumfee(), "medSumfee");
        notNegative(a.fundAppySum(), "fundAppySum");
        notNegative(a.cashPayamt(), "cashPayamt");
        notNegative(a.acctPay(), "acctPay");
        if (a.enddate().isBefore(a.begndate())) {
            throw new Rejection("settlement.bad-dates", "enddate", "结束日期早于开始日期");
        }
    }

    private static void notNegative(Money amount, String field) {
        if (JdbcReconciliations.required(amount, field).isNegative()) {
            throw new Rejection("settlement.negative", field, field + " 不能为负数");
        }
    }

    @Transactional
    public Stored apply(Actor actor, Application a, LocalDate on, String requestId) {
        JdbcReconciliations.required(a, "application");
        JdbcReconciliations.required(on, "appliedOn");
        Org hospital = reconciliations.hospital(JdbcReconciliations.required(a.hospitalCode(), "hospitalCode"));
        if (!actor.orgCode().equals(hospital.code())) {
            throw Rejection.forbidden("settlement.out-of-scope", "fixmedins_code", "只能为本机构提出清算申请");
        }
        requireComplete(a);
        dates.check(on, "appliedOn").notBefore(a.setlym().atDay(1), "结算月份首日");
        String id = requestLog.once("stl-cmd.clearing@" + hospital.code(), requestId,
                Fingerprint.of(a.toString(), on.toString()), () -> Long.toString(insert(actor, hospital, a, on,
                        requestId)));
        return find(Long.parseLong(id));
    }

    private long insert(Actor actor, Org hospital, Application a, LocalDate on, String requestId) {
        long open = jdbc.sql("""
                select count(*) from stl_clearing_appl where fixmedins_code = :h and setlym = :c and clr_type = :t
                  and status in (:open)""")
                .param("open", List.of(ClearingStatus.APPLIED.name(), ClearingStatus.APPROVED.name()))
                .param("h", hospital.code()).param("c", ReconciliationStore.ym(a.setlym())).param("t", a.clrType())
                .query(Long.class).single();
        if (open > 0) {
            throw Rejection.conflict("settlement.clearing-exists", "clr_type", "该月该清算类别已有清算申请");
        }
        Money fund = Money.ZERO;
        Money medfee = Money.ZERO;
        Money acct = Money.ZERO;
        boolean any = false;
        for (ReconciliationView r : reconciliations.list(actor, null)) {
            if (!r.cycle().equals(a.setlym()) || !(r.status() == ReconciliationStatus.CONFIRMED
                    || r.status() == ReconciliationStatus.PAID)) {
                continue;
            }
            for (ReconciliationView.Group g : r.groups()) {
                if (g.clrType().equals(a.clrType())) {
                    any = true;
                    fund = fund.plus(g.agencyFund());
                    medfee = medfee.plus(g.agencyMedfee());
                    acct = acct.plus(g.agencyAccount());
                }
            }
        }
        if (!any) {
            throw new Rejection("settlement.not-reconciled", "setlym", a.setlym() + " 清算类别 " + a.clrType()
                    + " 没有复核确认的对账");
        }
        check("fund_appy_sum", a.fundAppySum(), fund);
        check("medfee_sumamt", a.medfeeSumamt(), medfee);
        check("acct_pay", a.acctPay(), acct);
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into stl_clearing_appl (fixmedins_code, agency_code, setlym, clr_type, clr_way, psntime,
                    medfee_sumamt, med_sumfee, fund_appy_sum, cash_payamt, acct_pay, begndate, enddate, status,
                    applied_by, applied_on, request_id)
                values (:h, :ag, :c, :t, :w, :n, :medfee, :sumfee, :fund, :cash, :acct, :b, :e, :status, :by, :on,
                    :req)""")
                .param("status", ClearingStatus.APPLIED.name()).param("h", hospital.code()).param("ag", reconciliations.agencyOf(hospital).code())
                .param("c", ReconciliationStore.ym(a.setlym())).param("t", a.clrType()).param("w", a.clrWay())
                .param("n", a.psntime()).param("medfee", a.medfeeSumamt().fen())
                .param("sumfee", a.medSumfee().fen()).param("fund", a.fundAppySum().fen())
                .param("cash", a.cashPayamt().fen()).param("acct", a.acctPay().fen())
                .param("b", Date.valueOf(a.begndate())).param("e", Date.valueOf(a.enddate()))
                .param("by", actor.userId()).param("on", Date.valueOf(on)).param("req", requestId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private static void check(String field, Money given, Money confirmed) {
        if (!given.equals(confirmed)) {
            throw new Rejection("settlement.clearing-amount-mismatch", field, field + " 应为复核确认的 "
                    + confirmed.toPlainYuan() + "，申请为 " + given.toPlainYuan());
        }
    }

    /** 3204: withdraws an application that has not been approved (paid) yet. */
    @Transactional
    public Stored withdraw(Actor actor, long id, LocalDate on) {
        JdbcReconciliations.required(on, "date");
        Stored s = find(id);
        if (!actor.orgCode().equals(s.application().hospitalCode())) {
            throw Rejection.forbidden("settlement.out-of-scope", "id", "只能撤销本机构的清算申请");
        }
        dates.check(on, "date").notBefore(s.appliedOn(), "清算申请日期");
        if (s.status() != ClearingStatus.APPLIED) {
            throw Rejection.conflict("settlement.bad-status", "status", "清算申请状态为" + s.status().label()
                    + "，不能撤销");
        }
        jdbc.sql("update stl_clearing_appl set status = :withdrawn, withdrawn_on = :on where id = :id")
                .param("withdrawn", ClearingStatus.WITHDRAWN.name()).param("on", Date.valueOf(on)).param("id", id).update();
        return find(id);
    }

    /** Paying a cycle approves the open applications of the hospitals it pays. */
    void approveForBatch(String agencyCode, YearMonth cycle, List<String> hospitals) {
        if (hospitals.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update stl_clearing_appl set status = :approved
                where agency_code = :a and setlym = :c and status = :applied and fixmedins_code in (:h)""")
                .param("approved", ClearingStatus.APPROVED.name()).param("applied", ClearingStatus.APPLIED.name())
                .param("a", agencyCode).param("c", ReconciliationStore.ym(cycle)).param("h", hospitals).update();
    }

    /** A hospital's clearing applications, newest first, at most {@link #LIST_MAX}. */
    public List<Stored> list(String hospitalCode) {
        return jdbc.sql("""
                select * from stl_clearing_appl where fixmedins_code = :h order by setlym desc, id desc
                limit :max""")
                .param("h", hospitalCode).param("max", LIST_MAX).query((rs, n) -> stored(rs)).list();
    }

    /** One application by id, unscoped: the callers check the actor. */
    Stored find(long id) {
        return jdbc.sql("select * from stl_clearing_appl where id = :id").param("id", id)
                .query((rs, n) -> stored(rs)).optional()
                .orElseThrow(() -> Rejection.notFound("settlement.clearing-not-found", "id", "清算申请不存在：" + id));
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        Date withdrawn = rs.getDate("withdrawn_on");
        Application a = new Application(rs.getString("fixmedins_code"),
                ReconciliationStore.month(rs.getInt("setlym")), rs.getString("clr_type"), rs.getString("clr_way"),
                rs.getLong("psntime"), Money.ofFen(rs.getLong("medfee_sumamt")),
                Money.ofFen(rs.getLong("med_sumfee")), Money.ofFen(rs.getLong("fund_appy_sum")),
                Money.ofFen(rs.getLong("cash_payamt")), Money.ofFen(rs.getLong("acct_pay")),
                rs.getDate("begndate").toLocalDate(), rs.getDate("enddate").toLocalDate());
        return new Stored(rs.getLong("id"), a, ClearingStatus.valueOf(rs.getString("status")), rs.getDate("applied_on").toLocalDate(),
                withdrawn == null ? null : withdrawn.toLocalDate());
    }
}
