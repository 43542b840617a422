/** {@code medfund soak …}: reliability runs (crash and restart of a job replaying business days) and their figures. */
package org.medfund.cli.soak;
