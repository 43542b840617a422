/**
 * Cross-region care (异地就医), one engine for every regime, the regime chosen by the insured region's policy pack
 * (DESIGN.md §3, §7). This part implements guizhou-2017 (黔人社厅通〔2017〕204号): filing before treatment away from home by the
 * insured region's agency, identified by the social-security card (三(一), 六(二)), with the rollout of filing types
 * per region as pack data (一, 二(一)); filings exported insured region → province → national as a file and imported
 * the other way so the treatment side can look them up; cross-province designated hospitals with effective dates
 * (四(三)); real-time settlement at the discharge desk on the national major-category fee list, the treatment
 * region's catalogue and the insured region's deductible, ratio by hospital grade and annual cap (三(二), 四(二)),
 * with fee details matched later (三(二)); and suspension of an insured region that delays payment (五(一)). The
 * facade is {@link org.medfund.crossregion.CrossRegion}; quotas ({@link org.medfund.crossregion.CrossRegionQuotas})
 * and Henan's funding ({@link org.medfund.crossregion.CrossRegionFunding}) move the money; the county leg of a quota
 * ({@link org.medfund.crossregion.CountyRemittances}, 附件二 一(一)1-2, 二(一)1-2) and the accounts' bank charges and
 * interest ({@link org.medfund.crossregion.BankItems}, 五(三), henan-2023 四(三)) complete the books. The annex 1
 * documents (预付金明细表, 预付金收款通知书, 省内异地就医预付金用款计划) and the national platform's files (附件一 二(一),
 * 三(一)) are {@link org.medfund.crossregion.CrossRegionDocuments}, printed by
 * {@link org.medfund.crossregion.CrossRegionNotices}. Guizhou's clearing (附件一 三, 附件二 二(二)(三)) — the national
 * messages 3260/3261/3262, the monthly cross-province and the quarterly in-province clearing and their write-downs —
 * is {@link org.medfund.crossregion.CrossRegionClearing}, its documents {@link org.medfund.crossregion.ClearingNotices};
 * Henan's monthly clearing is {@link org.medfund.crossregion.MonthlyClearing}, its annual clearing
 * {@link org.medfund.crossregion.CrossRegionAnnualClearing}, their notices {@link org.medfund.crossregion.FundingNotices}.
 * Everything else is in {@code crossregion.internal}.
 */
package org.medfund.crossregion;
