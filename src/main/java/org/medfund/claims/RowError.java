package org.medfund.claims;

/**
 * One problem found in one row of an intake batch or file.
 *
 * @param row in a file, the row's line as Excel numbers it, less one (the header on line 1 is row 0; see
 *            {@link SettlementFiles.NumberedRow}); in an API batch, the 1-based position in the batch
 * @param setlId the row's {@code setl_id} as sent (may be blank)
 * @param field national field name at fault
 * @param code stable code, e.g. {@code claims.amounts-inconsistent}
 */
public record RowError(long row, String setlId, String field, String code, String message) {

    /** The line of a file as Excel or a text editor numbers it: the header is line 1, the first data row line 2. */
    public long line() {
        return row + 1;
    }
}
