package org.medfund.claims;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.medfund.common.Money;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the settlement tables. Writes go in chunks: PostgreSQL gets {@code COPY … FROM STDIN} through the
 * transaction's own connection (pgjdbc's CopyManager), other databases a JDBC batch insert. Either way the rows
 * join the caller's transaction, so a rejected file leaves nothing behind.
 */
@Repository
class SettlementStore {

    /** IN-lists are cut to this size (PostgreSQL allows 32767 bind parameters per statement). */
    static final int LOOKUP_CHUNK_MAX = 1_000;

    static final String COLUMNS = "setl_id, mdtrt_id, psn_no, fixmedins_code, insutype, med_type, clr_type, clr_way,"
            + " clr_optins, pay_loc, insuplc_admdvs, mdtrtarea_admvs, setl_time, period, medfee_sumamt, hifp_pay,"
            + " fund_pay_sumamt, psn_part_amt, acct_pay, psn_cash_pay, hosp_part_amt, setldetail, refd_setl_id,"
            + " content_hash, batch_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DataSource dataSource;
    private volatile Boolean postgresql;

    SettlementStore(JdbcClient jdbc, JdbcTemplate template, DataSource dataSource) {
        this.jdbc = jdbc;
        this.template = template;
        this.dataSource = dataSource;
    }

    /** A stored record with what intake needs to know about it. */
    record Stored(SettlementRecord record, int period, String contentHash, String reversedBy) {
    }

    /** A record ready to write: the period it goes into and its content hash. */
    record Row(SettlementRecord record, int period, String contentHash) {
    }

