package org.medfund.cli.bench;

import org.medfund.cli.Launcher;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.MedfundApplication;
import org.medfund.TestDatabase;

/**
 * Issue 10: a benchmark writes hundreds of thousands of rows, so it runs on a scratch database (a temporary H2 file,
 * or a scratch schema on PostgreSQL) that is gone afterwards; the user's database keeps its books, entries and
 * settlements exactly. Runs {@code medfund} as the launcher does (in this JVM), on H2 and on PostgreSQL.
 */
@Tag("db")
class BenchScratchDatabaseTest {

    private static final Pattern SCRATCH_H2 = Pattern.compile("jdbc:h2:file:(\\S+?)/bench");
    private static final Pattern SCRATCH_SCHEMA = Pattern.compile("currentSchema=(medfund_bench_\\w+)");

    @TempDir
    Path dataDirectory;
    private String userSchema;

    private String url() {
        if (TestDatabase.KIND.equals("postgresql")) {
            return System.getenv("MEDFUND_TEST_PG_URL") + "?currentSchema=" + userSchema;
        }
        return "jdbc:h2:file:" + dataDirectory.resolve("medfund")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
    }

    private Connection connect(String url) throws SQLException {
        boolean postgresql = url.startsWith("jdbc:postgresql:");
        return DriverManager.getConnection(url, postgresql ? System.getenv().getOrDefault("MEDFUND_TEST_PG_USER",
                "postgres") : "sa", postgresql ? System.getenv().getOrDefault("MEDFUND_TEST_PG_PASSWORD", "") : "");
    }

    private String medfund(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--medfund.data-dir=" + dataDirectory);
        if (TestDatabase.KIND.equals("postgresql")) {
            all.add("--spring.datasource.url=" + url());
            all.add("--spring.datasource.username=" + System.getenv().getOrDefault("MEDFUND_TEST_PG_USER", "postgres"));
            all.add("--spring.datasource.password=" + System.getenv().getOrDefault("MEDFUND_TEST_PG_PASSWORD", ""));
        }
        PrintStream out = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            int exitCode = Launcher.run(MedfundApplication.class, all.toArray(String[]::new)).orElseThrow();
            assertThat(exitCode).as(String.join(" ", args) + ": " + bytes).isZero();
        } finally {
            System.setOut(out);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private List<Long> userCounts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = connect(url()); var statement = c.createStatement()) {
            for (String table : List.of("ledger_book", "ledger_entry", "ledger_line", "claims_settlement",
                    "registry_org")) {
                try (var rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.add(rs.getLong(1));
                }
            }
        }
        return counts;
    }

    @AfterEach
    void dropUserSchema() throws SQLException {
        if (userSchema != null) {
            try (Connection c = connect(System.getenv("MEDFUND_TEST_PG_URL"))) {
                c.createStatement().execute("drop schema " + userSchema + " cascade");
            }
        }
    }

    @Test
    @DisplayName("issue 10: bench ledger and bench intake leave the user's books, entries and settlements unchanged")
    void benchmarksLeaveUserDataAlone() throws SQLException {
        if (TestDatabase.KIND.equals("postgresql")) {
            userSchema = "medfund_t_user_" + Long.toString(System.nanoTime(), 36);
            try (Connection c = connect(System.getenv("MEDFUND_TEST_PG_URL"))) {
                c.createStatement().execute("create schema " + userSchema);
            }
        }
        medfund("users", "list");
        List<Long> before = userCounts();

        String ledger = medfund("bench", "ledger", "--entries", "200", "--batch", "100");
        assertThat(ledger).contains("临时数据库").contains("记账路径");
        String intake = medfund("bench", "intake", "--rows", "100");
        assertThat(intake).contains("导入 100 行（新写入 100）");

        assertThat(userCounts()).isEqualTo(before);
        for (String output : List.of(ledger, intake)) {
            Matcher h2 = SCRATCH_H2.matcher(output);
            Matcher schema = SCRATCH_SCHEMA.matcher(output);
            if (TestDatabase.KIND.equals("postgresql")) {
                assertThat(schema.find()).as(output).isTrue();
                try (Connection c = connect(url()); var rs = c.createStatement().executeQuery(
                        "select count(*) from information_schema.schemata where schema_name = '"
                                + schema.group(1) + "'")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("scratch schema dropped").isZero();
                }
            } else {
                assertThat(h2.find()).as(output).isTrue();
                assertThat(Files.exists(Path.of(h2.group(1)))).as("scratch database deleted").isFalse();
            }
        }
    }
}
