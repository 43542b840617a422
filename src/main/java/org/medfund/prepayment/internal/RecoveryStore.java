package org.medfund.prepayment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.prepayment.CourtSteps;
import org.medfund.prepayment.Holder;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryReason;
import org.medfund.prepayment.RecoveryStatus;
import org.medfund.prepayment.RecoveryTrigger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of {@code prepayment_recovery} (V50, V71, V75): what hospitals owe back, with the art. 11 court steps. */
@Component
class RecoveryStore {

    /** The states in which an art. 11 stop holds payments, as the SQL lists them. */
    private static final String STOPPED = "'UNRECOVERABLE', 'IN_COURT', 'LOSS_CONFIRMED'";

    private final JdbcClient jdbc;

    RecoveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Recovery r, String returnDueBasis) {
        jdbc.sql("""
                insert into prepayment_recovery (id, prepayment_id, hospital_code, insurance_type, payer_org_code,
                    reason, trigger_code, evidence, amount_fen, recovered_fen, all_or_nothing, found_on, return_due,
                    return_due_basis, offset_from, status, prepared_by)
                values (:id, :prepayment, :hospital, :fund, :payer, :reason, :trigger, :evidence, :amount, 0,
                    :allOrNothing, :found, :returnDue, :returnDueBasis, :offsetFrom, :status, :preparedBy)""")
                .param("id", r.id()).param("prepayment", r.prepaymentId()).param("hospital", r.hospitalCode())
                .param("fund", r.insuranceType()).param("payer", r.payerOrgCode()).param("reason", r.reason().name())
                .param("trigger", r.trigger() == null ? null : r.trigger().name()).param("evidence", r.evidence())
                .param("amount", r.amount().fen()).param("allOrNothing", r.allOrNothing())
                .param("found", r.foundOn()).param("returnDue", r.returnDue()).param("returnDueBasis", returnDueBasis)
                .param("offsetFrom", r.offsetFrom()).param("status", RecoveryStatus.OPEN.name())
                .param("preparedBy", r.preparedBy()).update();
    }

    Optional<Recovery> recovery(String id) {
        return jdbc.sql("select * from prepayment_recovery where id = :id").param("id", id)
                .query(RecoveryStore::recovery).optional();
    }

    /** The recovery, locked until the transaction ends (see {@link RegisterStore#lockPrepayment}). */
    Optional<Recovery> lock(String id) {
        return jdbc.sql("select * from prepayment_recovery where id = :id for update").param("id", id)
                .query(RecoveryStore::recovery).optional();
    }

    List<Recovery> recoveries(String hospitalCode) {
        return jdbc.sql("select * from prepayment_recovery where hospital_code = :h order by found_on, id")
                .param("h", hospitalCode).query(RecoveryStore::recovery).list();
    }

    List<Recovery> open() {
        return jdbc.sql("select * from prepayment_recovery where status in ('OPEN', " + STOPPED + ") "
                + "order by return_due, id limit " + Prepayments.PAGE_ROWS_MAX).query(RecoveryStore::recovery).list();
    }

    /** Open recoveries an offset may take from on a date, oldest first. */
    List<Recovery> offsettable(String payer, String hospitalCode, String fund, LocalDate date) {
        return jdbc.sql("""
                select * from prepayment_recovery where payer_org_code = :payer and hospital_code = :h
                  and insurance_type = :fund and status = 'OPEN'
                  and offset_from is not null and offset_from <= :d
                order by found_on, id""")
                .param("payer", payer).param("h", hospitalCode).param("fund", fund).param("d", date)
                .query(RecoveryStore::recovery).list();
    }

    void recovered(String id, Money amount, LocalDate date) {
        jdbc.sql("""
                update prepayment_recovery set recovered_fen = recovered_fen + :amount,
                  status = case when recovered_fen + :amount = amount_fen then :recovered else status end,
                  closed_on = case when recovered_fen + :amount = amount_fen then :d else closed_on end
                where id = :id""")
                .param("amount", amount.fen()).param("recovered", RecoveryStatus.RECOVERED.name()).param("d", date)
                .param("id", id).update();
    }

    void noOffset(String id) {
        jdbc.sql("update prepayment_recovery set offset_from = null where id = :id").param("id", id).update();
    }

    /** Art. 11 decision: from {@code date} the hospital's settlement payments stop (see {@link #stopOf}). */
    void unrecoverable(String id, String reason, LocalDate date, String userId) {
        jdbc.sql("""
                update prepayment_recovery set status = :status, unrecoverable_on = :d,
                  unrecoverable_reason = :reason, decided_by = :by where id = :id""")
                .param("status", RecoveryStatus.UNRECOVERABLE.name()).param("d", date).param("reason", reason)
                .param("by", userId).param("id", id).update();
    }

    void courtApplication(String id, LocalDate appliedOn, String court, String caseNo) {
        jdbc.sql("""
                update prepayment_recovery set status = :status, court_applied_on = :d, court_name = :court,
                  court_case_no = :caseNo where id = :id""")
                .param("status", RecoveryStatus.IN_COURT.name()).param("d", appliedOn).param("court", court)
                .param("caseNo", caseNo).param("id", id).update();
    }

    void courtDocument(String id, String document, LocalDate date, Money loss) {
        jdbc.sql("""
                update prepayment_recovery set status = :status, court_document = :doc,
                  court_document_on = :d, loss_fen = :loss where id = :id""")
                .param("status", RecoveryStatus.LOSS_CONFIRMED.name()).param("doc", document).param("d", date)
                .param("loss", loss.fen()).param("id", id).update();
    }

    /**
     * The art. 11 stop of a hospital on a date: its oldest recovery declared unrecoverable on or before the date and
     * not yet recovered or written off.
     */
    Optional<Recovery> stopOf(String hospitalCode, LocalDate date) {
        return jdbc.sql("select * from prepayment_recovery where hospital_code = :h and status in (" + STOPPED + ") "
                        + "and unrecoverable_on <= :d order by unrecoverable_on, id")
                .param("h", hospitalCode).param("d", date).query(RecoveryStore::recovery).list().stream()
                .findFirst();
    }

    void writtenOff(String id, String approvedBy, String approvalDocument, LocalDate date) {
        jdbc.sql("""
                update prepayment_recovery set status = :status, approved_by = :by,
                  approval_document = :doc, closed_on = :d where id = :id""")
                .param("status", RecoveryStatus.WRITTEN_OFF.name()).param("by", approvedBy)
                .param("doc", approvalDocument).param("d", date).param("id", id).update();
    }

    private static Recovery recovery(ResultSet rs, int row) throws SQLException {
        String trigger = rs.getString("trigger_code");
        return new Recovery(rs.getString("id"), rs.getString("prepayment_id"),
                new Holder(rs.getString("hospital_code"), rs.getString("insurance_type"),
                        rs.getString("payer_org_code")),
                new Recovery.Cause(RecoveryReason.valueOf(rs.getString("reason")),
                        trigger == null ? null : RecoveryTrigger.valueOf(trigger), rs.getString("evidence")),
                new Recovery.Terms(rs.getBoolean("all_or_nothing"), rs.getObject("found_on", LocalDate.class),
                        rs.getObject("return_due", LocalDate.class), rs.getObject("offset_from", LocalDate.class)),
                Money.ofFen(rs.getLong("amount_fen")), rs.getString("prepared_by"),
                new Recovery.Progress(Money.ofFen(rs.getLong("recovered_fen")),
                        RecoveryStatus.valueOf(rs.getString("status")), court(rs), rs.getString("approved_by")));
    }

    private static CourtSteps court(ResultSet rs) throws SQLException {
        LocalDate decided = rs.getObject("unrecoverable_on", LocalDate.class);
        if (decided == null) {
            return null;
        }
        long lossFen = rs.getLong("loss_fen");
        Money loss = rs.wasNull() ? null : Money.ofFen(lossFen);
        return new CourtSteps(decided, rs.getString("unrecoverable_reason"), rs.getString("decided_by"),
                rs.getObject("court_applied_on", LocalDate.class), rs.getString("court_name"),
                rs.getString("court_case_no"), rs.getString("court_document"),
                rs.getObject("court_document_on", LocalDate.class), loss);
    }
}
