/** {@code medfund calendar …}: look up a working day, add working days, compute a deadline, load or list notices. */
package org.medfund.cli.calendar;
