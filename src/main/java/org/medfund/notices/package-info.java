/**
 * Printable notices as PDF (DESIGN.md §3 notices): 结算及拨付通知书 per hospital and settlement cycle (henan-2023
 * 三(一), 四(二)), 预付金收回通知书 (xinyang-2025 art. 6(五), 10, 11), the annual prepayment disclosure (xinyang-2025 art. 19)
 * and the bank-file summary with its total in capitals. {@link org.medfund.notices.Notices} gathers each notice from
 * the capabilities' facades, scoped like the pages it comes from, and {@code notices.internal} renders the XHTML
 * templates under {@code notices/templates/} to PDF with the Noto Sans SC subset shipped in {@code notices/fonts/}.
 */
package org.medfund.notices;
