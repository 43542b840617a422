/**
 * Monthly reconciliation, settlement and payment of hospitals (henan-2023 三(一), 四(二); hainan-2020 art. 16;
 * handan-2020 art. 11). The API is this package: the facades {@link org.medfund.settlement.Reconciliations} (a
 * hospital applies to reconcile month M with its 3201 totals and optionally its 3202 setl_ids; its named clerk
 * 专人对账 checks, a different reviewer confirms; the application deadline comes from the policy pack through the
 * calendar — Henan the 5th of M+1 holiday-shifted, Hainan the 20th — and a late application moves M into the next
 * cycle), {@link org.medfund.settlement.MonthlySettlements} (a payment batch per cycle, approved by finance, paid through
 * the ledger after every {@link org.medfund.settlement.PaymentOffsets} bean has taken its share and held where a
 * {@link org.medfund.settlement.PaymentHolds} bean stops payment, xinyang-2025 art. 11; the henan-2023 三(一) fallback
 * advance trued up at the next real settlement) and {@link org.medfund.settlement.ClearingApplications} (3203/3204);
 * the records they return; the states as enums with one Chinese label ({@link org.medfund.settlement.BatchKind},
 * {@link org.medfund.settlement.BatchStatus}, {@link org.medfund.settlement.ReconciliationStatus},
 * {@link org.medfund.settlement.HoldStatus}, {@link org.medfund.settlement.ClearingStatus}); and settlement's documents
 * ({@link org.medfund.settlement.SettlementNotices}, {@link org.medfund.settlement.BankFiles}), laid out by
 * {@code notices}. The engines and all SQL are package-private in {@code settlement.internal}.
 */
package org.medfund.settlement;
