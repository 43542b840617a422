package org.medfund.prepayment.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.prepayment.Holder;
import org.medfund.prepayment.Movement;
import org.medfund.prepayment.MovementKind;
import org.medfund.prepayment.Prepayment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * SQL of the register's money movements {@code prepayment_movement} (V50): one row per ledger posting, so that the
 * register balance (disbursed − recovered − written off) can be checked against the ledger.
 */
@Component
class MovementStore {

    /** The signed amount of a movement: a disbursement adds to what the hospital holds, everything else reduces it. */
    private static final String SIGNED = "case when kind = 'DISBURSED' then amount_fen else -amount_fen end";

    /** payer, hospital, fund → register balance, for the invariant. */
    record RegisterBalance(Holder holder, Money balance) {
    }

    /** What one prepayment moved: disbursed, and recovered by offset or return (write-offs are not recoveries). */
    record Moved(Money disbursed, Money recovered) {

        static final Moved NONE = new Moved(Money.ZERO, Money.ZERO);
    }

    /** A disbursement of a payer's day, for the payment file. */
    record Disbursed(String requestId, String prepaymentId, Money amount, String hospitalCode, String insuranceType,
                     int year) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MovementStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The date of the prepayment's latest money movement (disbursement, return, offset, write-off), if any. */
    Optional<LocalDate> lastMovementOn(String prepaymentId) {
        return jdbc.sql("select max(movement_date) from prepayment_movement where prepayment_id = :id")
                .param("id", prepaymentId).query(LocalDate.class).optional();
    }

    boolean exists(String requestId) {
        return jdbc.sql("select count(*) from prepayment_movement where request_id = :id").param("id", requestId)
                .query(Long.class).single() > 0;
    }

    void insert(String requestId, Prepayment p, String recoveryId, MovementKind kind, Money amount,
                LocalDate date) {
        jdbc.sql("""
                insert into prepayment_movement (request_id, prepayment_id, recovery_id, kind, amount_fen,
                    movement_date, hospital_code, insurance_type, payer_org_code, created_at)
                values (:id, :prepayment, :recovery, :kind, :amount, :date, :hospital, :fund, :payer, :createdAt)""")
                .param("id", requestId).param("prepayment", p.id()).param("recovery", recoveryId)
                .param("kind", kind.name()).param("amount", amount.fen()).param("date", date)
                .param("hospital", p.hospitalCode()).param("fund", p.insuranceType())
                .param("payer", p.payerOrgCode()).param("createdAt", Timestamp.from(Instant.now(clock))).update();
    }

    /** Disbursed − recovered − written off, for one hospital and fund (all years, all payers). */
    Money outstanding(String hospitalCode, String insuranceType) {
        return Money.ofFen(jdbc.sql("select coalesce(sum(" + SIGNED + "), 0) from prepayment_movement "
                        + "where hospital_code = :hospital and insurance_type = :fund")
                .param("hospital", hospitalCode).param("fund", insuranceType).query(Long.class).single());
    }

    /** The funds of which the hospital still holds a prepayment (disbursed − recovered − written off > 0). */
    List<String> fundsHeld(String hospitalCode) {
        return jdbc.sql("select insurance_type from prepayment_movement where hospital_code = :hospital "
                        + "group by insurance_type having sum(" + SIGNED + ") > 0 order by insurance_type")
                .param("hospital", hospitalCode).query(String.class).list();
    }

    List<Movement> movements(String hospitalCode) {
        return jdbc.sql("""
                select * from prepayment_movement where hospital_code = :hospital
                order by movement_date, created_at, request_id""")
                .param("hospital", hospitalCode)
                .query((rs, n) -> new Movement(rs.getString("request_id"), rs.getString("prepayment_id"),
                        rs.getString("recovery_id"), MovementKind.valueOf(rs.getString("kind")),
                        Money.ofFen(rs.getLong("amount_fen")), rs.getObject("movement_date", LocalDate.class),
                        rs.getString("insurance_type"), rs.getString("payer_org_code")))
                .list();
    }

    List<RegisterBalance> registerBalances() {
        return jdbc.sql("select payer_org_code, hospital_code, insurance_type, sum(" + SIGNED + ") "
                        + "from prepayment_movement group by payer_org_code, hospital_code, insurance_type "
                        + "order by payer_org_code, hospital_code, insurance_type")
                .query((rs, n) -> new RegisterBalance(new Holder(rs.getString(2), rs.getString(3), rs.getString(1)),
                        Money.ofFen(rs.getLong(4))))
                .list();
    }

    /** What each prepayment of a year moved, in one query (prepayments without movements are absent). */
    Map<String, Moved> movedInYear(int year) {
        Map<String, Moved> moved = new HashMap<>();
        jdbc.sql("""
                select m.prepayment_id,
                       coalesce(sum(case when m.kind = 'DISBURSED' then m.amount_fen else 0 end), 0),
                       coalesce(sum(case when m.kind in ('RECOVERED_OFFSET', 'RECOVERED_RETURN') then m.amount_fen
                                         else 0 end), 0)
                from prepayment_movement m join prepayment p on p.id = m.prepayment_id
                where p.prepayment_year = :y group by m.prepayment_id""")
                .param("y", year)
                .query((rs, n) -> moved.put(rs.getString(1), new Moved(Money.ofFen(rs.getLong(2)),
                        Money.ofFen(rs.getLong(3)))))
                .list();
        return moved;
    }

    /** A payer's disbursements of a day, at most {@code rowsMax} (the caller asks one more to detect overflow). */
    List<Disbursed> disbursedOn(String payerOrgCode, LocalDate date, int rowsMax) {
        return jdbc.sql("""
                select m.request_id, m.prepayment_id, m.amount_fen, m.hospital_code, m.insurance_type,
                       p.prepayment_year
                from prepayment_movement m join prepayment p on p.id = m.prepayment_id
                where m.payer_org_code = :payer and m.movement_date = :d and m.kind = 'DISBURSED'
                order by m.hospital_code, m.insurance_type limit :n""")
                .param("payer", payerOrgCode).param("d", date).param("n", rowsMax)
                .query((rs, n) -> new Disbursed(rs.getString(1), rs.getString(2), Money.ofFen(rs.getLong(3)),
                        rs.getString(4), rs.getString(5), rs.getInt(6))).list();
    }

    Money movedForRequestPrefix(String prefix) {
        return Money.ofFen(jdbc.sql("""
                select coalesce(sum(amount_fen), 0) from prepayment_movement
                where left(request_id, :n) = :prefix""")
                .param("n", prefix.length()).param("prefix", prefix).query(Long.class).single());
    }

    long countForRequestPrefix(String prefix) {
        // An exact prefix comparison: LIKE would treat "_" in request ids as a wildcard.
        return jdbc.sql("select count(*) from prepayment_movement where left(request_id, :n) = :prefix")
                .param("n", prefix.length()).param("prefix", prefix).query(Long.class).single();
    }
}
