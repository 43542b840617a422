/** Web adapter of {@code crossregion}: the cross-region care API (filings, designations, settlement desk) and pages. */
package org.medfund.web.crossregion;
