package org.medfund.calendar;

import java.time.LocalDate;

/**
 * A due date computed by the calendar, with the basis it was computed from ({@code rule:day-of-month:5:shift+1m@
 * 2026-12}, {@code after:2026-12-28+10}). Capabilities that store a due date store the basis beside it, so that
 * loading a year's notice can recompute every open date that was computed on the provisional year.
 */
public record Due(LocalDate date, String basis) {
}
