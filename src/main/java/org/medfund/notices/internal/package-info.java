/**
 * The notice engine behind {@link org.medfund.notices.NoticePrinter}: Thymeleaf (XML mode) fills the XHTML
 * templates, openhtmltopdf lays them out on A4 and PDFBox writes the PDF with the shipped CJK font embedded as a
 * subset. The words a notice prints for states and kinds are the owning capability's enum labels, passed in with
 * the notice (DESIGN.md §3: one Chinese label used by every surface).
 */
package org.medfund.notices.internal;
