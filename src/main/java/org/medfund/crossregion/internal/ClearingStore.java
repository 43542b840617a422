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
import org.medfund.common.Derivation;
import org.medfund.crossregion.ClearingDirection;
import org.medfund.crossregion.ClearingKind;
import org.medfund.crossregion.ClearingState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the Guizhou clearing: the 3261 calls ({@code cr_clearing_call}) and their per-row answers
 * ({@code cr_clearing_answer}), read against the settled visits of {@code cr_settlement} (read only here), and the
 * clearings made from them ({@code cr_clearing}, {@code cr_clearing_part}).
 */
@Repository
class ClearingStore {

    private static final String DETAIL_COLUMNS = """
            s.id, s.setl_id, s.hospital_code, s.card_no, s.insured_region, s.treatment_region, s.settled_on,
            s.total_fen, s.fund_fen, a.cnfm_flag, a.otransid""";
    private static final String DETAIL_FROM = """
             from cr_settlement s left join cr_clearing_answer a on a.setl_sn = s.id and a.active = true
             where s.state = 'SETTLED' and s.settled_on between :f and :t and s.treatment_region like :tr
             and s.insured_region like :ir""";
    private static final String CLEARING_COLUMNS = """
            id, kind, city_region, counterpart_region, direction, period_from, period_to, amount_fen, detail_count,
            derivation, state, made_on, submitted_on, done_on, posted_on""";

    private final JdbcClient jdbc;
    private final Clock clock;

    ClearingStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A settled visit as a clearing detail, with its active answer (null if none). */
    record DetailRow(String setlSn, String mdtrtId, String hospital, String card, String insuredRegion,
                     String treatmentRegion, LocalDate settledOn, long totalFen, long fundFen, String cnfmFlag,
                     String otransid) {
    }

    record CallRow(String otransid, YearMonth month, String mdtrtarea, String insuplc, int confirmed, int rejected,
                   LocalDate rolledBackOn) {
    }

    record ClearingRow(String id, ClearingKind kind, String city, String counterpart, ClearingDirection direction,
                       LocalDate from, LocalDate to, long amountFen, int count, Derivation derivation,
                       ClearingState state, LocalDate madeOn, LocalDate submittedOn, LocalDate doneOn,
                       LocalDate postedOn) {
    }

    record PartRow(String insuredRegion, long crossFen, long inProvinceFen) {
    }

    // --- details (3260) and answers (3261, 3262) ---

    int countDetails(YearMonth month, String treatmentPrefix, String insuredPrefix) {
        return jdbc.sql("select count(*) " + DETAIL_FROM).param("f", month.atDay(1)).param("t", month.atEndOfMonth())
                .param("tr", treatmentPrefix + "%").param("ir", insuredPrefix + "%").query(Integer.class).single();
    }

    /** The month's details in the one order every page and file uses: settlement date, then settlement id. */
    List<DetailRow> details(YearMonth month, String treatmentPrefix, String insuredPrefix, int offset, int limit) {
        return jdbc.sql("select " + DETAIL_COLUMNS + " " + DETAIL_FROM + " order by s.settled_on, s.id limit " + limit
                        + " offset " + offset)
                .param("f", month.atDay(1)).param("t", month.atEndOfMonth()).param("tr", treatmentPrefix + "%")
                .param("ir", insuredPrefix + "%").query(ClearingStore::detailRow).list();
    }

    Optional<DetailRow> detail(String setlSn) {
        return jdbc.sql("select " + DETAIL_COLUMNS + " " + """
                from cr_settlement s left join cr_clearing_answer a on a.setl_sn = s.id and a.active = true
                 where s.id = :id and s.state = 'SETTLED'""").param("id", setlSn).query(ClearingStore::detailRow)
                .optional();
    }

