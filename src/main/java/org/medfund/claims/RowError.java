package org.medfund.claims;

/**
 * One problem found in one row of an intake batch or file.
 *
 * @param row 1-based data row number (the header of a file is row 0)
 * @param setlId the row's {@code setl_id} as sent (may be blank)
 * @param field national field name at fault
 * @param code stable code, e.g. {@code claims.amounts-inconsistent}
 */
public record RowError(long row, String setlId, String field, String code, String message) {
}
