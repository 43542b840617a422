/**
 * The notice engine: Thymeleaf (XML mode) fills the XHTML templates, openhtmltopdf lays them out on A4 and PDFBox
 * writes the PDF with the shipped CJK font embedded as a subset; {@link org.medfund.notices.internal.Labels} holds
 * the Chinese words the notices print for states and kinds.
 */
package org.medfund.notices.internal;
