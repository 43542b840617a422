/**
 * Web adapter of {@code settlement} and {@code claims}: the settlement intake API and upload page, reconciliation and
 * payment-batch API and pages, and their exports (csv, xlsx). Uses the web shell only.
 */
package org.medfund.web.settlement;
