package org.medfund.cli.ledger;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code medfund ledger verify} passes on an intact book and, after a stored entry is altered, prints the first
 * broken link and exits non-zero; {@code ledger rotate-key} re-seals under a new key; {@code bench ledger} posts and
 * compares with raw JDBC.
 */
@DatabaseTest
class LedgerCommandTest extends CommandTest {

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LedgerKeys keys;

    @Value("${medfund.data-dir}")
    Path dataDir;

    @Test
    @DisplayName("ledger verify --book: passes, then fails at exactly the altered entry, passes again once restored")
    void verify() {
        String book = "TCLI-" + Long.toString(System.nanoTime(), 36);
        ledger.openBook(book, BookType.AGENCY, "命令行测试");
        for (int i = 1; i <= 3; i++) {
            ledger.post(new BusinessEvent("interest.received", book + "-" + i, LocalDate.of(2025, 3, 21), null,
                    Money.ofYuan(i + ".00"), Map.of("agency", book), null, null, null, null, null, "利息"));
        }
        CliRun ok = run("ledger", "verify", "--book", book);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("校验通过").contains("3 张凭证").contains("封签");

        jdbc.sql("update ledger_line set credit_fen = 999 where org_code = :book and sequence_no = 2 and line_no = 2")
                .param("book", book).update();
        try {
            CliRun broken = run("ledger", "verify", "--book", book);
            assertThat(broken.exitCode()).isEqualTo(LedgerCommand.EXIT_BROKEN);
            assertThat(broken.out()).contains("账套 " + book + " 第 2 号凭证").contains("被改动")
                    .contains("余额缓存").doesNotContainPattern("[0-9a-f]{64}");
        } finally {
            jdbc.sql("update ledger_line set credit_fen = 200 where org_code = :book and sequence_no = 2 "
                    + "and line_no = 2").param("book", book).update();
        }
        assertThat(run("ledger", "verify", "--book", book).exitCode()).isZero();
        assertThat(run("ledger", "verify", "--book", "NO-SUCH-BOOK").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("bench ledger --entries 200 prints both rates and their ratio")
    void bench() {
        CliRun run = run("bench", "ledger", "--entries", "200", "--batch", "50");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("记账路径").contains("原始 JDBC").contains("比值");
        assertThat(run("bench", "ledger", "--entries", "0").exitCode()).isEqualTo(2);
    }

    @Test
    @DisplayName("ledger rotate-key: re-seals under the operator's new key file, audited; a bad file is one line, exit 2")
    void rotateKey(@TempDir Path dir) throws IOException {
        String before = keys.keyId();
        Path original = privateFile(dir.resolve("original.key"), Files.readString(dataDir.resolve("ledger.key")));
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path next = privateFile(dir.resolve("new.key"), Base64.getEncoder().encodeToString(key) + "\n");
        CliRun rotated = run("ledger", "rotate-key", "--new-key-file", next.toString());
        try {
            assertThat(rotated.exitCode()).as(rotated.err()).isZero();
            assertThat(rotated.out()).contains("已轮换账簿密钥").contains(before + " → " + keys.keyId())
                    .contains("已换为新密钥").contains("请逐一重启");
            assertThat(run("ledger", "verify").out()).contains("校验通过").contains(keys.keyId());
            assertThat(jdbc.sql("select outcome from audit_log where command = 'ledger rotate-key' "
                    + "and business_ids like '%keyRotation=%' order by id desc").query(String.class).list())
                    .first().isEqualTo("DONE");
        } finally {
            keys.rotate(original);
        }
        assertThat(keys.keyId()).isEqualTo(before);
        CliRun missing = run("ledger", "rotate-key", "--new-key-file", dir.resolve("absent.key").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).contains("新密钥文件不存在").doesNotContain("\n").doesNotContain("Exception");
    }

    private static Path privateFile(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
