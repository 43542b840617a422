package org.medfund.crossregion.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.CountyShareState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of a city quota's county shares ({@code cr_county_share}). */
@Repository
class CountyShareStore {

    private static final String COLUMNS = """
            id, quota_id, county_region, past_fund_pay_fen, amount_fen, derivation, state, split_on, remitted_on,
            received_on, transfer_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    CountyShareStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record ShareRow(String id, String quotaId, String countyRegionCode, Money pastFundPay, Money amount,
                    Derivation derivation, CountyShareState state, LocalDate splitOn, LocalDate remittedOn,
                    LocalDate receivedOn, String transferId) {
    }

    void insert(ShareRow s, String by) {
        jdbc.sql("""
                insert into cr_county_share (id, quota_id, county_region, past_fund_pay_fen, amount_fen, derivation,
                  state, split_on, split_by, received_on, created_at)
                values (:id, :quota, :county, :past, :amount, :derivation, :state, :split, :by, :received, :now)""")
                .param("id", s.id()).param("quota", s.quotaId()).param("county", s.countyRegionCode())
                .param("past", s.pastFundPay().fen()).param("amount", s.amount().fen())
                .param("derivation", QuotaStore.derivationText(s.derivation())).param("state", s.state().name())
                .param("split", s.splitOn()).param("by", by).param("received", s.receivedOn())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    /** Moves a share on, stamping the step's date column; answers false if it was not in {@code from}. */
    boolean step(String id, CountyShareState from, CountyShareState to, String dateColumn, LocalDate date) {
        return jdbc.sql("update cr_county_share set state = :to, " + dateColumn + " = :d where id = :id"
                        + " and state = :from")
                .param("to", to.name()).param("d", date).param("id", id).param("from", from.name()).update() == 1;
    }

    void setTransfer(String id, String transferId) {
        jdbc.sql("update cr_county_share set transfer_id = :t where id = :id").param("t", transferId).param("id", id)
                .update();
    }

    Optional<ShareRow> share(String id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from cr_county_share where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(CountyShareStore::row).optional();
    }

    List<ShareRow> sharesOf(String quotaId) {
        return jdbc.sql("select " + COLUMNS + " from cr_county_share where quota_id = :q order by county_region")
                .param("q", quotaId).query(CountyShareStore::row).list();
    }

    List<ShareRow> sharesOfQuarter(int year, int quarter, int limit) {
        return jdbc.sql("""
                select s.id, s.quota_id, s.county_region, s.past_fund_pay_fen, s.amount_fen, s.derivation, s.state,
                       s.split_on, s.remitted_on, s.received_on, s.transfer_id
                  from cr_county_share s join cr_quota q on q.id = s.quota_id
                 where q.quota_year = :y and q.quota_quarter = :q
                 order by s.quota_id, s.county_region limit """ + " " + limit)
                .param("y", year).param("q", quarter).query(CountyShareStore::row).list();
    }

    private static ShareRow row(ResultSet rs, int n) throws SQLException {
        return new ShareRow(rs.getString(1), rs.getString(2), rs.getString(3), Money.ofFen(rs.getLong(4)),
                Money.ofFen(rs.getLong(5)), QuotaStore.derivation(rs.getString(6), rs.getLong(5)),
                CountyShareState.valueOf(rs.getString(7)), date(rs, 8), date(rs, 9), date(rs, 10), rs.getString(11));
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
