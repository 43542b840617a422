/** Web adapter of {@code ledger}: postings and reports API (trial balance, journal, detail ledger), pages and xlsx. */
package org.medfund.web.ledger;
