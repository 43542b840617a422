package org.medfund.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger key lives outside the database (docs/decisions.md, ledger: "Sealed chain"): a key file created once
 * with owner-only permissions, or MEDFUND_LEDGER_KEY; a loose or malformed key is refused rather than used.
 */
class LedgerKeyTest {

    @TempDir
    Path dataDir;

    @Test
    @DisplayName("first use creates ledger.key (32 random bytes, owner read/write only); later uses read the same key")
    void keyFileCreatedOnce() throws Exception {
        LedgerKey first = new LedgerKey("", dataDir.toString());
        String seal = first.seal("a", "b");
        Path file = dataDir.resolve(LedgerKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(LedgerKey.KEY_BYTES);
        LedgerKey again = new LedgerKey("", dataDir.toString());
        assertThat(again.seal("a", "b")).isEqualTo(seal);
        assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(LedgerKey.KEY_ID_LENGTH);
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    @DisplayName("MEDFUND_LEDGER_KEY wins over the file and creates none; another key seals differently")
    void configuredKey() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        LedgerKey configured = new LedgerKey(key, dataDir.toString());
        assertThat(configured.source()).isEqualTo("MEDFUND_LEDGER_KEY");
        String seal = configured.seal("x");
        assertThat(Files.exists(dataDir.resolve(LedgerKey.FILE_NAME))).isFalse();
        assertThat(new LedgerKey("", dataDir.toString()).seal("x")).isNotEqualTo(seal);
    }

    @Test
    @DisplayName("a key file readable by group or others is refused, naming the fix")
    void loosePermissions() throws Exception {
        new LedgerKey("", dataDir.toString()).keyId();
        Path file = dataDir.resolve(LedgerKey.FILE_NAME);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> new LedgerKey("", dataDir.toString()).keyId())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chmod 600");
    }

    @Test
    @DisplayName("a configured key that is not base64 or shorter than 32 bytes is refused")
    void malformedKey() {
        assertThatThrownBy(() -> new LedgerKey("not base64!", dataDir.toString()).keyId())
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> new LedgerKey(Base64.getEncoder().encodeToString(new byte[16]),
                dataDir.toString()).keyId()).hasMessageContaining("32");
    }

    @Test
    @DisplayName("parts are length-prefixed: (\"ab\", \"c\") and (\"a\", \"bc\"), null and \"\" seal differently")
    void unambiguousParts() {
        LedgerKey key = new LedgerKey("", dataDir.toString());
        assertThat(key.seal("ab", "c")).isNotEqualTo(key.seal("a", "bc"));
        assertThat(key.seal((String) null)).isNotEqualTo(key.seal(""));
    }
}