    static int period(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    static YearMonth month(int period) {
        return YearMonth.of(period / 100, period % 100);
    }

    Map<String, Stored> find(Collection<String> setlIds) {
        Map<String, Stored> found = new HashMap<>();
        List<String> ids = new ArrayList<>(setlIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK_MAX) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK_MAX));
            jdbc.sql("select * from claims_settlement where setl_id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> stored(rs)).list()
                    .forEach(s -> found.put(s.record().setlId(), s));
        }
        return found;
    }

    Set<Integer> lockedPeriods(String hospitalCode) {
        return new TreeSet<>(jdbc.sql("select period from claims_period_lock where fixmedins_code = :h")
                .param("h", hospitalCode).query(Integer.class).list());
    }

    boolean lock(String hospitalCode, int period, Instant at) {
        boolean locked = jdbc.sql("select count(*) from claims_period_lock where fixmedins_code = :h and period = :p")
                .param("h", hospitalCode).param("p", period).query(Long.class).single() > 0;
        if (locked) {
            return false;
        }
        jdbc.sql("insert into claims_period_lock (fixmedins_code, period, locked_at) values (:h, :p, :at)")
                .param("h", hospitalCode).param("p", period).param("at", Timestamp.from(at)).update();
        return true;
    }

    long newBatch(String source, String fileName, String orgCode, String userId, String requestId, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into claims_intake_batch (source, file_name, org_code, user_id, request_id, rows_total,
                    rows_written, rows_unchanged, created_at)
                values (:source, :file, :org, :user, :req, 0, 0, 0, :at)""")
                .param("source", source).param("file", fileName).param("org", orgCode).param("user", userId)
                .param("req", requestId).param("at", Timestamp.from(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    void finishBatch(long batchId, long total, long written, long unchanged) {
        jdbc.sql("update claims_intake_batch set rows_total = :t, rows_written = :w, rows_unchanged = :u where id = :id")
                .param("t", total).param("w", written).param("u", unchanged).param("id", batchId).update();
    }

    void markReversed(Map<String, String> reversalByTarget) {
        if (reversalByTarget.isEmpty()) {
            return;
        }
        List<Object[]> args = reversalByTarget.entrySet().stream()
                .map(e -> new Object[] {e.getValue(), e.getKey()}).toList();
        template.batchUpdate("update claims_settlement set reversed_by = ? where setl_id = ? and reversed_by is null",
                args);
    }

    void write(List<Row> rows, long batchId) {
        if (rows.isEmpty()) {
            return;
        }
        if (isPostgresql()) {
            copy(rows, batchId);
        } else {
            insert(rows, batchId);
        }
    }

    private void insert(List<Row> rows, long batchId) {
        String sql = "insert into claims_settlement (" + COLUMNS + ") values ("
                + String.join(", ", java.util.Collections.nCopies(25, "?")) + ")";
        template.batchUpdate(sql, rows, 1_000, (ps, row) -> bind(ps, row, batchId));
    }

    private static void bind(PreparedStatement ps, Row row, long batchId) throws SQLException {
        SettlementRecord r = row.record();
        Object[] values = values(row, batchId);
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.setTimestamp(13, Timestamp.valueOf(r.settledAt()));
    }

    private static Object[] values(Row row, long batchId) {
        SettlementRecord r = row.record();
        return new Object[] {r.setlId(), r.visitId(), r.personNo(), r.hospitalCode(), r.insuranceType(),
            r.medicalType(), r.clearingType(), r.clearingWay(), r.clearingAgencyRegion(), r.place().payLoc(),
            r.insuredRegion(), r.treatmentRegion(), SettlementFields.TIME.format(r.settledAt()), row.period(),
            r.medfeeSum().fen(), r.pooledFundPay().fen(), r.fundPaySum().fen(), r.personPart().fen(),
            r.accountPay().fen(), r.personCashPay().fen(), r.hospitalPart().fen(),
            SettlementFields.detailText(r.fundDetail()), r.reversesSetlId(), row.contentHash(), batchId};
    }

    /** COPY in CSV form; every text value is an id, a code or a time, none can hold a comma or a quote. */
    private void copy(List<Row> rows, long batchId) {
        StringBuilder csv = new StringBuilder(rows.size() * 220);
        for (Row row : rows) {
            Object[] values = values(row, batchId);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if ("".equals(values[i])) {
                    csv.append("\"\"");
                } else if (values[i] != null) {
                    csv.append(values[i]);
                }
            }
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "copy claims_settlement (" + COLUMNS + ") from stdin with (format csv)",
                    new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of settlements failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    boolean isPostgresql() {
        if (postgresql == null) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                postgresql = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
        return postgresql;
    }

    static Stored stored(ResultSet rs) throws SQLException {
        String detail = rs.getString("setldetail");
        List<FundPay> fundDetail = detail.isEmpty() ? List.of() : Arrays.stream(detail.split("\\|"))
                .map(p -> new FundPay(p.substring(0, p.indexOf(':')), Money.ofYuan(p.substring(p.indexOf(':') + 1))))
                .toList();
        SettlementRecord r = new SettlementRecord(rs.getString("setl_id"), rs.getString("mdtrt_id"),
                rs.getString("psn_no"), rs.getString("fixmedins_code"), rs.getString("insutype"),
                rs.getString("med_type"), rs.getString("clr_type"), rs.getString("clr_way"),
                rs.getString("clr_optins"), PlaceOfSettlement.ofPayLoc(rs.getString("pay_loc")),
                rs.getString("insuplc_admdvs"), rs.getString("mdtrtarea_admvs"),
                rs.getTimestamp("setl_time").toLocalDateTime(), fen(rs, "medfee_sumamt"), fen(rs, "hifp_pay"),
                fen(rs, "fund_pay_sumamt"), fen(rs, "psn_part_amt"), fen(rs, "acct_pay"), fen(rs, "psn_cash_pay"),
                fen(rs, "hosp_part_amt"), fundDetail, rs.getString("refd_setl_id"));
        return new Stored(r, rs.getInt("period"), rs.getString("content_hash"), rs.getString("reversed_by"));
    }

    private static Money fen(ResultSet rs, String column) throws SQLException {
        return Money.ofFen(rs.getLong(column));
    }
}
