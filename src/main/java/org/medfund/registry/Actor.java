package org.medfund.registry;

import java.util.Set;

/**
 * Who a request acts for: one user of one organisation with its roles. Capabilities take the actor as an argument
 * and check scope through {@link Registry#canSeeRegion} / {@link Registry#canSeeOrg}.
 */
public record Actor(String userId, String orgCode, Set<Role> roles) {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The actor batch jobs and the demo use: acts as the named organisation with every role. */
    public static Actor system(String orgCode) {
        return new Actor("system", orgCode, Set.of(Role.values()));
    }
}
