/**
 * Settlement intake (结算记录): the settled visits hospitals send every day, under the national medical insurance
 * platform's field names ({@code setl_id}, {@code insutype}, {@code clr_type}, {@code pay_loc}, …; see
 * docs/claims-fields.md), by API batch or CSV/xlsx file. A batch is validated whole (amount identities, dates,
 * regions, the caller's scope, reversals 冲正) and written whole or not at all; re-sent records are no-ops and
 * changed ones conflicts. Records are stored by hospital and period (the month the agency accounts them in): a
 * record for a month the hospital already applied to reconcile goes into the next open month, so a reconciled month
 * never changes (a platform rule; hainan-2020 art. 16 "逾期报送的顺延至下月结算" says the same for Hainan). Exposes
 * totals to settlement and prepayment ({@link org.medfund.claims.SettlementTotals},
 * {@link org.medfund.claims.SettlementRecords}).
 */
package org.medfund.claims;
