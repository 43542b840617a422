package org.medfund.claims;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.medfund.registry.Actor;

/**
 * Takes settlement records in, from an API batch or a CSV/xlsx file, under the national field names
 * ({@link SettlementFields}): every row is checked, and only when no row of the whole batch or file has an error is
 * anything kept ({@link IntakeRejection} lists every bad row otherwise). Re-sent records are no-ops, changed ones
 * conflicts; a record for a month already applied for reconciliation goes into the next open month.
 */
public interface SettlementIntake {

    /** Rows per API call (issue 5). */
    int API_BATCH_ROWS_MAX = 10_000;
    /** Files above this size are refused before reading (a 10 M row CSV is about 2.2 GB). */
    long FILE_BYTES_MAX = 4L * 1024 * 1024 * 1024;

    /**
     * An API batch (≤ {@link #API_BATCH_ROWS_MAX} rows of national field name → text). Idempotency is the caller's
     * (the API wraps this in its {@code Idempotency-Key} handling); re-sent records are no-ops in any case.
     */
    IntakeResult submit(Actor actor, List<Map<String, String>> rows, String requestId);

    /**
     * A CSV or xlsx file ({@link SettlementFiles}), read in chunks inside one transaction; the same file under the
     * same request id again is answered with the first result ({@link IntakeResult#repeat()}).
     */
    IntakeResult importFile(Actor actor, Path file, String fileName, String requestId);
}
