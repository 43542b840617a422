package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfund.ledger.Events.event;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code ledger rotate-key} (docs/reliability.md, "The key and what to back up"): the whole ledger is verified under
 * the current key and re-sealed under the new one; a process still holding the old key refuses to post; a broken
 * chain or a bad key file is refused and changes nothing. The shared test database is rotated and then rotated back
 * to the key it started with, so the other tests keep their key.
 */
@DatabaseTest
class LedgerKeyRotationTest {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerAudit audit;

    @Autowired
    LedgerKeys keys;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Value("${medfund.data-dir}")
    Path dataDir;

    @TempDir
    Path dir;

    String book;

    @BeforeEach
    void bookWithAnchor() {
        book = Events.unique("AGENCY");
        ledger.openBook(book, BookType.AGENCY, "密钥轮换测试");
        ledger.post(event("opening.balance.expenditure-account", LocalDate.of(2025, 1, 2), "1000.00",
                Map.of("book", book)));
        ledger.post(event("interest.received", LocalDate.of(2025, 1, 21), "3.21", Map.of("agency", book)));
        ledger.closePeriod(book, YearMonth.of(2025, 1));
    }

    @Test
    @DisplayName("rotate: every book re-sealed under the new key, which verifies and posts; rotating back restores")
    void rotatesAndBack() throws IOException {
        String before = keys.keyId();
        Path original = keyFile("original.key", Files.readString(dataDir.resolve("ledger.key")).trim());
        LedgerKeys.Rotation r = keys.rotate(keyFile("new.key", randomKey()));
        try {
            assertThat(r.oldKeyId()).isEqualTo(before);
            assertThat(r.newKeyId()).isNotEqualTo(before).isEqualTo(keys.keyId());
            assertThat(r.books()).isGreaterThanOrEqualTo(1);
            assertThat(r.entries()).isGreaterThanOrEqualTo(2);
            assertThat(r.anchors()).isGreaterThanOrEqualTo(1);
            assertThat(r.keyFileReplaced()).isTrue();
            assertThat(Files.readString(dataDir.resolve("ledger.key")).trim())
                    .isEqualTo(Files.readString(dir.resolve("new.key")).trim());
            assertThat(jdbc.sql("select count(*) from ledger_book where key_id is null or key_id <> :k")
                    .param("k", r.newKeyId()).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select key_id from ledger_key").query(String.class).single())
                    .isEqualTo(r.newKeyId());
            assertThat(jdbc.sql("select count(*) from ledger_anchor where key_id <> :k")
                    .param("k", r.newKeyId()).query(Long.class).single()).isZero();
            assertThat(audit.problems()).isEmpty();
            ledger.post(event("interest.received", LocalDate.of(2025, 2, 21), "1.00", Map.of("agency", book)));
            ledger.openBook(Events.unique("AGENCY"), BookType.AGENCY, "轮换后开设");
            assertThat(audit.problems()).isEmpty();
        } finally {
            LedgerKeys.Rotation back = keys.rotate(original);
            assertThat(back.newKeyId()).isEqualTo(before);
            assertThat(back.rotationNo()).isEqualTo(r.rotationNo() + 1);
        }
        assertThat(keys.keyId()).isEqualTo(before);
        assertThat(audit.problems()).isEmpty();
        assertThat(jdbc.sql("select old_key_id, new_key_id from ledger_key_rotation where rotation_no = :no")
                .param("no", r.rotationNo()).query((rs, n) -> rs.getString(1) + ">" + rs.getString(2)).single())
                .isEqualTo(before + ">" + r.newKeyId());
    }

    @Test
    @DisplayName("a process whose key is not the books' (rotated elsewhere) refuses to post, close or open a book")
    void staleProcessRefuses() {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("update ledger_book set key_id = 'ffffffffffffffff'").update();
            jdbc.sql("update ledger_key set key_id = 'ffffffffffffffff'").update();
            assertThatThrownBy(() -> ledger.post(event("interest.received", LocalDate.of(2025, 2, 21), "1.00",
                    Map.of("agency", book))))
                    .isInstanceOfSatisfying(Rejection.class, e -> {
                        assertThat(e.code()).isEqualTo("ledger.key-rotated");
                        assertThat(e.status()).isEqualTo(503);
                        assertThat(e.getMessage()).contains("账簿密钥已轮换").contains(book)
                                .contains("ffffffffffffffff").contains(keys.keyId());
                    });
            assertThatThrownBy(() -> ledger.closePeriod(book, YearMonth.of(2025, 2)))
                    .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("ledger.key-rotated"));
            assertThatThrownBy(() -> ledger.openBook(Events.unique("AGENCY"), BookType.AGENCY, "过期密钥开设"))
                    .isInstanceOfSatisfying(Rejection.class, e -> {
                        assertThat(e.code()).isEqualTo("ledger.key-rotated");
                        assertThat(e.getMessage()).contains("账簿 现由密钥 ffffffffffffffff");
                    });
            assertThatThrownBy(() -> keys.rotate(dir.resolve("absent.key")))
                    .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code())
                            .isEqualTo("ledger.key-file-missing"));
            tx.setRollbackOnly();
        });
    }

    @Test
    @DisplayName("a broken chain is not re-sealed: refused, and every seal and the key stay as they were")
    void brokenChainRefused() throws IOException {
        String before = keys.keyId();
        List<String> seals = jdbc.sql("select seal from ledger_entry where org_code = :b order by sequence_no")
                .param("b", book).query(String.class).list();
        jdbc.sql("update ledger_line set credit_fen = credit_fen + 1 where org_code = :b and sequence_no = 2 "
                + "and credit_fen > 0").param("b", book).update();
        try {
            assertThatThrownBy(() -> keys.rotate(keyFile("new.key", randomKey())))
                    .isInstanceOfSatisfying(Rejection.class, e -> {
                        assertThat(e.code()).isEqualTo("ledger.chain-broken");
                        assertThat(e.getMessage()).contains("不能轮换密钥").contains("账套 " + book + " 第 2 号凭证");
                    });
            assertThat(keys.keyId()).isEqualTo(before);
            assertThat(jdbc.sql("select seal from ledger_entry where org_code = :b order by sequence_no")
                    .param("b", book).query(String.class).list()).isEqualTo(seals);
        } finally {
            jdbc.sql("update ledger_line set credit_fen = credit_fen - 1 where org_code = :b and sequence_no = 2 "
                    + "and credit_fen > 0").param("b", book).update();
        }
        assertThat(audit.verifyChains(book)).isEmpty();
    }

    @Test
    @DisplayName("bad key files: missing, not base64, too short, readable by others, the current key")
    void badKeyFiles() throws IOException {
        expectRefused(dir.resolve("absent.key"), "ledger.key-file-missing", "新密钥文件不存在");
        expectRefused(keyFile("text.key", "not a key!"), "ledger.key-file-invalid", "base64");
        expectRefused(keyFile("short.key", Base64.getEncoder().encodeToString(new byte[31])),
                "ledger.key-file-invalid", "至少 32 字节");
        Path loose = keyFile("loose.key", randomKey());
        Files.setPosixFilePermissions(loose, PosixFilePermissions.fromString("rw-r--r--"));
        expectRefused(loose, "ledger.key-file-invalid", "权限过宽");
        expectRefused(keyFile("same.key", Files.readString(dataDir.resolve("ledger.key")).trim()),
                "ledger.key-unchanged", "新密钥与当前账簿密钥相同");
    }

    private void expectRefused(Path file, String code, String message) {
        String before = keys.keyId();
        assertThatThrownBy(() -> keys.rotate(file)).isInstanceOfSatisfying(Rejection.class, e -> {
            assertThat(e.code()).isEqualTo(code);
            assertThat(e.getMessage()).contains(message);
        });
        assertThat(keys.keyId()).isEqualTo(before);
    }

    private Path keyFile(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content + "\n", StandardCharsets.US_ASCII);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