    Optional<CallRow> call(String otransid) {
        return jdbc.sql("""
                select otransid, trt_month, mdtrtarea_admvs, insuplc_admdvs, confirmed_count, rejected_count,
                  rolled_back_on from cr_clearing_call where otransid = :o""").param("o", otransid)
                .query((rs, n) -> new CallRow(rs.getString(1), YearMonth.parse(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getInt(6), date(rs, 7))).optional();
    }

    void insertCall(CallRow call, LocalDate on, String by) {
        jdbc.sql("""
                insert into cr_clearing_call (otransid, trt_month, mdtrtarea_admvs, insuplc_admdvs, confirmed_count,
                  rejected_count, called_on, called_by, created_at)
                values (:o, :m, :t, :i, :c, :r, :d, :by, :now)""")
                .param("o", call.otransid()).param("m", call.month().toString()).param("t", call.mdtrtarea())
                .param("i", call.insuplc()).param("c", call.confirmed()).param("r", call.rejected()).param("d", on)
                .param("by", by).param("now", Timestamp.from(clock.instant())).update();
    }

    void insertAnswer(String setlSn, YearMonth month, String otransid, String flag) {
        jdbc.sql("""
                insert into cr_clearing_answer (setl_sn, trt_month, otransid, cnfm_flag, active)
                values (:s, :m, :o, :f, true)""")
                .param("s", setlSn).param("m", month.toString()).param("o", otransid).param("f", flag).update();
    }

    /** Deactivates one call's answers; answers how many were active. */
    int rollBackCall(String otransid, LocalDate on, String by) {
        int rows = jdbc.sql("update cr_clearing_answer set active = false where otransid = :o and active = true")
                .param("o", otransid).update();
        jdbc.sql("update cr_clearing_call set rolled_back_on = :d, rolled_back_by = :by where otransid = :o"
                        + " and rolled_back_on is null")
                .param("d", on).param("by", by).param("o", otransid).update();
        return rows;
    }

    /** The calls with active answers on the month's details between the prefixes (what a {@code 0} rolls back). */
    List<String> activeCalls(YearMonth month, String treatmentPrefix, String insuredPrefix) {
        return jdbc.sql("select distinct a.otransid " + DETAIL_FROM.replace("left join", "join")
                        + " order by a.otransid")
                .param("f", month.atDay(1)).param("t", month.atEndOfMonth()).param("tr", treatmentPrefix + "%")
                .param("ir", insuredPrefix + "%").query(String.class).list();
    }

    /** Deactivates the month's active answers between the prefixes; answers how many. */
    int rollBackMonth(YearMonth month, String treatmentPrefix, String insuredPrefix) {
        return jdbc.sql("""
                update cr_clearing_answer set active = false where active = true and setl_sn in (
                  select s.id from cr_settlement s where s.settled_on between :f and :t
                  and s.treatment_region like :tr and s.insured_region like :ir)""")
                .param("f", month.atDay(1)).param("t", month.atEndOfMonth()).param("tr", treatmentPrefix + "%")
                .param("ir", insuredPrefix + "%").update();
    }

    void markRolledBack(String otransid, LocalDate on, String by) {
        jdbc.sql("""
                update cr_clearing_call set rolled_back_on = :d, rolled_back_by = :by where otransid = :o
                and rolled_back_on is null and not exists (
                  select 1 from cr_clearing_answer a where a.otransid = :o and a.active = true)""")
                .param("d", on).param("by", by).param("o", otransid).update();
    }

    /**
     * The pooled fund's pay of settled visits confirmed in the clearing (3261 {@code cnfm_flag} 1, not rolled back)
     * whose insured region is one of the regions, treated outside the province, settled in the range.
     */
    long confirmedCrossProvince(List<String> insuredRegions, String provincePrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(sum(s.fund_fen), 0) from cr_settlement s
                join cr_clearing_answer a on a.setl_sn = s.id and a.active = true and a.cnfm_flag = '1'
                where s.insured_region in (:r) and s.state = 'SETTLED' and s.settled_on between :f and :t
                and s.treatment_region not like :p""")
                .param("r", insuredRegions).param("f", from).param("t", to).param("p", provincePrefix + "%")
                .query(Long.class).single();
    }

    /**
     * The pooled fund's pay of in-province cross-region visits (treated in the province, in another city than the
     * insured one) of the regions settled in the range and covered by a quarterly clearing the city confirmed.
     */
    long clearedInProvince(List<String> insuredRegions, String provincePrefix, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select coalesce(sum(s.fund_fen), 0) from cr_settlement s
                join cr_clearing c on c.kind = 'QUARTER' and c.state in ('CITY_CONFIRMED', 'POSTED')
                  and c.city_region = concat(substring(s.insured_region, 1, 4), '00')
                  and s.settled_on between c.period_from and c.period_to
                where s.insured_region in (:r) and s.state = 'SETTLED' and s.settled_on between :f and :t
                and s.treatment_region like :p
                and substring(s.treatment_region, 1, 4) <> substring(s.insured_region, 1, 4)""")
                .param("r", insuredRegions).param("f", from).param("t", to).param("p", provincePrefix + "%")
                .query(Long.class).single();
    }

    /** Per insured region of the regions: the quarter's in-province cross-region fund pay (any clearing state). */
    List<PartRow> inProvinceByRegion(List<String> insuredRegions, String provincePrefix, LocalDate from,
                                     LocalDate to) {
        return jdbc.sql("""
                select s.insured_region, sum(s.fund_fen) from cr_settlement s
                where s.insured_region in (:r) and s.state = 'SETTLED' and s.settled_on between :f and :t
                and s.treatment_region like :p
                and substring(s.treatment_region, 1, 4) <> substring(s.insured_region, 1, 4)
                group by s.insured_region order by s.insured_region""")
                .param("r", insuredRegions).param("f", from).param("t", to).param("p", provincePrefix + "%")
                .query((rs, n) -> new PartRow(rs.getString(1), 0, rs.getLong(2))).list();
    }

