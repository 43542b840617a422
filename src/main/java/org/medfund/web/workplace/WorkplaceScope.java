package org.medfund.web.workplace;

import java.util.List;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.web.Scope;

/**
 * The agencies whose month a user's dashboard covers: those of the regions in its {@link Scope} (a city: itself and
 * its counties; the province: every agency), own region first.
 */
record WorkplaceScope(Scope scope, List<Org> agencies) {

    WorkplaceScope {
        agencies = List.copyOf(agencies);
    }

    static WorkplaceScope of(Scope scope, Registry registry) {
        List<Org> agencies = scope.regionCodes().stream()
                .flatMap(region -> registry.agencyOf(region).stream())
                .distinct().toList();
        return new WorkplaceScope(scope, agencies);
    }

    /** A superior agency (city, province): it supervises the months of agencies below it. */
    boolean supervises() {
        return agencies.size() > 1;
    }
}
