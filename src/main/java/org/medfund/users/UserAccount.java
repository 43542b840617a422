package org.medfund.users;

import java.util.Set;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;

/** A user as stored: one organisation, its roles there, and whether it may log in. No secrets. */
public record UserAccount(String username, String displayName, String orgCode, Set<Role> roles, boolean enabled) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public Actor actor() {
        return new Actor(username, orgCode, roles);
    }
}
