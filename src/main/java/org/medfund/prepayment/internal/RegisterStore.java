package org.medfund.prepayment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.prepayment.ClearingMethod;
import org.medfund.prepayment.Holder;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentCategory;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.RegisterFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of the register table {@code prepayment} (V50, V71): one row per hospital, fund and year. */
@Component
class RegisterStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    RegisterStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void insert(Prepayment p, String dueBasis) {
        jdbc.sql("""
                insert into prepayment (id, prepayment_year, hospital_code, insurance_type, region_code, payer_org_code,
                    pack_id, pack_version, category, application_id, sized_fen, outstanding_before_fen, to_pay_fen,
                    to_recover_fen, formula, citation, inputs, gate_reasons, status, due_on, due_basis, prepared_by,
                    created_at)
                values (:id, :year, :hospital, :fund, :region, :payer, :pack, :version, :category, :application,
                    :sized, :before, :toPay, :toRecover, :formula, :citation, :inputs, :gate, :status, :due,
                    :dueBasis, :preparedBy, :createdAt)""")
                .param("id", p.id()).param("year", p.year()).param("hospital", p.hospitalCode())
                .param("fund", p.insuranceType()).param("region", p.regionCode()).param("payer", p.payerOrgCode())
                .param("pack", p.packId()).param("version", p.packVersion()).param("category", p.category().name())
                .param("application", p.applicationId()).param("sized", p.sized().fen())
                .param("before", p.outstandingBefore().fen()).param("toPay", p.toPay().fen())
                .param("toRecover", p.toRecover().fen()).param("formula", p.derivation().formula())
                .param("citation", p.derivation().citation())
                .param("inputs", Derivations.inputsText(p.derivation()))
                .param("gate", p.gateReasons()).param("status", p.status().name()).param("due", p.dueOn())
                .param("dueBasis", dueBasis)
                .param("preparedBy", p.preparedBy()).param("createdAt", Timestamp.from(Instant.now(clock)))
                .update();
    }

    Optional<Prepayment> prepayment(String id) {
        return jdbc.sql("select * from prepayment where id = :id").param("id", id).query(RegisterStore::prepayment)
                .optional();
    }

    /**
     * The row, locked until the transaction ends: a concurrent command on the same prepayment (a second clerk, a
     * second key) waits here and then sees what the first did, instead of acting on the state both read before.
     */
    Optional<Prepayment> lockPrepayment(String id) {
        return jdbc.sql("select * from prepayment where id = :id for update").param("id", id)
                .query(RegisterStore::prepayment).optional();
    }

    List<Prepayment> prepayments(RegisterFilter filter) {
        StringBuilder sql = new StringBuilder("select * from prepayment where 1 = 1");
        Map<String, Object> spec = new HashMap<>();
        if (filter.year() != null) {
            sql.append(" and prepayment_year = :year");
            spec.put("year", filter.year());
        }
        if (filter.hospitalCode() != null) {
            sql.append(" and hospital_code = :hospital");
            spec.put("hospital", filter.hospitalCode());
        }
        if (filter.insuranceType() != null) {
            sql.append(" and insurance_type = :fund");
            spec.put("fund", filter.insuranceType());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            spec.put("status", filter.status().name());
        }
        if (filter.packId() != null) {
            sql.append(" and pack_id = :pack");
            spec.put("pack", filter.packId());
        }
        sql.append(" order by prepayment_year desc, region_code, hospital_code, insurance_type limit ")
                .append(Prepayments.PAGE_ROWS_MAX);
        return jdbc.sql(sql.toString()).params(spec).query(RegisterStore::prepayment).list();
    }

    void setStatus(String id, PrepaymentStatus status) {
        jdbc.sql("update prepayment set status = :status where id = :id").param("status", status.name())
                .param("id", id).update();
    }

    void approve(String id, String userId, LocalDate date) {
        jdbc.sql("update prepayment set status = :status, approved_by = :user, approved_on = :date where id = :id")
                .param("status", PrepaymentStatus.APPROVED.name()).param("user", userId).param("date", date)
                .param("id", id).update();
    }

    void adjust(String id, Derivation derivation, Money toPay) {
        jdbc.sql("""
                update prepayment set sized_fen = :sized, to_pay_fen = :toPay, formula = :formula,
                    citation = :citation, inputs = :inputs where id = :id""")
                .param("sized", derivation.result().fen()).param("toPay", toPay.fen())
                .param("formula", derivation.formula()).param("citation", derivation.citation())
                .param("inputs", Derivations.inputsText(derivation)).param("id", id).update();
    }

    void cleared(String id, ClearingMethod method, LocalDate date) {
        jdbc.sql("""
                update prepayment set status = :status, clearing_method = :method, cleared_on = :date
                where id = :id""")
                .param("status", PrepaymentStatus.CLEARED.name()).param("method", method.name())
                .param("date", date).param("id", id).update();
    }

    /** When the prepayment was approved (null before). */
    LocalDate approvedOn(String prepaymentId) {
        return jdbc.sql("select approved_on from prepayment where id = :id").param("id", prepaymentId)
                .query(LocalDate.class).optional().orElse(null);
    }

    /** The basis of a register row's due date (null for rows written before bases were stored). */
    String dueBasis(String prepaymentId) {
        return jdbc.sql("select due_basis from prepayment where id = :id").param("id", prepaymentId)
                .query(String.class).optional().orElse(null);
    }

    private static Prepayment prepayment(ResultSet rs, int row) throws SQLException {
        Derivation derivation = new Derivation(rs.getString("formula"), Derivations.inputs(rs.getString("inputs")),
                rs.getString("citation"), Money.ofFen(rs.getLong("sized_fen")));
        String method = rs.getString("clearing_method");
        return new Prepayment(rs.getString("id"), rs.getInt("prepayment_year"),
                new Holder(rs.getString("hospital_code"), rs.getString("insurance_type"),
                        rs.getString("payer_org_code")),
                rs.getString("region_code"),
                new Prepayment.Basis(rs.getString("pack_id"), rs.getInt("pack_version"),
                        PrepaymentCategory.valueOf(rs.getString("category")), rs.getString("application_id"),
                        derivation, rs.getString("gate_reasons")),
                new Prepayment.Amounts(Money.ofFen(rs.getLong("sized_fen")),
                        Money.ofFen(rs.getLong("outstanding_before_fen")), Money.ofFen(rs.getLong("to_pay_fen")),
                        Money.ofFen(rs.getLong("to_recover_fen"))),
                PrepaymentStatus.valueOf(rs.getString("status")), rs.getObject("due_on", LocalDate.class),
                new Prepayment.Handling(rs.getString("prepared_by"), rs.getString("approved_by"),
                        method == null ? null : ClearingMethod.valueOf(method),
                        rs.getObject("cleared_on", LocalDate.class)));
    }
}
