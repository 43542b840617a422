package org.medfund.crossregion.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.ObligationKind;
import org.medfund.crossregion.QuotaKey;
import org.medfund.crossregion.QuotaKind;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of quotas ({@code cr_quota}) and timetable obligations ({@code cr_obligation}). */
@Repository
class QuotaStore {

    private static final String QUOTA_COLUMNS = """
            id, city_region, quota_year, quota_quarter, scope, kind, seq, level_fen, amount_fen, derivation, state,
            sized_on, confirmed_on, reviewed_on, remitted_on, received_on, remit_due, transfer_id, suspension_id""";
    private static final String OBLIGATION_COLUMNS =
            "id, kind, period_month, org_code, subject, due_date, due_basis, done_on";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ClearingStore clearing;

    QuotaStore(JdbcClient jdbc, Clock clock, ClearingStore clearing) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.clearing = clearing;
    }

    record QuotaRow(String id, QuotaKey key, QuotaKind kind, int seq, Money level, Money amount,
                    Derivation derivation, QuotaState state, Dates dates, String transferId, Long suspensionId) {
    }

    record Dates(LocalDate sizedOn, LocalDate confirmedOn, LocalDate reviewedOn, LocalDate remittedOn,
                 LocalDate receivedOn, LocalDate remitDue) {
    }

    void insertQuota(QuotaRow q, String by) {
        jdbc.sql("""
                insert into cr_quota (id, city_region, quota_year, quota_quarter, scope, kind, seq, level_fen,
                  amount_fen, derivation, state, sized_on, sized_by, remit_due, created_at)
                values (:id, :city, :y, :q, :scope, :kind, :seq, :level, :amount, :derivation, :state, :sized, :by,
                  :due, :now)""")
                .param("id", q.id()).param("city", q.key().cityRegionCode()).param("y", q.key().year())
                .param("q", q.key().quarter()).param("scope", q.key().scope().name()).param("kind", q.kind().name())
                .param("seq", q.seq()).param("level", q.level().fen()).param("amount", q.amount().fen())
                .param("derivation", derivationText(q.derivation())).param("state", q.state().name())
                .param("sized", q.dates().sizedOn()).param("by", by).param("due", q.dates().remitDue())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Moves a quota to a state, stamping the step's date column; answers false if it was not in {@code from}. */
    boolean step(String id, QuotaState from, QuotaState to, String dateColumn, LocalDate date) {
        return jdbc.sql("update cr_quota set state = :to, " + dateColumn + " = :d where id = :id and state = :from")
                .param("to", to.name()).param("d", date).param("id", id).param("from", from.name()).update() == 1;
    }

    void setTransfer(String id, String transferId) {
        jdbc.sql("update cr_quota set transfer_id = :t where id = :id").param("t", transferId).param("id", id).update();
    }

    void setSuspension(String id, Long suspensionId) {
        jdbc.sql("update cr_quota set suspension_id = :s where id = :id").param("s", suspensionId).param("id", id)
                .update();
    }

    Optional<QuotaRow> quota(String id, boolean lock) {
        return jdbc.sql("select " + QUOTA_COLUMNS + " from cr_quota where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(QuotaStore::quotaRow).optional();
    }

    /** Quotas of a city and scope, oldest first. */
    List<QuotaRow> quotasOf(String city, QuotaScope scope) {
        return jdbc.sql("select " + QUOTA_COLUMNS + " from cr_quota where city_region = :c and scope = :s"
                        + " order by quota_year, quota_quarter, seq")
                .param("c", city).param("s", scope.name()).query(QuotaStore::quotaRow).list();
    }

    List<QuotaRow> quotasOfQuarter(int year, int quarter) {
        return jdbc.sql("select " + QUOTA_COLUMNS + " from cr_quota where quota_year = :y and quota_quarter = :q"
                        + " order by city_region, scope, seq")
                .param("y", year).param("q", quarter).query(QuotaStore::quotaRow).list();
    }

    /** Quotas not remitted whose remittance was due before the date. */
    List<QuotaRow> unpaidDueBefore(LocalDate date) {
        return jdbc.sql("select " + QUOTA_COLUMNS + " from cr_quota where state in ('NOTIFIED', 'CONFIRMED',"
                        + " 'REVIEWED') and remit_due < :d order by city_region, id")
                .param("d", date).query(QuotaStore::quotaRow).list();
    }

    /**
     * The cleared amount of 五(二): the pooled fund's pay of the insured regions' visits settled in the range that the
     * clearing has cleared — cross-province ones confirmed in the national clearing (3261), in-province ones in a
     * quarterly clearing the city confirmed (附件一 三).
     */
    Money cleared(List<String> insuredRegions, String provincePrefix, boolean inProvince, LocalDate from,
                  LocalDate to) {
        return Money.ofFen(inProvince ? clearing.clearedInProvince(insuredRegions, provincePrefix, from, to)
                : clearing.confirmedCrossProvince(insuredRegions, provincePrefix, from, to));
    }

    private static QuotaRow quotaRow(ResultSet rs, int n) throws SQLException {
        QuotaKey key = new QuotaKey(rs.getString(2), rs.getInt(3), rs.getInt(4), QuotaScope.valueOf(rs.getString(5)));
        Long suspension = rs.getObject(19) == null ? null : rs.getLong(19);
        return new QuotaRow(rs.getString(1), key, QuotaKind.valueOf(rs.getString(6)), rs.getInt(7),
                Money.ofFen(rs.getLong(8)), Money.ofFen(rs.getLong(9)), derivation(rs.getString(10), rs.getLong(9)),
                QuotaState.valueOf(rs.getString(11)), new Dates(date(rs, 12), date(rs, 13), date(rs, 14),
                        date(rs, 15), date(rs, 16), date(rs, 17)), rs.getString(18),
                suspension);
    }

    // --- obligations ---

    record ObligationRow(long id, ObligationKind kind, YearMonth period, String orgCode, String subject,
                         LocalDate dueDate, String dueBasis, LocalDate doneOn) {
    }

    /** Inserts an obligation once per kind, period, organisation and subject; answers its id either way. */
    long ensureObligation(ObligationKind kind, YearMonth period, String org, String subject, LocalDate due,
                          String basis) {
        Optional<Long> present = obligationId(kind, period, org, subject);
        if (present.isPresent()) {
            return present.get();
        }
        jdbc.sql("""
                insert into cr_obligation (kind, period_month, org_code, subject, due_date, due_basis, created_at)
                values (:k, :p, :o, :s, :d, :b, :now)""")
                .param("k", kind.name()).param("p", period.toString()).param("o", org).param("s", subject)
                .param("d", due).param("b", basis).param("now", Timestamp.from(clock.instant())).update();
        return obligationId(kind, period, org, subject).orElseThrow();
    }

    Optional<Long> obligationId(ObligationKind kind, YearMonth period, String org, String subject) {
        return jdbc.sql("select id from cr_obligation where kind = :k and period_month = :p and org_code = :o"
                        + " and subject = :s")
                .param("k", kind.name()).param("p", period.toString()).param("o", org).param("s", subject)
                .query(Long.class).optional();
    }

    Optional<ObligationRow> obligation(long id) {
        return jdbc.sql("select " + OBLIGATION_COLUMNS + " from cr_obligation where id = :id").param("id", id)
                .query(QuotaStore::obligationRow).optional();
    }

    Optional<ObligationRow> obligation(ObligationKind kind, String org, String subject) {
        return jdbc.sql("select " + OBLIGATION_COLUMNS + " from cr_obligation where kind = :k and org_code = :o"
                        + " and subject = :s order by id")
                .param("k", kind.name()).param("o", org).param("s", subject).query(QuotaStore::obligationRow)
                .list().stream().findFirst();
    }

    /** Marks done once; answers false if it was done already. */
    boolean done(long id, LocalDate date, String by) {
        return jdbc.sql("update cr_obligation set done_on = :d, done_by = :by where id = :id and done_on is null")
                .param("d", date).param("by", by).param("id", id).update() == 1;
    }

    List<ObligationRow> obligations(List<String> orgs, LocalDate from, LocalDate to, int limit) {
        if (orgs.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + OBLIGATION_COLUMNS + " from cr_obligation where org_code in (:o)"
                        + " and due_date between :f and :t order by case when done_on is null then 0 else 1 end,"
                        + " due_date, id limit " + limit)
                .param("o", orgs).param("f", from).param("t", to).query(QuotaStore::obligationRow).list();
    }

    private static ObligationRow obligationRow(ResultSet rs, int n) throws SQLException {
        return new ObligationRow(rs.getLong(1), ObligationKind.valueOf(rs.getString(2)),
                YearMonth.parse(rs.getString(3)), rs.getString(4), rs.getString(5), date(rs, 6), rs.getString(7),
                date(rs, 8));
    }

    // --- derivation text: formula, citation, then one "name\tvalue" line per input ---

    static String derivationText(Derivation d) {
        StringBuilder text = new StringBuilder(d.formula()).append('\n').append(d.citation());
        for (Derivation.Input input : d.inputs()) {
            text.append('\n').append(input.name()).append('\t').append(input.value());
        }
        return text.toString();
    }

    static Derivation derivation(String text, long resultFen) {
        String[] lines = text.split("\n");
        List<Derivation.Input> inputs = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            int tab = lines[i].indexOf('\t');
            inputs.add(new Derivation.Input(lines[i].substring(0, tab), lines[i].substring(tab + 1)));
        }
        return new Derivation(lines[0], inputs, lines[1], Money.ofFen(resultFen));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
