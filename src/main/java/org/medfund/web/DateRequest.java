package org.medfund.web;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/** The body of a command that needs only its business date, e.g. {@code {"date": "2025-06-30"}}. */
public record DateRequest(@NotNull LocalDate date) {
}
