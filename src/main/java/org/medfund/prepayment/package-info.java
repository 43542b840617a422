/**
 * Hospital prepayments (预付金 / 预拨) on one engine with two policy packs: Henan's 预拨+结算 (henan-2023 二: grade ≥ 二级,
 * 1.5 × last year's monthly average pooled-fund pay per fund, by Jan 15 holiday-shifted, re-sized and netted 轧差
 * every year) and Xinyang's 预付管理办法 (xinyang-2025: application with five eligibility conditions art. 3, amount art. 4,
 * emergency adjustment art. 5, workflow and all-or-nothing year-end clearing art. 6, fund gate art. 7, general
 * category only art. 8, nine recovery triggers art. 10, art. 11 stop, court steps and write-off, entries art. 15,
 * disclosure art. 19). Every rule reads its pack parameter ({@link org.medfund.prepayment.Regime}); the inputs that
 * decide money — service agreements and the art. 7 fund status — are maker-checker with evidence
 * ({@link org.medfund.prepayment.Agreements}, {@link org.medfund.prepayment.FundStatuses}).
 * Owns sizing with derivations, eligibility, the prepayment register and its movements; money moves only through
 * {@link org.medfund.ledger.Ledger#post} and offsets through {@link org.medfund.settlement.PaymentOffsets}.
 */
package org.medfund.prepayment;
