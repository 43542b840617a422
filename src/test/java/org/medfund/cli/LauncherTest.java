package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.MedfundApplication;

/**
 * {@code medfund} before Spring: help, version, a group without its subcommand and bad input answer from the command
 * classes alone, without touching the database; a failure to start prints one line naming the log file.
 */
class LauncherTest {

    @TempDir
    Path dataDirectory;

    record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        String[] all = java.util.stream.Stream.concat(java.util.stream.Stream.of(args),
                java.util.stream.Stream.of("--medfund.data-dir=" + dataDirectory)).toArray(String[]::new);
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            OptionalInt exitCode = Launcher.run(MedfundApplication.class, all);
            return new Run(exitCode.orElseThrow(), outBytes.toString(StandardCharsets.UTF_8),
                    errBytes.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private boolean databaseCreated() {
        return Files.exists(dataDirectory.resolve("medfund.mv.db"));
    }

    @Test
    @DisplayName("issue 10: --help, --version and a command's --help answer without opening the database")
    void helpWithoutDatabase() {
        Run help = run("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: medfund").contains("calendar").contains("users").contains("serve");
        Run version = run("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("medfund 0.1.0");
        Run nested = run("users", "token", "--help");
        assertThat(nested.exitCode()).isZero();
        assertThat(nested.out()).startsWith("Usage: medfund users token");
        Run group = run("bench");
        assertThat(group.exitCode()).isZero();
        assertThat(group.out()).startsWith("Usage: medfund bench").contains("ledger").contains("month-end");
        assertThat(databaseCreated()).isFalse();
    }

    @Test
    @DisplayName("issue 10: an unknown command or option is one line on stderr, exit 2, no database opened")
    void badInputBeforeSpring() {
        Run unknown = run("nonsense");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines()).containsExactly("错误: 未知的命令或参数：nonsense（medfund --help 列出可用的命令与选项）");
        Run missing = run("users", "add", "someone", "--org", "411500-AGENCY");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().lines()).hasSize(1).first().asString().startsWith("错误: 缺少必需的参数：")
                .contains("--role");
        Run badOption = run("calendar", "working-day", "--nope");
        assertThat(badOption.exitCode()).isEqualTo(2);
        assertThat(badOption.err().lines()).hasSize(1);
        Run badPort = run("serve", "--port", "70000");
        assertThat(badPort.exitCode()).isEqualTo(2);
        assertThat(badPort.err()).contains("--port");
        assertThat(databaseCreated()).isFalse();
    }

    @Test
    @DisplayName("issue 10: a context that cannot start prints one Chinese line naming the log file, the trace is in it")
    void startupFailureIsOneLine() throws Exception {
        // A JVM of its own: logging is set up once per JVM, and the test JVM's is the test context's.
        ChildMedfund failed = ChildMedfund.run(dataDirectory, Map.of("MEDFUND_DATA_DIR", dataDirectory.toString(),
                "MEDFUND_DB_URL", "jdbc:postgresql://127.0.0.1:1/nowhere"), "users", "list",
                "--spring.datasource.hikari.connection-timeout=250");
        Path log = dataDirectory.resolve("medfund.log");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err().lines()).hasSize(1);
        assertThat(failed.err()).startsWith("错误").contains(log.toString()).doesNotContain("\tat ");
        assertThat(failed.out()).isEmpty();
        assertThat(Files.readString(log)).contains("\tat ");
    }
}
