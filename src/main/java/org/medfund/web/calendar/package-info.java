/** Web adapter of {@code calendar}: the working-day calendar page and the holiday-notice load pages. */
package org.medfund.web.calendar;
