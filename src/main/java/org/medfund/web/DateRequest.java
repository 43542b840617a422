package org.medfund.web;

import java.time.LocalDate;

/** The body of a command that needs only its business date, e.g. {@code {"date": "2025-06-30"}}. */
record DateRequest(LocalDate date) {
}