    /** Per insured region of the regions: the confirmed cross-province fund pay settled in the range. */
    List<PartRow> crossProvinceByRegion(List<String> insuredRegions, String provincePrefix, LocalDate from,
                                        LocalDate to) {
        return jdbc.sql("""
                select s.insured_region, sum(s.fund_fen) from cr_settlement s
                join cr_clearing_answer a on a.setl_sn = s.id and a.active = true and a.cnfm_flag = '1'
                where s.insured_region in (:r) and s.state = 'SETTLED' and s.settled_on between :f and :t
                and s.treatment_region not like :p
                group by s.insured_region order by s.insured_region""")
                .param("r", insuredRegions).param("f", from).param("t", to).param("p", provincePrefix + "%")
                .query((rs, n) -> new PartRow(rs.getString(1), rs.getLong(2), 0)).list();
    }

    // --- clearings ---

    void insertClearing(ClearingRow c, String province, String by) {
        jdbc.sql("""
                insert into cr_clearing (id, kind, province_region, city_region, counterpart_region, direction,
                  period_from, period_to, amount_fen, detail_count, derivation, state, made_on, made_by, created_at)
                values (:id, :kind, :p, :city, :cp, :dir, :f, :t, :amount, :n, :derivation, :state, :made, :by,
                  :now)""")
                .param("id", c.id()).param("kind", c.kind().name()).param("p", province).param("city", c.city())
                .param("cp", c.counterpart()).param("dir", c.direction().name()).param("f", c.from())
                .param("t", c.to()).param("amount", c.amountFen()).param("n", c.count())
                .param("derivation", QuotaStore.derivationText(c.derivation())).param("state", c.state().name())
                .param("made", c.madeOn()).param("by", by).param("now", Timestamp.from(clock.instant())).update();
    }

    void insertPart(String clearingId, PartRow part) {
        jdbc.sql("""
                insert into cr_clearing_part (clearing_id, insured_region, cross_province_fen, in_province_fen)
                values (:c, :r, :x, :i)""")
                .param("c", clearingId).param("r", part.insuredRegion()).param("x", part.crossFen())
                .param("i", part.inProvinceFen()).update();
    }

    List<PartRow> parts(String clearingId) {
        return jdbc.sql("select insured_region, cross_province_fen, in_province_fen from cr_clearing_part"
                        + " where clearing_id = :c order by insured_region")
                .param("c", clearingId).query((rs, n) -> new PartRow(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    List<ClearingRow> clearingsOf(ClearingKind kind, String province, LocalDate periodFrom, boolean lock) {
        return jdbc.sql("select " + CLEARING_COLUMNS + " from cr_clearing where kind = :k and province_region = :p"
                        + " and period_from = :f order by id" + (lock ? " for update" : ""))
                .param("k", kind.name()).param("p", province).param("f", periodFrom)
                .query(ClearingStore::clearingRow).list();
    }

    Optional<ClearingRow> clearing(String id, boolean lock) {
        return jdbc.sql("select " + CLEARING_COLUMNS + " from cr_clearing where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(ClearingStore::clearingRow).optional();
    }

    List<ClearingRow> clearings(LocalDate from, LocalDate to) {
        return jdbc.sql("select " + CLEARING_COLUMNS + " from cr_clearing where period_from between :f and :t"
                        + " order by period_from, kind, city_region, id")
                .param("f", from).param("t", to).query(ClearingStore::clearingRow).list();
    }

    boolean monthClosed(String province, YearMonth month) {
        return jdbc.sql("select count(*) from cr_clearing where kind = 'MONTH' and period_from = :f"
                        + " and (province_region = :p or counterpart_region = :p)")
                .param("f", month.atDay(1)).param("p", province).query(Integer.class).single() > 0;
    }

    void step(String id, ClearingState from, ClearingState to, String column, LocalDate on) {
        int rows = jdbc.sql("update cr_clearing set state = :to, " + column + " = :d where id = :id and state = :from")
                .param("to", to.name()).param("d", on).param("id", id).param("from", from.name()).update();
        if (rows != 1) {
            throw new IllegalStateException("clearing " + id + " not in state " + from);
        }
    }

    private static DetailRow detailRow(ResultSet rs, int n) throws SQLException {
        return new DetailRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), date(rs, 7), rs.getLong(8), rs.getLong(9), rs.getString(10), rs.getString(11));
    }

    private static ClearingRow clearingRow(ResultSet rs, int n) throws SQLException {
        return new ClearingRow(rs.getString(1), ClearingKind.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), ClearingDirection.valueOf(rs.getString(5)), date(rs, 6), date(rs, 7), rs.getLong(8),
                rs.getInt(9), QuotaStore.derivation(rs.getString(10), rs.getLong(8)),
                ClearingState.valueOf(rs.getString(11)), date(rs, 12), date(rs, 13), date(rs, 14), date(rs, 15));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
