package org.medfund.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret that seals the ledger (docs/decisions.md, ledger: "Sealed chain"). It never enters the database: it
 * comes from {@code MEDFUND_LEDGER_KEY} (property {@code medfund.ledger.key}, base64 of at least
 * {@value #KEY_BYTES} bytes) or else from the file {@value #FILE_NAME} in the data directory, created with 32 random
 * bytes and owner-only permissions the first time the ledger needs it. Whoever can write the database but not
 * read this key cannot make a changed entry verify again. A key file readable by group or others is refused, as ssh
 * refuses a loose private key.
 *
 * <p>Seals are HMAC-SHA256 over length-prefixed parts (the encoding of {@link EntryHash}), so no two different
 * inputs seal alike.
 */
@Component
class LedgerKey {

    static final String FILE_NAME = "ledger.key";
    static final int KEY_BYTES = 32;
    /** Hex characters of the key id: enough to tell keys apart, nothing to learn the key from. */
    static final int KEY_ID_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final String configured;
    private final Path file;
    private volatile Loaded loaded;

    /**
     * The key bytes in a Mac prototype (cloned per thread: {@code Mac.getInstance} per seal is slow), its id, and
     * the bytes themselves for installing a rotated key.
     */
    private record Loaded(Mac prototype, String keyId, byte[] key) {
    }

    /** A thread's clone of the prototype, with the id of the key it was cloned from (the key may be rotated). */
    private record ThreadMac(Mac mac, String keyId) {
    }

    private final ThreadLocal<ThreadMac> macs = new ThreadLocal<>();

    @Autowired
    LedgerKey(@Value("${medfund.ledger.key:}") String configured, @Value("${medfund.data-dir}") String dataDir) {
        this.configured = configured == null ? "" : configured.trim();
        this.file = Path.of(dataDir).resolve(FILE_NAME);
    }

    private LedgerKey(Loaded loaded) {
        this.configured = "";
        this.file = null;
        this.loaded = loaded;
    }

    /**
     * The key in a file an operator made for {@code ledger rotate-key} (base64 of at least {@value #KEY_BYTES}
     * bytes, readable by its owner only, as {@value #FILE_NAME} must be), not tied to any data directory.
     */
    static LedgerKey fromKeyFile(Path keyFile) {
        if (!Files.isRegularFile(keyFile)) {
            throw new Rejection("ledger.key-file-missing", "newKeyFile",
                    "新密钥文件不存在: " + keyFile);
        }
        try {
            refuseLoosePermissions(keyFile);
            return new LedgerKey(loaded(decode(Files.readString(keyFile, StandardCharsets.US_ASCII),
                    keyFile.toString())));
        } catch (IllegalStateException e) {
            throw new Rejection("ledger.key-file-invalid", "newKeyFile", e.getMessage());
        } catch (IOException e) {
            throw new Rejection("ledger.key-file-invalid", "newKeyFile",
                    "新密钥文件无法读取: " + keyFile);
        }
    }

    /**
     * Seals with {@code next} from now on, after a rotation has re-sealed the ledger under it; when the key lives in
     * the data directory's file, that file is replaced with it first (a private temporary file moved into place).
     *
     * @return whether the key file was replaced (false: the key comes from {@code MEDFUND_LEDGER_KEY})
     */
    synchronized boolean switchTo(LedgerKey next) throws IOException {
        Loaded key = next.load();
        boolean replaced = false;
        if (configured.isEmpty()) {
            Path temp = privateCopy(key.key());
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                replaced = true;
            } finally {
                Files.deleteIfExists(temp);
            }
        }
        loaded = key;
        return replaced;
    }

    /** A short public identifier of the key (printed with anchors; a wrong key shows up as a different id). */
    String keyId() {
        return load().keyId();
    }

    /** Where the key comes from, for operators: the environment, or the key file's path. */
    String source() {
        return configured.isEmpty() ? file.toAbsolutePath().toString() : "MEDFUND_LEDGER_KEY";
    }

    /** HMAC-SHA256 of the parts (null allowed), as 64 hex characters. */
    String seal(String... parts) {
        Loaded key = load();
        ThreadMac own = macs.get();
        if (own == null || !own.keyId().equals(key.keyId())) {
            try {
                own = new ThreadMac((Mac) key.prototype().clone(), key.keyId());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("HmacSHA256 cannot be cloned", e);
            }
            macs.set(own);
        }
        Mac mac = own.mac();
        for (String part : parts) {
            if (part == null) {
                mac.update("-1:".getBytes(StandardCharsets.US_ASCII));
                continue;
            }
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            mac.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            mac.update(bytes);
        }
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Compares two seals in time independent of where they differ (a stored seal is not a hint). */
    static boolean same(String expected, String stored) {
        return stored != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                stored.getBytes(StandardCharsets.US_ASCII));
    }

    private Loaded load() {
        Loaded current = loaded;
        if (current == null) {
            synchronized (this) {
                current = loaded;
                if (current == null) {
                    current = loaded(configured.isEmpty() ? fromFile() : decode(configured, "MEDFUND_LEDGER_KEY"));
                    loaded = current;
                }
            }
        }
        return current;
    }

    private static Loaded loaded(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update("medfund-ledger-key-id:".getBytes(StandardCharsets.US_ASCII));
            String id = HexFormat.of().formatHex(digest.digest(key)).substring(0, KEY_ID_LENGTH);
            return new Loaded(mac, id, key.clone());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("账簿密钥无效（" + source + " 须为 base64）");
        }
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("账簿密钥过短（" + source + " 须至少 " + KEY_BYTES + " 字节）");
        }
        return key;
    }

    private byte[] fromFile() {
        try {
            if (!Files.exists(file)) {
                create();
            }
            refuseLoosePermissions(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("账簿密钥文件无法读写: " + file, e);
        }
    }

    /**
     * Writes a new key to a private temporary file and links it into place: the link fails if another process
     * created the key meanwhile, so two first runs never end up with two keys.
     */
    private void create() throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = privateCopy(key);
        try {
            try {
                Files.createLink(file, temp);
            } catch (FileAlreadyExistsException raced) {
                // Another process won: use its key.
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The key written to a new temporary file beside the key file, readable by its owner only. */
    private Path privateCopy(byte[] key) throws IOException {
        Path temp = posix() ? Files.createTempFile(file.getParent(), FILE_NAME, ".new",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY)) : Files.createTempFile(file.getParent(), FILE_NAME,
                ".new");
        try {
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            return temp;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    private static void refuseLoosePermissions(Path file) throws IOException {
        if (Files.getFileAttributeView(file, PosixFileAttributeView.class) == null) {
            return;
        }
        Set<PosixFilePermission> granted = Files.getPosixFilePermissions(file);
        for (PosixFilePermission p : granted) {
            if (!p.name().startsWith("OWNER_")) {
                throw new IllegalStateException("账簿密钥文件 " + file + " 的权限过宽（"
                        + PosixFilePermissions.toString(granted) + "），请执行 chmod 600 " + file);
            }
        }
    }

    private boolean posix() {
        return Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
    }
}
