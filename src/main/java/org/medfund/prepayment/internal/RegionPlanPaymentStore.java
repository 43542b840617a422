package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.prepayment.PlanMove;
import org.medfund.prepayment.PlanPaymentState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of {@code prepayment_region_plan_payment} (V350): the money moved for each issued region plan. */
@Component
class RegionPlanPaymentStore {

    /** A stored payment row. */
    record Row(String planId, PlanMove move, Money amount, String transferId, PlanPaymentState state,
               LocalDate sentOn, LocalDate receivedOn) {
    }

    private final JdbcClient jdbc;

    RegionPlanPaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Integer> planYear(String planId) {
        return jdbc.sql("select prepayment_year from prepayment_region_plan where id = :id").param("id", planId)
                .query(Integer.class).optional();
    }

    /** The plan of a region and fund in a year, if one was issued. */
    Optional<String> planId(int year, String region, String fund) {
        return jdbc.sql("""
                select id from prepayment_region_plan
                where prepayment_year = :y and region_code = :r and insurance_type = :f""")
                .param("y", year).param("r", region).param("f", fund).query(String.class).optional();
    }

    Optional<Row> row(String planId) {
        return jdbc.sql("select * from prepayment_region_plan_payment where plan_id = :id").param("id", planId)
                .query((rs, n) -> new Row(rs.getString("plan_id"), PlanMove.valueOf(rs.getString("move")),
                        Money.ofFen(rs.getLong("amount_fen")), rs.getString("transfer_id"),
                        PlanPaymentState.valueOf(rs.getString("state")), rs.getObject("sent_on", LocalDate.class),
                        rs.getObject("received_on", LocalDate.class))).optional();
    }

    List<Row> rows(int year) {
        return jdbc.sql("select plan_id from prepayment_region_plan_payment where prepayment_year = :y")
                .param("y", year).query(String.class).list().stream().map(id -> row(id).orElseThrow()).toList();
    }

    void insert(String planId, int year, String province, String region, String fund, PlanMove move, Money amount,
                String transferId, PlanPaymentState state, String by, LocalDate on) {
        jdbc.sql("""
                insert into prepayment_region_plan_payment (plan_id, prepayment_year, province_code, region_code,
                    insurance_type, move, amount_fen, transfer_id, state, sent_by, sent_on)
                values (:id, :y, :p, :r, :f, :move, :amount, :t, :s, :by, :on)""")
                .param("id", planId).param("y", year).param("p", province).param("r", region).param("f", fund)
                .param("move", move.name()).param("amount", amount.fen()).param("t", transferId)
                .param("s", state.name()).param("by", by).param("on", on).update();
    }

    void received(String planId, String by, LocalDate on) {
        jdbc.sql("""
                update prepayment_region_plan_payment set state = :s, received_by = :by, received_on = :on
                where plan_id = :id""")
                .param("s", PlanPaymentState.RECEIVED.name()).param("by", by).param("on", on).param("id", planId)
                .update();
    }
}
