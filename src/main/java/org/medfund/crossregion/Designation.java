package org.medfund.crossregion;

import java.time.LocalDate;

/**
 * A hospital's designation for cross-province direct settlement by the province centre (guizhou-2017 四(三)).
 *
 * @param effectiveTo last day, inclusive; null when open-ended
 */
public record Designation(String hospitalCode, String hospitalName, LocalDate effectiveFrom, LocalDate effectiveTo,
                          String designatedByOrgCode) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
