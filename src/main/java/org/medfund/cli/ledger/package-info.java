/** {@code medfund ledger …}: verify the hash chains and invariants, close a period. */
package org.medfund.cli.ledger;
