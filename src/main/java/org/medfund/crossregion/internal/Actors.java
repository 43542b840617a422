package org.medfund.crossregion.internal;

import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;

/** Who an actor acts for in the cross-region funding and clearing: its province, or its own region at one level. */
final class Actors {

    private Actors() {
    }

    /** The province the actor belongs to (top of its region's lineage). */
    static Region provinceOf(Registry registry, Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        return registry.lineage(own.regionCode()).stream().filter(r -> r.level() == RegionLevel.PROVINCE).findFirst()
                .orElseThrow(() -> new Rejection("crossregion.no-province", "orgCode", own.name() + " 不属于任何省"));
    }

    /** The actor's own region, when it is an organisation of this kind at this level and has the role; else 403. */
    static Region requireAt(Registry registry, Actor actor, RegionLevel level, OrgKind kind, Role role, String code,
                            String message) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        Region region = registry.requireRegion(own.regionCode(), "orgCode");
        if (own.kind() != kind || !actor.has(role) || region.level() != level) {
            throw Rejection.forbidden(code, "orgCode", message);
        }
        return region;
    }
}
