package org.medfund.crossregion.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.crossregion.NationalClearingState;
import org.medfund.crossregion.NationalDirection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the national clearing lines ({@code cr_national_clearing_line}) and the sums of an imported detail. */
@Repository
class NationalClearingStore {

    private static final String COLUMNS = "id, import_id, clearing_month, city_region, direction, counterpart_province,"
            + " insurance_type, row_count, medical_fee_fen, fund_pay_fen, derivation, state, submitted_on, paid_on,"
            + " received_on";

    private final JdbcClient jdbc;
    private final Clock clock;

    NationalClearingStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The sums of one city, direction, other province and insurance type ('' when the file has none). */
    record Group(String city, NationalDirection direction, String counterpart, String insuranceType, int rows,
                 Money medicalFee, Money fundPay) {
    }

    record LineRow(String id, long importId, YearMonth month, String city, NationalDirection direction,
                   String counterpart, String insuranceType, int rows, Money medicalFee, Money fundPay,
                   String derivation, NationalClearingState state, LocalDate submittedOn, LocalDate paidOn,
                   LocalDate receivedOn) {
    }

    /** One GROUP BY over the imported rows: the other province is the other side's first two digits + 0000. */
    List<Group> groups(long importId) {
        return jdbc.sql("""
                select city_region, direction, other_province, insutype, count(*), sum(medfee_sumamt_fen),
                  sum(optins_pay_sumamt_fen)
                from (select city_region, direction, coalesce(insutype, '') as insutype, medfee_sumamt_fen,
                        optins_pay_sumamt_fen,
                        case when direction = 'OUTBOUND' then substring(mdtrtarea_admvs, 1, 2)
                             else substring(insuplc_admdvs, 1, 2) end as other_province
                      from cr_national_clearing_row where import_id = :i) r
                group by city_region, direction, other_province, insutype
                order by city_region, direction, other_province, insutype""").param("i", importId)
                .query((rs, n) -> new Group(rs.getString(1), NationalDirection.valueOf(rs.getString(2)),
                        rs.getString(3) + "0000", rs.getString(4), rs.getInt(5), Money.ofFen(rs.getLong(6)),
                        Money.ofFen(rs.getLong(7)))).list();
    }

    void insert(LineRow l, String province, String by) {
        jdbc.sql("""
                insert into cr_national_clearing_line (id, import_id, province_region, clearing_month, city_region,
                  direction, counterpart_province, insurance_type, row_count, medical_fee_fen, fund_pay_fen,
                  derivation, state, submitted_on, submitted_by, created_at)
                values (:id, :i, :p, :m, :city, :dir, :other, :type, :rows, :fee, :fund, :der, :state, :on, :by,
                  :now)""")
                .param("id", l.id()).param("i", l.importId()).param("p", province).param("m", l.month().toString())
                .param("city", l.city()).param("dir", l.direction().name()).param("other", l.counterpart())
                .param("type", l.insuranceType()).param("rows", l.rows()).param("fee", l.medicalFee().fen())
                .param("fund", l.fundPay().fen()).param("der", l.derivation()).param("state", l.state().name())
                .param("on", l.submittedOn()).param("by", by).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    List<LineRow> lines(String province, YearMonth month, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from cr_national_clearing_line where province_region = :p"
                        + " and clearing_month = :m order by city_region, direction, counterpart_province,"
                        + " insurance_type" + (lock ? " for update" : ""))
                .param("p", province).param("m", month.toString()).query(NationalClearingStore::row).list();
    }

    Optional<LineRow> line(String id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from cr_national_clearing_line where id = :id"
                + (lock ? " for update" : "")).param("id", id).query(NationalClearingStore::row).optional();
    }

    /** Moves a line from one state to the next, recording the step's date and user in its columns. */
    void step(String id, NationalClearingState from, NationalClearingState to, String step, LocalDate on,
              String by) {
        String column = switch (step) {
            case "paid", "received" -> step;
            default -> throw new IllegalArgumentException(step);
        };
        int n = jdbc.sql("update cr_national_clearing_line set state = :to, " + column + "_on = :on, " + column
                        + "_by = :by where id = :id and state = :from")
                .param("to", to.name()).param("on", on).param("by", by).param("id", id).param("from", from.name())
                .update();
        if (n != 1) {
            throw new IllegalStateException("national clearing line " + id + " is not " + from);
        }
    }

    private static LineRow row(ResultSet rs, int n) throws SQLException {
        return new LineRow(rs.getString(1), rs.getLong(2), YearMonth.parse(rs.getString(3)), rs.getString(4),
                NationalDirection.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getInt(8),
                Money.ofFen(rs.getLong(9)), Money.ofFen(rs.getLong(10)), rs.getString(11),
                NationalClearingState.valueOf(rs.getString(12)), date(rs, 13), date(rs, 14), date(rs, 15));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
