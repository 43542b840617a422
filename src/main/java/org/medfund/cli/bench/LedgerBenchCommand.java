package org.medfund.cli.bench;

import org.medfund.cli.NestedSubcommand;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund bench ledger --entries N}: posts N two-line entries (rule {@code interest.received}) into a fresh
 * benchmark book through the real posting path ({@link Ledger#postAll}, one transaction per batch), then inserts the
 * same number of entry and line rows with a raw JDBC batch into scratch tables shaped like {@code ledger_entry} and
 * {@code ledger_line} (same columns, keys and foreign key), and prints both rates and their ratio. The database is
 * the configured one ({@code MEDFUND_DB_URL}); the benchmark book stays behind, the scratch tables are dropped.
 */
@Component
@Command(name = "ledger", mixinStandardHelpOptions = true,
        description = "账簿记账吞吐量：真实记账路径 vs 原始 JDBC 批量插入")
class LedgerBenchCommand implements Callable<Integer>, NestedSubcommand, RunsOnScratchDatabase {

    static final int ENTRIES_MAX = 10_000_000;
    static final int BATCH_MAX = 10_000;

    private final Ledger ledger;
    private final DataSource dataSource;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--entries", required = true, description = "凭证数（每张两行）")
    int entries;

    @Option(names = "--batch", defaultValue = "1000", description = "每批（每个事务）凭证数，默认 1000")
    int batch;

    LedgerBenchCommand(Ledger ledger, DataSource dataSource, Clock clock) {
        this.ledger = ledger;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String parent() {
        return "bench";
    }

    @Override
    public Integer call() throws SQLException {
        if (entries <= 0 || entries > ENTRIES_MAX) {
            throw new Rejection("bench.entries-invalid", "--entries", "凭证数须在 1 至 " + ENTRIES_MAX + " 之间");
        }
        if (batch <= 0 || batch > BATCH_MAX) {
            throw new Rejection("bench.batch-invalid", "--batch", "批量须在 1 至 " + BATCH_MAX + " 之间");
        }
        PrintWriter out = spec.commandLine().getOut();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String book = "BENCH-" + run;
        ledger.openBook(book, BookType.AGENCY, "记账基准测试账套 " + run);
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
        }
        out.println("数据库: " + url + "；凭证 " + entries + " 张，每批 " + batch);
        out.flush();
        double posted = timePosting(book, run, out);
        double raw = timeRaw(run, out);
        out.printf("记账路径: %,.0f 张/秒；原始 JDBC: %,.0f 张/秒；比值 %.1f%%%n", posted, raw, 100 * posted / raw);
        out.flush();
        return 0;
    }

    private double timePosting(String book, String run, PrintWriter out) {
        long start = System.nanoTime();
        LocalDate date = LocalDate.of(2025, 1, 15);
        for (int from = 0; from < entries; from += batch) {
            int to = Math.min(entries, from + batch);
            List<BusinessEvent> events = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                events.add(new BusinessEvent("interest.received", "bench-" + run + "-" + i, date, null,
                        Money.ofFen(100 + i % 10_000), Map.of("agency", book), null, "bench", Integer.toString(i),
                        null, null, "基准测试"));
            }
            ledger.postAll(events);
            progress(out, "记账", to);
        }
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    private double timeRaw(String run, PrintWriter out) throws SQLException {
        String entryTable = "bench_raw_entry_" + run;
        String lineTable = "bench_raw_line_" + run;
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            // Same columns, types, keys, foreign key and indexes as ledger_entry / ledger_line (migrations V20, V85).
            ddl.execute("""
                    create table %s (
                        org_code varchar(40) not null, sequence_no bigint not null, entry_date date not null,
                        period varchar(7) not null, memo varchar(200), rule_type varchar(80) not null,
                        document_type varchar(40), document_id varchar(100), pack_id varchar(40), article varchar(80),
                        reverses_sequence_no bigint, transfer_id varchar(100), request_id varchar(100) not null,
                        posted_at timestamp not null, prev_hash varchar(64) not null, hash varchar(64) not null,
                        seal varchar(64), primary key (org_code, sequence_no))""".formatted(entryTable));
            ddl.execute("""
                    create table %s (
                        org_code varchar(40) not null, sequence_no bigint not null, line_no int not null,
                        account_code varchar(20) not null, debit_fen bigint not null, credit_fen bigint not null,
                        counterparty_code varchar(40), insurance_type varchar(10), dim_period varchar(7),
                        reference varchar(100), primary key (org_code, sequence_no, line_no),
                        foreign key (org_code, sequence_no) references %s (org_code, sequence_no))"""
                    .formatted(lineTable, entryTable));
            ddl.execute("create index " + entryTable + "_t on " + entryTable + " (transfer_id)");
            ddl.execute("create index " + entryTable + "_d on " + entryTable + " (document_type, document_id)");
            ddl.execute("create index " + entryTable + "_r on " + entryTable
                    + " (reverses_sequence_no, org_code)");
            ddl.execute("create index " + lineTable + "_a on " + lineTable
                    + " (org_code, account_code, counterparty_code)");
            try {
                return insertRaw(c, entryTable, lineTable, out);
            } finally {
                c.setAutoCommit(true);
                ddl.execute("drop table " + lineTable);
                ddl.execute("drop table " + entryTable);
            }
        }
    }

    private double insertRaw(Connection c, String entryTable, String lineTable, PrintWriter out)
            throws SQLException {
        c.setAutoCommit(false);
        String hash = HexFormat.of().formatHex(new byte[32]);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock).withNano(0));
        long start = System.nanoTime();
        try (PreparedStatement e = c.prepareStatement("insert into " + entryTable + " (org_code, sequence_no, "
                + "entry_date, period, memo, rule_type, document_type, document_id, request_id, posted_at, prev_hash, "
                + "hash, seal) values ('RAW', ?, ?, '2025-01', '基准测试', 'interest.received', 'bench', "
                + "?, ?, ?, ?, ?, ?)");
             PreparedStatement l = c.prepareStatement("insert into " + lineTable + " (org_code, sequence_no, "
                     + "line_no, account_code, debit_fen, credit_fen) values ('RAW', ?, ?, ?, ?, ?)")) {
            for (int from = 0; from < entries; from += batch) {
                int to = Math.min(entries, from + batch);
                for (int i = from; i < to; i++) {
                    e.setLong(1, i + 1L);
                    e.setObject(2, LocalDate.of(2025, 1, 15));
                    e.setString(3, Integer.toString(i));
                    e.setString(4, "raw-" + i);
                    e.setTimestamp(5, now);
                    e.setString(6, hash);
                    e.setString(7, hash);
                    e.setString(8, hash);
                    e.addBatch();
                    for (int line = 1; line <= 2; line++) {
                        l.setLong(1, i + 1L);
                        l.setInt(2, line);
                        l.setString(3, line == 1 ? "1002" : "4201");
                        l.setLong(4, line == 1 ? 100 + i % 10_000 : 0);
                        l.setLong(5, line == 1 ? 0 : 100 + i % 10_000);
                        l.addBatch();
                    }
                }
                e.executeBatch();
                l.executeBatch();
                c.commit();
                progress(out, "原始插入", to);
            }
        }
        return entries / ((System.nanoTime() - start) / 1e9);
    }

    private void progress(PrintWriter out, String what, int done) {
        int step = Math.max(batch, entries / 10);
        if (done % step < batch || done == entries) {
            out.println("  " + what + " " + done + "/" + entries);
            out.flush();
        }
    }
}
