package org.medfund.claims.internal;

import java.io.IOException;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
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
import org.medfund.claims.FundPay;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementRecord;
import org.medfund.common.Money;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
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
        if (setlIds.isEmpty()) {
            return found;
        }
        if (isPostgresql()) {
            findByKey(setlIds, found);
            return found;
        }
        List<String> ids = new ArrayList<>(setlIds);
        for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK_MAX) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK_MAX));
            jdbc.sql("select * from claims_settlement where setl_id in (:ids)").param("ids", chunk)
                    .query((rs, n) -> stored(rs)).list()
                    .forEach(s -> found.put(s.record().setlId(), s));
        }
        return found;
    }

    /**
     * One primary-key probe per id, whatever the statistics say. An {@code in (…)} list lets the planner choose a
     * hashed sequential scan, and during a large import it does: claims_settlement grows inside the transaction
     * while its statistics still describe the table before it, so each chunk's lookup read the whole table again
     * (0.1 s growing to 0.7 s per 1,000 ids over a 200,000-row file). The {@code offset 0} keeps the lateral
     * subquery from being flattened into a join, which leaves the index probe as the only plan.
     */
    private void findByKey(Collection<String> setlIds, Map<String, Stored> found) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement ps = connection.prepareStatement("""
                select c.* from unnest(?) as k(id)
                cross join lateral (select * from claims_settlement s where s.setl_id = k.id offset 0) c""")) {
            ps.setArray(1, connection.createArrayOf("varchar", setlIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = stored(rs);
                    found.put(s.record().setlId(), s);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lookup of settlements failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    long countInPeriod(String hospitalCode, int period) {
        return jdbc.sql("select count(*) from claims_settlement where fixmedins_code = :h and period = :p")
                .param("h", hospitalCode).param("p", period).query(Long.class).single();
    }

    /** The hospital's records of a period in setl_id order, read 1,000 at a time rather than all into memory. */
    void forEachInPeriod(String hospitalCode, int period, java.util.function.Consumer<Stored> each) {
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1_000);
        streaming.query("select * from claims_settlement where fixmedins_code = ? and period = ? order by setl_id",
                rs -> {
                    each.accept(stored(rs));
                }, hospitalCode, period);
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

    /** COPY in PostgreSQL's binary format ({@link #appendBinary}). */
    private void copy(List<Row> rows, long batchId) {
        TextBytes data = new TextBytes(rows.size() * 260 + 32);
        data.raw(BINARY_HEADER);
        for (Row row : rows) {
            appendBinary(data, row, batchId);
        }
        data.int16(-1);
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL,
                    new ByteArrayInputStream(data.bytes(), 0, data.length()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY of settlements failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static final String COPY_SQL = "copy claims_settlement (" + COLUMNS + ") from stdin with (format binary)";

    /** Signature, flags and header extension length of a binary COPY stream. */
    private static final byte[] BINARY_HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    private static final int COLUMN_COUNT = 25;
    /** 2000-01-01T00:00 in epoch seconds: binary timestamps count microseconds from there. */
    private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

    /**
     * One row in PostgreSQL's binary COPY format: the server then converts no text, which takes a fifth off its
     * time per row. The value types must stay those of V30 (varchar, timestamp, integer period, bigint fen).
     */
    private static void appendBinary(TextBytes out, Row row, long batchId) {
        SettlementRecord r = row.record();
        out.int16(COLUMN_COUNT);
        out.lengthPrefixed(r.setlId()).lengthPrefixed(r.visitId()).lengthPrefixed(r.personNo())
                .lengthPrefixed(r.hospitalCode()).lengthPrefixed(r.insuranceType()).lengthPrefixed(r.medicalType())
                .lengthPrefixed(r.clearingType()).lengthPrefixed(r.clearingWay())
                .lengthPrefixed(r.clearingAgencyRegion()).lengthPrefixed(r.place().payLoc())
                .lengthPrefixed(r.insuredRegion()).lengthPrefixed(r.treatmentRegion());
        long micros = (r.settledAt().toEpochSecond(java.time.ZoneOffset.UTC) - POSTGRES_EPOCH_SECONDS) * 1_000_000L
                + r.settledAt().getNano() / 1_000;
        out.int32(8).int64(micros).int32(4).int32(row.period());
        for (Money amount : new Money[] {r.medfeeSum(), r.pooledFundPay(), r.fundPaySum(), r.personPart(),
            r.accountPay(), r.personCashPay(), r.hospitalPart()}) {
            out.int32(8).int64(amount.fen());
        }
        out.lengthPrefixed(SettlementFields.detailText(r.fundDetail())).lengthPrefixed(r.reversesSetlId())
                .lengthPrefixed(row.contentHash()).int32(8).int64(batchId);
    }

    /** A COPY of one chunk fed while the chunk is still being read (PostgreSQL only). */
    CopyStream copyStream(long batchId) {
        return new CopyStream(batchId);
    }

    /**
     * Writes one chunk of rows presumed new with COPY as they are checked, so that PostgreSQL stores them while the
     * next rows are parsed (the two cores work at once instead of in turn), without looking their setl_ids up
     * first. The chunk runs in a savepoint: if one of its setl_ids is already stored, the primary key refuses the
     * COPY, the chunk is rolled back to the savepoint and the caller checks it again against the stored rows. A
     * COPY keeps the connection busy, so the caller {@link #pause}s it before any other query.
     */
    final class CopyStream {
        /** Bytes sent to the server at a time. */
        static final int FLUSH_BYTES = 64 * 1024;

        private final long batchId;
        private final TextBytes buffer = new TextBytes(FLUSH_BYTES + 1024);
        private Connection connection;
        private Savepoint savepoint;
        private CopyIn copy;
        private boolean refused;
        private long rowsSent;

        private CopyStream(long batchId) {
            this.batchId = batchId;
        }

        /** Adds a row; false once a setl_id of the chunk was found stored (the chunk is then rolled back). */
        boolean write(Row row) {
            if (refused) {
                return false;
            }
            try {
                if (savepoint == null) {
                    connection = DataSourceUtils.getConnection(dataSource);
                    savepoint = connection.setSavepoint();
                }
                if (copy == null) {
                    copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
                    buffer.raw(BINARY_HEADER);
                }
                appendBinary(buffer, row, batchId);
                rowsSent++;
                if (buffer.length() >= FLUSH_BYTES) {
                    flush();
                }
            } catch (SQLException e) {
                refuse(e);
            }
            return !refused;
        }

        /** Ends the current COPY statement so the connection can run another query; the chunk goes on after. */
        boolean pause() {
            if (copy != null && !refused) {
                try {
                    buffer.int16(-1);
                    flush();
                    copy.endCopy();
                    copy = null;
                } catch (SQLException e) {
                    refuse(e);
                }
            }
            return !refused;
        }

        /** Ends the chunk: true when every row sent is stored, false when it was rolled back. */
        boolean finish() {
            boolean stored = pause();
            if (stored && savepoint != null) {
                try {
                    connection.releaseSavepoint(savepoint);
                } catch (SQLException e) {
                    throw new IllegalStateException("releasing the intake savepoint failed", e);
                }
            }
            close();
            return stored;
        }

        /** Drops the chunk: rolls back what was sent (the caller checks the chunk again another way). */
        void abandon() {
            if (!refused && savepoint != null) {
                cancel();
                rollBack();
            }
            close();
        }

        /** Gives the chunk up because the run failed: cancels the COPY; the transaction's rollback undoes it. */
        void abort() {
            cancel();
            buffer.clear();
            close();
        }

        long rowsSent() {
            return rowsSent;
        }

        private void flush() throws SQLException {
            if (buffer.length() > 0) {
                copy.writeToCopy(buffer.bytes(), 0, buffer.length());
                buffer.clear();
            }
        }

        private void refuse(SQLException e) {
            if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw new IllegalStateException("COPY of settlements failed", e);
            }
            refused = true;
            cancel();
            rollBack();
        }

        private void cancel() {
            if (copy != null && copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException ignored) {
                    // Cancelling reports the cancellation itself as an error; the savepoint rollback follows.
                }
            }
            copy = null;
        }

        private void rollBack() {
            try {
                connection.rollback(savepoint);
                connection.releaseSavepoint(savepoint);
            } catch (SQLException e) {
                throw new IllegalStateException("rolling back the intake savepoint failed", e);
            }
            buffer.clear();
        }

        private void close() {
            if (connection != null) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                connection = null;
            }
            savepoint = null;
        }
    }

    private static final String UNIQUE_VIOLATION = "23505";

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
        SettlementRecord.Visit visit = new SettlementRecord.Visit(rs.getString("setl_id"), rs.getString("mdtrt_id"),
                rs.getString("psn_no"), rs.getString("fixmedins_code"), rs.getString("insutype"),
                rs.getString("med_type"), rs.getTimestamp("setl_time").toLocalDateTime());
        SettlementRecord.Clearing clearing = new SettlementRecord.Clearing(rs.getString("clr_type"),
                rs.getString("clr_way"), rs.getString("clr_optins"), PlaceOfSettlement.ofPayLoc(rs.getString("pay_loc")),
                rs.getString("insuplc_admdvs"), rs.getString("mdtrtarea_admvs"));
        SettlementRecord.Amounts amounts = new SettlementRecord.Amounts(fen(rs, "medfee_sumamt"), fen(rs, "hifp_pay"),
                fen(rs, "fund_pay_sumamt"), fen(rs, "psn_part_amt"), fen(rs, "acct_pay"), fen(rs, "psn_cash_pay"),
                fen(rs, "hosp_part_amt"));
        SettlementRecord r = new SettlementRecord(visit, clearing, amounts, fundDetail, rs.getString("refd_setl_id"));
        return new Stored(r, rs.getInt("period"), rs.getString("content_hash"), rs.getString("reversed_by"));
    }

    private static Money fen(ResultSet rs, String column) throws SQLException {
        return Money.ofFen(rs.getLong(column));
    }
}
