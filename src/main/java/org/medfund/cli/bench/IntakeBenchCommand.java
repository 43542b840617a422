package org.medfund.cli.bench;

import org.medfund.cli.NestedSubcommand;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.medfund.claims.SyntheticSettlements;
import org.medfund.claims.IntakeResult;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlingAgency;
import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund bench intake --rows N}: writes N synthetic settlement rows as a CSV (the {@code generate
 * settlements} generator), imports it through the real intake path ({@link SettlementIntake#importFile}, the code
 * {@code import settlements} runs: parse, check, chunked COPY into {@code claims_settlement}), then loads the same
 * file with a raw {@code COPY … FROM STDIN} into a scratch table of the file's columns with the same key and hospital
 * index, and prints both rates and their ratio. On H2 (no COPY) the raw side is a plain JDBC batch insert, and the
 * output says so. The rows go into a month of their own (2001-01, far from any demo month) under run-unique setl_ids;
 * afterwards they, their intake batch row and the scratch table are removed.
 */
@Component
@Command(name = "intake", mixinStandardHelpOptions = true,
        description = "结算记录导入吞吐量：真实导入路径 vs 原始 COPY（H2 上为原始 JDBC 批量插入）")
class IntakeBenchCommand implements Callable<Integer>, NestedSubcommand, RunsOnScratchDatabase {

    static final int ROWS_MAX = 20_000_000;
    /** A month no demo or real data uses, so the benchmark rows never mix with them. */
    static final YearMonth MONTH = YearMonth.of(2001, 1);
    static final int RAW_BATCH = 1_000;
    static final int RAW_COMMIT = 10_000;

    private final SettlementIntake intake;
    private final Registry registry;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", required = true, description = "行数（至多 2000 万）")
    int rows;

    @Option(names = "--hospital", description = "定点医疗机构编码（默认取河南省第一家定点医院）")
    String hospital;

    IntakeBenchCommand(SettlementIntake intake, Registry registry, DataSource dataSource, JdbcClient jdbc) {
        this.intake = intake;
        this.registry = registry;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public String parent() {
        return "bench";
    }

    @Override
    public Integer call() throws SQLException, IOException {
        if (rows < 1 || rows > ROWS_MAX) {
            throw new Rejection("bench.rows-invalid", "--rows", "行数须在 1 至 " + ROWS_MAX + " 之间");
        }
        PrintWriter out = spec.commandLine().getOut();
        Org org = hospital != null ? registry.requireOrg(hospital, "--hospital") : firstHospital();
        String run = Long.toString(System.currentTimeMillis(), 36);
        boolean postgresql;
        String url;
        try (Connection c = dataSource.getConnection()) {
            url = c.getMetaData().getURL();
            postgresql = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        Path file = Files.createTempFile("medfund-bench-intake-", ".csv");
        try {
            out.println("数据库: " + url + "；医院 " + org.code() + "，月份 " + MONTH + "，" + rows + " 行");
            out.println("  生成 CSV …");
            out.flush();
            String clearing = SettlingAgency.regionCode(registry, org);
            String inProvince = registry.descendants(org.regionCode().substring(0, 2) + "0000").stream()
                    .map(Region::code).filter(c -> !c.equals(clearing)).findFirst().orElse(clearing);
            SyntheticSettlements.writeCsv(file, org.code(), "B" + run + "-", clearing, org.regionCode(),
                    inProvince, MONTH, rows, 1);
            out.printf("  CSV %,d 字节；经导入路径导入 …%n", Files.size(file));
            out.flush();
            long start = System.nanoTime();
            IntakeResult result = intake.importFile(Actor.system(org.code()), file, file.getFileName().toString(),
                    "bench-intake-" + run);
            double imported = result.rowsWritten() / seconds(start);
            out.printf("  导入 %,d 行（新写入 %,d）%n", result.rowsTotal(), result.rowsWritten());
            out.flush();
            double raw = timeRaw(file, run, postgresql, out);
            String rawName = postgresql ? "原始 COPY" : "原始 JDBC 批量插入（H2 无 COPY）";
            out.printf("导入路径: %,.0f 行/秒；%s: %,.0f 行/秒；比值 %.1f%%%n", imported, rawName, raw,
                    100 * imported / raw);
            out.flush();
            cleanUp(org.code(), run, result.batchId(), out);
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }

    private Org firstHospital() {
        for (Region region : registry.descendants("410000")) {
            for (Org h : registry.hospitals(region.code())) {
                if (h.designated() && h.code().startsWith("H")) {
                    return h;
                }
            }
        }
        throw new Rejection("bench.no-hospital", "--hospital", "登记中没有定点医院，请用 --hospital 指定");
    }

    private double timeRaw(Path file, String run, boolean postgresql, PrintWriter out)
            throws SQLException, IOException {
        String table = "bench_intake_" + run;
        try (Connection c = dataSource.getConnection(); Statement ddl = c.createStatement()) {
            // The file's columns with the types and lengths of claims_settlement, its key and its hospital index.
            ddl.execute("""
                    create table %s (
                        setl_id varchar(30) not null primary key, mdtrt_id varchar(30) not null,
                        psn_no varchar(30) not null, fixmedins_code varchar(30) not null, insutype varchar(6) not null,
                        med_type varchar(6) not null, clr_type varchar(6) not null, clr_way varchar(6) not null,
                        clr_optins varchar(6) not null, pay_loc varchar(2) not null,
                        insuplc_admdvs varchar(6) not null, mdtrtarea_admvs varchar(6) not null,
                        setl_time timestamp not null, medfee_sumamt numeric(16,2) not null,
                        hifp_pay numeric(16,2) not null, fund_pay_sumamt numeric(16,2) not null,
                        psn_part_amt numeric(16,2) not null, acct_pay numeric(16,2) not null,
                        psn_cash_pay numeric(16,2) not null, hosp_part_amt numeric(16,2) not null,
                        setldetail varchar(600) not null, refd_setl_id varchar(30))""".formatted(table));
            ddl.execute("create index " + table + "_h on " + table + " (fixmedins_code, setl_time)");
            try {
                out.println(postgresql ? "  原始 COPY …" : "  原始 JDBC 批量插入 …");
                out.flush();
                long start = System.nanoTime();
                if (postgresql) {
                    copy(c, table, file);
                } else {
                    insert(c, table, file, out);
                }
                return rows / seconds(start);
            } finally {
                c.setAutoCommit(true);
                ddl.execute("drop table " + table);
            }
        }
    }

    private void copy(Connection c, String table, Path file) throws SQLException, IOException {
        c.setAutoCommit(false);
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table + " ("
                    + String.join(", ", SettlementFields.ALL) + ") from stdin with (format csv, header true)", reader);
        }
        c.commit();
    }

    /** The same file read line by line and inserted with a JDBC batch: what a plain loader does without COPY. */
    private void insert(Connection c, String table, Path file, PrintWriter out) throws SQLException, IOException {
        List<String> fields = SettlementFields.ALL;
        c.setAutoCommit(false);
        String sql = "insert into " + table + " (" + String.join(", ", fields) + ") values ("
                + String.join(", ", java.util.Collections.nCopies(fields.size(), "?")) + ")";
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             PreparedStatement ps = c.prepareStatement(sql)) {
            reader.readLine();
            int done = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] v = line.split(",", -1);
                for (int i = 0; i < v.length; i++) {
                    Object value = v[i];
                    if (fields.get(i).equals("setl_time")) {
                        value = Timestamp.valueOf(LocalDateTime.parse(v[i], SettlementFields.TIME));
                    } else if (SettlementFields.AMOUNTS.contains(fields.get(i))) {
                        value = new BigDecimal(v[i]);
                    } else if (v[i].isEmpty() && fields.get(i).equals("refd_setl_id")) {
                        value = null;
                    }
                    ps.setObject(i + 1, value);
                }
                ps.addBatch();
                if (++done % RAW_BATCH == 0) {
                    ps.executeBatch();
                }
                if (done % RAW_COMMIT == 0) {
                    c.commit();
                    progress(out, "原始插入", done);
                }
            }
            ps.executeBatch();
            c.commit();
        }
    }

    /**
     * The benchmark's rows leave the settlement table again; they were only there to be timed. Deleted here rather
     * than through {@code claims}: settlement records have no delete path, and should not get one for a benchmark
     * (docs/decisions.md, "Benchmarks that write another capability's tables directly").
     */
    private void cleanUp(String hospitalCode, String run, long batchId, PrintWriter out) {
        int deleted = jdbc.sql("delete from claims_settlement where fixmedins_code = :h and period = :p"
                        + " and setl_id like :prefix")
                .param("h", hospitalCode).param("p", MONTH.getYear() * 100 + MONTH.getMonthValue())
                .param("prefix", "B" + run + "-%").update();
        jdbc.sql("delete from claims_intake_batch where id = :id").param("id", batchId).update();
        out.printf("已清理：删除基准结算记录 %,d 行及临时表%n", deleted);
        out.flush();
    }

    private void progress(PrintWriter out, String what, int done) {
        if (done % Math.max(RAW_COMMIT, rows / 10 / RAW_COMMIT * RAW_COMMIT) == 0) {
            out.println("  " + what + " " + done + "/" + rows);
            out.flush();
        }
    }

    private static double seconds(long start) {
        return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }
}
