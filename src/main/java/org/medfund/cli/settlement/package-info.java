/** {@code medfund generate settlements} and {@code medfund import settlements}: synthetic files and file intake. */
package org.medfund.cli.settlement;
