/**
 * Printable notices as PDF (DESIGN.md §3 notices): 结算及拨付通知书 per hospital and settlement cycle (seed 000
 * 三(一), 四(二)), 预付金收回通知书 (seed 002 art. 6(五), 10, 11), the annual prepayment disclosure (seed 002 art. 19)
 * and the bank-file summary with its total in capitals. {@link org.medfund.notices.Notices} gathers each notice from
 * the capabilities' facades, scoped like the pages it comes from, and {@code notices.internal} renders the XHTML
 * templates under {@code notices/templates/} to PDF with the Noto Sans SC subset shipped in {@code notices/fonts/}.
 */
package org.medfund.notices;
