/**
 * Settlement intake (结算记录): the settled visits hospitals send every day, under the national medical insurance
 * platform's field names ({@code setl_id}, {@code insutype}, {@code clr_type}, {@code pay_loc}, …; see
 * docs/claims-fields.md), by API batch or CSV/xlsx file. A batch is validated whole (amount identities, dates,
 * regions, the caller's scope, reversals 冲正) and written whole or not at all; re-sent records are no-ops and
 * changed ones conflicts. Records are stored by hospital and period (the month the agency accounts them in): a
 * record for a month the hospital already applied to reconcile goes into the next open month, so a reconciled month
 * never changes (a platform rule; hainan-2020 art. 16 "逾期报送的顺延至下月结算" says the same for Hainan). The API
 * is this package: {@link org.medfund.claims.SettlementIntake}, {@link org.medfund.claims.SettlementSubmissions},
 * the totals other capabilities read ({@link org.medfund.claims.SettlementTotals} for prepayment sizing, henan-2023
 * 二(二) and xinyang-2025 art. 4; {@link org.medfund.claims.SettlementRecords} for reconciliation, henan-2023 三(一)),
 * the record in named parts ({@link org.medfund.claims.SettlementRecord}) and the file formats; who settles a
 * hospital follows handan-2020 art. 11 ({@link org.medfund.claims.SettlingAgency}). Parsing, checks and SQL are
 * package-private in {@code claims.internal}.
 */
package org.medfund.claims;
