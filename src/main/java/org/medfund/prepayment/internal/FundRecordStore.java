package org.medfund.prepayment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.ReviewStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * SQL of {@code prepayment_fund_record} and its months {@code prepayment_fund_record_month} (V76): the art. 7 inputs
 * (xinyang-2025 art. 7), maker-checker.
 */
@Component
class FundRecordStore {

    /** Which months a record line holds, persisted by name in {@code prepayment_fund_record_month.kind}. */
    enum MonthKind {
        /** Last year's twelve actual months. */
        ACTUAL,
        /** The rolling forecast of the prepayment year. */
        FORECAST
    }

    /** A region and year has at most this many records listed (newest first). */
    static final int RECORDS_MAX = 100;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final RowMapper<FundRecord> records = this::record;

    FundRecordStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(FundRecord r, String userId, String requestId) {
        Optional<Long> earlier = jdbc.sql("select id from prepayment_fund_record where request_id = :r")
                .param("r", requestId).query(Long.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into prepayment_fund_record (region_code, insurance_type, prepayment_year, balance_fen,
                    evidence, status, recorded_by, recorded_at, request_id)
                values (:region, :fund, :year, :balance, :evidence, :status, :by, :at, :r)""")
                .param("region", r.regionCode()).param("fund", r.insuranceType()).param("year", r.year())
                .param("balance", r.figures().accumulatedBalance() == null ? null
                        : r.figures().accumulatedBalance().fen())
                .param("evidence", r.evidence()).param("status", ReviewStatus.RECORDED.name()).param("by", userId)
                .param("at", Timestamp.from(Instant.now(clock))).param("r", requestId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertMonths(id, MonthKind.ACTUAL, r.figures().lastYear());
        insertMonths(id, MonthKind.FORECAST, r.figures().forecast());
        return id;
    }

    private void insertMonths(long recordId, MonthKind kind, List<FundMonth> months) {
        for (FundMonth month : months) {
            jdbc.sql("""
                    insert into prepayment_fund_record_month (record_id, kind, fund_month, income_fen, expenditure_fen)
                    values (:id, :kind, :month, :income, :expenditure)""")
                    .param("id", recordId).param("kind", kind.name()).param("month", month.month().toString())
                    .param("income", month.income().fen()).param("expenditure", month.expenditure().fen()).update();
        }
    }

    Optional<FundRecord> record(long id) {
        return jdbc.sql("select * from prepayment_fund_record where id = :id").param("id", id)
                .query(records).optional();
    }

    /** Every record of a region and year, newest first. */
    List<FundRecord> records(String regionCode, int year) {
        return jdbc.sql("""
                select * from prepayment_fund_record where region_code = :r and prepayment_year = :y
                order by id desc limit :n""")
                .param("r", regionCode).param("y", year).param("n", RECORDS_MAX).query(records).list();
    }

    /** The newest confirmed record of a region, fund and year: the one the gate uses. */
    Optional<FundRecord> confirmed(String regionCode, String fund, int year) {
        return jdbc.sql("""
                select * from prepayment_fund_record where region_code = :r and insurance_type = :f
                  and prepayment_year = :y and status = 'CONFIRMED' order by id desc""")
                .param("r", regionCode).param("f", fund).param("y", year).query(records).list().stream()
                .findFirst();
    }

    void confirm(long id, String userId) {
        jdbc.sql("""
                update prepayment_fund_record set status = :confirmed, confirmed_by = :by, confirmed_at = :at
                where id = :id and status = :recorded""")
                .param("confirmed", ReviewStatus.CONFIRMED.name()).param("recorded", ReviewStatus.RECORDED.name())
                .param("by", userId).param("at", Timestamp.from(Instant.now(clock))).param("id", id).update();
    }

    private FundRecord record(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long balanceFen = rs.getLong("balance_fen");
        Money balance = rs.wasNull() ? null : Money.ofFen(balanceFen);
        return new FundRecord(id, rs.getString("region_code"), rs.getString("insurance_type"),
                rs.getInt("prepayment_year"), new FundFigures(balance, months(id, MonthKind.ACTUAL),
                months(id, MonthKind.FORECAST)), rs.getString("evidence"), AgreementStore.review(rs));
    }

    private List<FundMonth> months(long recordId, MonthKind kind) {
        return jdbc.sql("""
                select fund_month, income_fen, expenditure_fen from prepayment_fund_record_month
                where record_id = :id and kind = :k order by fund_month""")
                .param("id", recordId).param("k", kind.name())
                .query((rs, n) -> new FundMonth(YearMonth.parse(rs.getString(1)), Money.ofFen(rs.getLong(2)),
                        Money.ofFen(rs.getLong(3))))
                .list();
    }
}
