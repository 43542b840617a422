package org.medfund.crossregion;

import java.time.LocalDate;

/**
 * The province centre suspends direct settlement for an insured region that delays payment without cause, until it
 * pays (guizhou-2017 五(一)). The suspension starts on {@code startedOn}; from {@code liftedOn} the region settles again.
 */
public record Suspension(long id, String regionCode, String regionName, LocalDate startedOn, String reason,
                         LocalDate liftedOn, String suspendedByOrgCode, String liftedByOrgCode) {

    public boolean activeOn(LocalDate date) {
        return !date.isBefore(startedOn) && (liftedOn == null || date.isBefore(liftedOn));
    }
}
