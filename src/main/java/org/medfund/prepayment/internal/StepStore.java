package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.util.List;
import org.medfund.calendar.Due;
import org.medfund.common.Money;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.StepState;
import org.medfund.prepayment.WorkflowStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL of {@code prepayment_step} (V50, V51, V71): the xinyang-2025 art. 6 steps of each row, with their actors, due
 * dates and the ledger transfers that carried the money at FUNDED and COUNTY_SHARED.
 */
@Component
class StepStore {

    /** A row waiting at a funding step, with the amount it will pay the hospital. */
    record Ready(String prepaymentId, Money amount) {
    }

    /** A step of a hospital the deadline list may show (the caller filters by scope). */
    record OpenStep(StepState state, String hospitalCode) {
    }

    private final JdbcClient jdbc;

    StepStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A step still to come: no due date until the step before it starts its clock. */
    void planned(String prepaymentId, WorkflowStep step, String actorOrg) {
        insert(prepaymentId, step, actorOrg, null, null, null);
    }

    /** A step done when the row is created (the application, the county review), with its own due date if any. */
    void doneAtOnce(String prepaymentId, WorkflowStep step, String actorOrg, LocalDate due, LocalDate done,
                    String doneBy) {
        insert(prepaymentId, step, actorOrg, due, done, doneBy);
    }

    private void insert(String prepaymentId, WorkflowStep step, String actorOrg, LocalDate due, LocalDate done,
                        String doneBy) {
        jdbc.sql("""
                insert into prepayment_step (prepayment_id, step, seq, actor_org_code, due_on, done_on, done_by)
                values (:id, :step, :seq, :actor, :due, :done, :by)""")
                .param("id", prepaymentId).param("step", step.name()).param("seq", step.ordinal())
                .param("actor", actorOrg).param("due", due).param("done", done).param("by", doneBy).update();
    }

    void done(String prepaymentId, WorkflowStep step, LocalDate date, String userId) {
        jdbc.sql("update prepayment_step set done_on = :d, done_by = :by where prepayment_id = :id and step = :s")
                .param("d", date).param("by", userId).param("id", prepaymentId).param("s", step.name())
                .update();
    }

    void due(String prepaymentId, WorkflowStep step, Due due) {
        jdbc.sql("update prepayment_step set due_on = :due, due_basis = :basis where prepayment_id = :id and step = :s")
                .param("due", due.date()).param("basis", due.basis()).param("id", prepaymentId)
                .param("s", step.name()).update();
    }

    List<StepState> steps(String prepaymentId) {
        return jdbc.sql("select * from prepayment_step where prepayment_id = :id order by seq")
                .param("id", prepaymentId)
                .query((rs, n) -> new StepState(rs.getString("prepayment_id"),
                        WorkflowStep.valueOf(rs.getString("step")), rs.getString("actor_org_code"),
                        rs.getObject("due_on", LocalDate.class), rs.getObject("done_on", LocalDate.class),
                        rs.getString("done_by"), rs.getString("transfer_id"),
                        rs.getObject("received_on", LocalDate.class)))
                .list();
    }

    /** Steps with a due date not yet done, by due date, at most {@link Prepayments#PAGE_ROWS_MAX}. */
    List<OpenStep> open() {
        return jdbc.sql("""
                select s.*, p.hospital_code from prepayment_step s join prepayment p on p.id = s.prepayment_id
                where s.done_on is null and s.due_on is not null order by s.due_on, s.prepayment_id limit :n""")
                .param("n", Prepayments.PAGE_ROWS_MAX)
                .query((rs, n) -> new OpenStep(new StepState(rs.getString("prepayment_id"),
                        WorkflowStep.valueOf(rs.getString("step")), rs.getString("actor_org_code"),
                        rs.getObject("due_on", LocalDate.class), null, null, rs.getString("transfer_id"),
                        rs.getObject("received_on", LocalDate.class)), rs.getString("hospital_code")))
                .list();
    }

    /**
     * Approved rows of a year and fund whose FUNDED step (sent by {@code finance} to {@code cityAgency}) is open and
     * whose bureau review is done by the date.
     */
    List<Ready> readyToFund(String finance, String cityAgency, String fund, int year, LocalDate date) {
        return jdbc.sql("""
                select p.id, p.to_pay_fen from prepayment p
                join prepayment_step f on f.prepayment_id = p.id and f.step = 'FUNDED'
                join prepayment_step c on c.prepayment_id = p.id and c.step = 'CITY_AGGREGATED'
                join prepayment_step b on b.prepayment_id = p.id and b.step = 'BUREAU_REVIEWED'
                where f.done_on is null and f.actor_org_code = :finance and c.actor_org_code = :city
                  and b.done_on <= :d
                  and p.status = 'APPROVED' and p.insurance_type = :fund and p.prepayment_year = :year
                order by p.id""")
                .param("finance", finance).param("city", cityAgency).param("fund", fund).param("year", year)
                .param("d", date)
                .query((rs, n) -> new Ready(rs.getString(1), Money.ofFen(rs.getLong(2)))).list();
    }

    /** Rows of a county centre whose money reached the city centre and is not yet passed on. */
    List<Ready> readyToShare(String cityAgency, String countyAgency, String fund, int year, LocalDate date) {
        return jdbc.sql("""
                select p.id, p.to_pay_fen from prepayment p
                join prepayment_step s on s.prepayment_id = p.id and s.step = 'COUNTY_SHARED'
                join prepayment_step f on f.prepayment_id = p.id and f.step = 'FUNDED'
                where s.done_on is null and s.actor_org_code = :city and p.payer_org_code = :county
                  and f.received_on <= :d
                  and p.status = 'APPROVED' and p.insurance_type = :fund and p.prepayment_year = :year
                order by p.id""")
                .param("city", cityAgency).param("county", countyAgency).param("fund", fund).param("year", year)
                .param("d", date)
                .query((rs, n) -> new Ready(rs.getString(1), Money.ofFen(rs.getLong(2)))).list();
    }

    /** How many transfers were already sent under an id prefix (the next one is numbered after them). */
    long transfersSent(String prefix) {
        return jdbc.sql("select count(distinct transfer_id) from prepayment_step where transfer_id like :p")
                .param("p", prefix + "%").query(Long.class).single();
    }

    /** Marks a funding step sent with its transfer; a row that moved no money is received at once. */
    void sent(String prepaymentId, WorkflowStep step, LocalDate date, String userId, String transferId) {
        jdbc.sql("""
                update prepayment_step set done_on = :d, done_by = :by, transfer_id = :t, received_on = :r
                where prepayment_id = :id and step = :s and done_on is null""")
                .param("d", date).param("by", userId).param("t", transferId)
                .param("r", transferId == null ? date : null).param("id", prepaymentId)
                .param("s", step.name()).update();
    }

    /** Marks every row a transfer carried received; answers those rows. */
    List<String> received(String transferId, LocalDate date) {
        jdbc.sql("update prepayment_step set received_on = :d where transfer_id = :t and received_on is null")
                .param("d", date).param("t", transferId).update();
        return jdbc.sql("select prepayment_id from prepayment_step where transfer_id = :t order by prepayment_id")
                .param("t", transferId).query(String.class).list();
    }
}
