/**
 * Implementation of the ledger: the chart and rule files, the single entry writer (checks, locks, batch inserts,
 * hash chain), SQL, audit and reports. Nothing outside {@code org.medfund.ledger} uses this package.
 */
package org.medfund.ledger.internal;
