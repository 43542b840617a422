package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.DueDateChange;
import org.medfund.calendar.DueDateRecompute;
import org.medfund.prepayment.WorkflowStep;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Recomputes the prepayment due dates still open when a year's holiday notice is loaded: art. 6 workflow steps not
 * done (funding within 10 working days, payment within 3), applications not yet reviewed (art. 6(一) by Jan 15),
 * register rows not yet paid (Henan 二(二) by Jan 15) and open recoveries (art. 6(五) clearing by 31 January, art. 10
 * return within 10 working days — offsets then start the day after the new return date, as before).
 */
@Component
class PrepaymentDueDates implements DueDateRecompute {

    /** One stored date: the row's key, its date and basis. */
    private record Row(String key, String step, LocalDate due, String basis) {
    }

    private final JdbcClient jdbc;

    PrepaymentDueDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<DueDateChange> recompute(int year, BusinessCalendar before, BusinessCalendar after) {
        LocalDate from = LocalDate.of(year, 1, 1);
        List<DueDateChange> changes = new ArrayList<>();
        for (Row r : rows("""
                select prepayment_id as k, step as s, due_on as d, due_basis as b from prepayment_step
                where done_on is null and due_basis is not null and due_on >= :from
                order by prepayment_id, seq""", from)) {
            LocalDate due = after.recompute(r.basis());
            jdbc.sql("update prepayment_step set due_on = :d where prepayment_id = :k and step = :s")
                    .param("d", due).param("k", r.key()).param("s", r.step()).update();
            changes.add(new DueDateChange("预付金步骤 " + WorkflowStep.valueOf(r.step()).label(), r.key(),
                    r.due(), due, true));
        }
        for (Row r : rows("""
                select id as k, '' as s, due_on as d, due_basis as b from prepayment_application
                where status = 'SUBMITTED' and due_basis is not null and due_on >= :from order by id""", from)) {
            LocalDate due = after.recompute(r.basis());
            jdbc.sql("update prepayment_application set due_on = :d where id = :k").param("d", due)
                    .param("k", r.key()).update();
            changes.add(new DueDateChange("预付金申请截止日", r.key(), r.due(), due, true));
        }
        for (Row r : rows("""
                select id as k, '' as s, due_on as d, due_basis as b from prepayment
                where status in ('PREPARED', 'APPROVED') and due_basis is not null and due_on >= :from
                order by id""", from)) {
            LocalDate due = after.recompute(r.basis());
            jdbc.sql("update prepayment set due_on = :d where id = :k").param("d", due).param("k", r.key()).update();
            changes.add(new DueDateChange("预付金拨付截止日", r.key(), r.due(), due, true));
        }
        for (Row r : rows("""
                select id as k, '' as s, return_due as d, return_due_basis as b from prepayment_recovery
                where status = 'OPEN' and return_due_basis is not null and return_due >= :from order by id""", from)) {
            LocalDate due = after.recompute(r.basis());
            // Offsets that began the day after the return date move with it (art. 10 (一)–(五)).
            jdbc.sql("""
                    update prepayment_recovery set return_due = :d,
                        offset_from = case when offset_from = :oldNext then :newNext else offset_from end
                    where id = :k""")
                    .param("d", due).param("oldNext", r.due().plusDays(1)).param("newNext", due.plusDays(1))
                    .param("k", r.key()).update();
            changes.add(new DueDateChange("预付金退回期限", r.key(), r.due(), due, true));
        }
        return changes;
    }

    private List<Row> rows(String sql, LocalDate from) {
        return jdbc.sql(sql).param("from", from).query((rs, n) -> new Row(rs.getString("k"), rs.getString("s"),
                rs.getObject("d", LocalDate.class), rs.getString("b"))).list();
    }
}
