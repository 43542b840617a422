/**
 * Web adapter of {@code prepayment}: the prepayment API, the maker-checker input API and pages (agreements, fund
 * status), the register, bank files and disclosure pages.
 */
package org.medfund.web.prepayment;
