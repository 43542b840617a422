package org.medfund.settlement.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.DueDateChange;
import org.medfund.calendar.DueDateRecompute;
import org.medfund.settlement.BatchStatus;
import org.medfund.settlement.Reconciliations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Settlement's part in loading a year's holiday notice: payment batches prepared but not yet paid have their stored
 * payment due date recomputed (hainan-2020 art. 16's N working days), and the reconciliation application deadlines
 * (henan-2023 三(一) 次月5日前，遇节假日顺延), which are computed whenever shown, are listed old → new for the months
 * not yet applied, up to the current month, of every hospital with a named reconciliation clerk (专人对账: only
 * those can apply).
 */
@Component
class SettlementDueDates implements DueDateRecompute {

    private final JdbcReconciliations reconciliations;
    private final ReconciliationStore reconciliationStore;
    private final JdbcClient jdbc;
    private final Clock clock;

    SettlementDueDates(JdbcReconciliations reconciliations, ReconciliationStore reconciliationStore, JdbcClient jdbc,
                       Clock clock) {
        this.reconciliations = reconciliations;
        this.reconciliationStore = reconciliationStore;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Batch(long id, String agency, int cycle, LocalDate due, String basis) {
    }

    @Override
    public List<DueDateChange> recompute(int year, BusinessCalendar before, BusinessCalendar after) {
        LocalDate from = LocalDate.of(year, 1, 1);
        List<DueDateChange> changes = new ArrayList<>();
        List<Batch> batches = jdbc.sql("""
                select id, agency_code, cycle, due_date, due_basis from stl_payment_batch
                where status = :prepared and due_basis is not null and due_date >= :from order by id""")
                .param("prepared", BatchStatus.PREPARED.name()).param("from", from).query((rs, n) -> new Batch(rs.getLong("id"), rs.getString("agency_code"),
                        rs.getInt("cycle"), rs.getObject("due_date", LocalDate.class), rs.getString("due_basis")))
                .list();
        for (Batch b : batches) {
            LocalDate due = after.recompute(b.basis());
            jdbc.sql("update stl_payment_batch set due_date = :d where id = :id").param("d", due).param("id", b.id())
                    .update();
            changes.add(new DueDateChange("结算付款期限", b.agency() + " 批次 " + b.id() + "（" + b.cycle() + "）",
                    b.due(), due, true));
        }
        YearMonth last = YearMonth.now(clock);
        List<String> hospitals = jdbc.sql("select fixmedins_code from stl_clerk order by fixmedins_code")
                .query(String.class).list();
        // A month's application is due in the next month (or the one after, once shifted): the months from
        // November of the year before can fall due in the notice's year.
        for (YearMonth period = YearMonth.of(year - 1, 11); !period.isAfter(last); period = period.plusMonths(1)) {
            for (String hospital : hospitals) {
                if (reconciliationStore.find(hospital, period).isPresent()) {
                    continue;
                }
                Reconciliations.Deadline old = reconciliations.deadline(hospital, period, before);
                if (old.dueDate() == null) {
                    continue;
                }
                LocalDate now = reconciliations.deadline(hospital, period, after).dueDate();
                if (!old.dueDate().isBefore(from) || !now.isBefore(from)) {
                    changes.add(new DueDateChange("对账申请截止日", hospital + " " + period + " 期（" + old.rule() + "）",
                            old.dueDate(), now, false));
                }
            }
        }
        return changes;
    }
}
