package org.medfund.claims.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.medfund.claims.IntakeRejection;
import org.medfund.claims.IntakeResult;
import org.medfund.claims.SettlementFiles;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Fingerprint;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes settlement records in, from an API batch or a CSV/xlsx file: every row is checked ({@link RowParser},
 * {@link RowChecks}), and only when no row of the whole batch or file has an error is anything kept. Files are read
 * and written in chunks inside one transaction, so a bad row near the end rolls back the chunks before it. On
 * PostgreSQL the rows of a chunk go to the database while it is read ({@link RowChecks#stream}).
 */
@Service
class JdbcSettlementIntake implements SettlementIntake {

    /** Rows checked and written at a time when reading a file. */
    static final int CHUNK_ROWS = 10_000;

    private final Registry registry;
    private final SettlementStore store;
    private final RequestLog requestLog;
    private final Clock clock;

    JdbcSettlementIntake(Registry registry, SettlementStore store, RequestLog requestLog, Clock clock) {
        this.registry = registry;
        this.store = store;
        this.requestLog = requestLog;
        this.clock = clock;
    }

    /**
     * An API batch (≤ 10,000 rows of national field name → text). Idempotency is the caller's (the API wraps this
     * in its {@code Idempotency-Key} handling); re-sent records are no-ops in any case.
     */
    @Transactional
    public IntakeResult submit(Actor actor, List<Map<String, String>> rows, String requestId) {
        if (rows.isEmpty() || rows.size() > API_BATCH_ROWS_MAX) {
            throw new Rejection("claims.batch-size", "settlements",
                    "每批须有 1 至 " + API_BATCH_ROWS_MAX + " 条结算记录，收到 " + rows.size() + " 条");
        }
        return run(actor, "api", null, requestId, numbered(rows.iterator()));
    }

    /**
     * A CSV or xlsx file with a header row of national field names; idempotent on the request id. The same file
     * under the same request id again is a {@linkplain IntakeResult#repeat() repeat}: it answers with the first
     * import's batch and says that nothing was written, not the first import's counts (which would read as if the
     * rows had been written twice). Bounded by {@code medfund.intake.transaction-timeout-seconds} rather than the
     * default transaction timeout: a 10 M row file takes minutes (uploads on the pages are bounded by their size,
     * see application.properties).
     */
    @Transactional(timeoutString = "${medfund.intake.transaction-timeout-seconds:3600}")
    public IntakeResult importFile(Actor actor, Path file, String fileName, String requestId) {
        long size = size(file);
        if (size > FILE_BYTES_MAX) {
            throw new Rejection("claims.file-too-large", "file", "文件超过 " + FILE_BYTES_MAX + " 字节");
        }
        String fingerprint = Fingerprint.of("file", sha256(file));
        boolean[] ran = {false};
        String result = requestLog.once("claims.intake", requestId, fingerprint, () -> {
            ran[0] = true;
            try (SettlementFiles.RowReader reader = SettlementFiles.open(file, fileName)) {
                return encode(run(actor, "file", fileName, requestId, reader));
            }
        });
        IntakeResult first = decode(result);
        return ran[0] ? first : first.asRepeat();
    }

    private IntakeResult run(Actor actor, String source, String fileName, String requestId,
                             Iterator<SettlementFiles.NumberedRow> rows) {
        Instant now = Instant.now(clock);
        LocalDateTime nowLocal = LocalDateTime.ofInstant(now, clock.getZone());
        long batchId = store.newBatch(source, fileName, actor.orgCode(), actor.userId(), requestId, now);
        RowChecks checks = new RowChecks(registry, store, actor, batchId);
        List<RowParser.Parsed> chunk = new ArrayList<>(CHUNK_ROWS);
        try {
            while (rows.hasNext()) {
                SettlementFiles.NumberedRow row = rows.next();
                RowParser.Parsed parsed = RowParser.parse(row.number(), row.fields(), nowLocal);
                chunk.add(parsed);
                checks.stream(parsed);
                if (chunk.size() == CHUNK_ROWS) {
                    checks.process(chunk);
                    chunk.clear();
                }
            }
            checks.process(chunk);
        } catch (RuntimeException | Error e) {
            // A COPY still open keeps the connection busy: the rollback that follows would wait for it forever.
            checks.abort();
            throw e;
        }
        if (checks.errorCount() > 0) {
            throw new IntakeRejection(checks.errors(), checks.errorCount());
        }
        if (checks.rowsTotal() == 0) {
            throw new Rejection("claims.empty", "file", "没有结算记录");
        }
        store.finishBatch(batchId, checks.rowsTotal(), checks.rowsWritten(), checks.rowsUnchanged());
        return new IntakeResult(batchId, checks.rowsTotal(), checks.rowsWritten(), checks.rowsUnchanged(),
                checks.rowsRolledForward(), false);
    }

    private static Iterator<SettlementFiles.NumberedRow> numbered(Iterator<Map<String, String>> rows) {
        return new Iterator<>() {
            long number;

            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public SettlementFiles.NumberedRow next() {
                return new SettlementFiles.NumberedRow(++number, rows.next());
            }
        };
    }

    private static String encode(IntakeResult r) {
        return r.batchId() + "," + r.rowsTotal() + "," + r.rowsWritten() + "," + r.rowsUnchanged() + ","
                + r.rowsRolledForward();
    }

    private static IntakeResult decode(String text) {
        String[] p = text.split(",");
        return new IntakeResult(Long.parseLong(p[0]), Long.parseLong(p[1]), Long.parseLong(p[2]),
                Long.parseLong(p[3]), Long.parseLong(p[4]), false);
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new Rejection("claims.file-unreadable", "file", "无法读取文件：" + file);
        }
    }

    private static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file),
                MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return java.util.HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
