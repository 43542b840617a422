/**
 * The document writers shared by all capabilities (DESIGN.md §3 notices), below settlement, prepayment and
 * crossregion, which own what their documents say: generic CSV and xlsx tables ({@link org.medfund.notices.Tables}),
 * the bank-file layout of payments with its 合计 row in capitals ({@link org.medfund.notices.PaymentFiles},
 * henan-2023 四(二) 摘要), list exports ({@link org.medfund.notices.XlsxExport}) and printable PDF notices
 * ({@link org.medfund.notices.NoticePrinter}): the XHTML templates under {@code notices/templates/} — 结算及拨付通知书
 * (henan-2023 三(一), 四(二)), 预付金收回通知书 (xinyang-2025 art. 6(五), 10, 11), the annual disclosure (xinyang-2025
 * art. 19), the bank-file summary — rendered by {@code notices.internal} with the Noto Sans SC subset shipped in
 * {@code notices/fonts/}. Depends only on the foundation (common, calendar, registry, policy, ledger).
 */
package org.medfund.notices;
