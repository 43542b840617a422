package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.calendar.Due;
import org.medfund.prepayment.Application;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.ApplicationStatus;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.Prepayments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL of {@code prepayment_application} and {@code prepayment_finding} (V50, V71): Xinyang's applications with the
 * annex form (xinyang-2025 art. 6(一)) and the reviewer's art. 3 findings.
 */
@Component
class ApplicationStore {

    /** The four commitments of the annex form, as stored (the form refuses an application without all four). */
    private static final String COMMITMENTS = "专款专用;承担责任;配合退回;真实完整";

    private final JdbcClient jdbc;

    ApplicationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String id, int year, String hospitalCode, String packId, ApplicationForm form, LocalDate date,
                Due due, String userId) {
        jdbc.sql("""
                insert into prepayment_application (id, prepayment_year, hospital_code, pack_id, submitted_on, due_on,
                    basic_info, agreement_performance, finances, key_tasks, supervision, penalties_12_months,
                    commitments, status, submitted_by, due_basis)
                values (:id, :year, :h, :pack, :on, :due, :a, :b, :c, :d, :e, :f, :commitments, :status, :by,
                    :dueBasis)""")
                .param("id", id).param("year", year).param("h", hospitalCode).param("pack", packId)
                .param("on", date).param("due", due.date()).param("dueBasis", due.basis()).param("a", form.basicInfo())
                .param("b", form.agreementPerformance()).param("c", form.finances()).param("d", form.keyTasks())
                .param("e", form.supervision()).param("f", form.penaltiesIn12Months())
                .param("commitments", COMMITMENTS).param("status", ApplicationStatus.SUBMITTED.name())
                .param("by", userId).update();
    }

    void reviewed(String id, ApplicationStatus status, List<String> refusals, String userId, LocalDate date) {
        jdbc.sql("""
                update prepayment_application set status = :status, refusals = :refusals, reviewed_by = :by,
                  reviewed_on = :on where id = :id""")
                .param("status", status.name()).param("refusals", String.join("\n", refusals)).param("by", userId)
                .param("on", date).param("id", id).update();
    }

    Optional<Application> application(String id) {
        return jdbc.sql("select * from prepayment_application where id = :id").param("id", id)
                .query((rs, n) -> new Application(rs.getString("id"), rs.getInt("prepayment_year"),
                        rs.getString("hospital_code"), rs.getString("pack_id"),
                        rs.getObject("submitted_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        new ApplicationForm(rs.getString("basic_info"), rs.getString("agreement_performance"),
                                rs.getString("finances"), rs.getString("key_tasks"), rs.getString("supervision"),
                                rs.getString("penalties_12_months"), true, true, true, true),
                        ApplicationStatus.valueOf(rs.getString("status")), rs.getString("refusals"),
                        rs.getString("submitted_by"), rs.getString("reviewed_by")))
                .optional();
    }

    /** The ids of a year's applications, by hospital, at most {@link Prepayments#PAGE_ROWS_MAX}. */
    List<String> ids(int year) {
        return jdbc.sql("select id from prepayment_application where prepayment_year = :y order by hospital_code "
                        + "limit " + Prepayments.PAGE_ROWS_MAX)
                .param("y", year).query(String.class).list();
    }

    void insertFinding(String applicationId, Finding finding) {
        jdbc.sql("""
                insert into prepayment_finding (application_id, condition_code, met, evidence, reviewer)
                values (:id, :c, :met, :evidence, :reviewer)""")
                .param("id", applicationId).param("c", finding.condition().name()).param("met", finding.met())
                .param("evidence", finding.evidence()).param("reviewer", finding.reviewerUserId()).update();
    }

    List<Finding> findings(String applicationId) {
        return jdbc.sql("select * from prepayment_finding where application_id = :id order by condition_code")
                .param("id", applicationId)
                .query((rs, n) -> new Finding(EligibilityCondition.valueOf(rs.getString("condition_code")),
                        rs.getBoolean("met"), rs.getString("evidence"), rs.getString("reviewer")))
                .list();
    }
}
