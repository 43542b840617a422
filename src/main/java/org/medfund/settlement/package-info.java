/**
 * Monthly reconciliation, settlement and payment of hospitals (henan-2023 三(一), hainan-2020 art. 16, handan-2020 art. 11):
 * a hospital applies to reconcile month M with its totals (national message 3201) and optionally its setl_ids
 * (3202); the agency's figures come from stored settlements and the differences are listed per setl_id; the
 * hospital's named clerk (专人对账) checks and a different reviewer confirms. The application deadline comes from
 * the policy pack through the calendar (Henan: the 5th of M+1, holiday-shifted; Hainan: the 20th); a late
 * application moves M into the next cycle. For a cycle the agency prepares a payment batch per hospital and
 * insurance type, a finance user approves it, and payment posts {@code settlement.paid} through the ledger after
 * every {@link org.medfund.settlement.PaymentOffsets} bean has taken its share. When the agency cannot pay on time
 * it pre-pays the last cycle's actual amount (fallback), trued up at the next real settlement. Clearing
 * applications (3203) and their withdrawal (3204) are kept per hospital and cycle.
 */
package org.medfund.settlement;
