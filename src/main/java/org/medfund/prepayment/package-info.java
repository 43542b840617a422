/**
 * Hospital prepayments (预付金 / 预拨) on one engine with two policy packs: Henan's 预拨+结算 (henan-2023 二: grade ≥ 二级,
 * 1.5 × last year's monthly average pooled-fund pay per fund, by Jan 15 holiday-shifted, re-sized and netted 轧差
 * every year, in-province cross-region plans) and Xinyang's 预付管理办法 (xinyang-2025: application with five
 * eligibility conditions art. 3, amount art. 4, emergency adjustment art. 5, workflow and all-or-nothing year-end
 * clearing art. 6, fund gate art. 7, general category only art. 8, nine recovery triggers art. 10, art. 11 stop,
 * court steps and write-off, entries art. 15, service agreements art. 18, disclosure art. 19).
 *
 * <p>This package is the capability's API: the facades {@link org.medfund.prepayment.Prepayments} (register,
 * sizing, approval, disbursement, payment file, disclosure, invariant), {@link org.medfund.prepayment.Recoveries}
 * (clearing, triggers, returns, offsets, art. 11), {@link org.medfund.prepayment.Applications} (Xinyang's route),
 * {@link org.medfund.prepayment.Agreements} and {@link org.medfund.prepayment.FundStatuses} (the maker-checker
 * inputs that decide money) and {@link org.medfund.prepayment.RegionPlans}; the records they return; the states and
 * kinds as enums persisted by name, each with one Chinese {@code label()}; and {@link
 * org.medfund.prepayment.Regime}, the pack parameters in force, each accessor naming the parameter it reads. The
 * engine and all SQL are package-private in {@code prepayment.internal}. Money moves only through
 * {@link org.medfund.ledger.Ledger#post}; settlement takes part through the SPIs it owns
 * ({@link org.medfund.settlement.PaymentOffsets}, {@link org.medfund.settlement.PaymentHolds}).
 */
package org.medfund.prepayment;
