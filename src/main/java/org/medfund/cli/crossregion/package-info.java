/** {@code medfund crossregion …}: export and import the filing exchange file, look up filings by card number. */
package org.medfund.cli.crossregion;
