package org.medfund.web;

import java.util.Collection;
import java.util.List;
import org.medfund.registry.Actor;
import org.medfund.users.Credentials;
import org.medfund.users.UserAccount;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The authenticated principal of a staff session or an API token: a user of one organisation. Controllers take
 * {@code @AuthenticationPrincipal MedfundUser user} and pass {@link #actor()} to the capability they call; tests
 * authenticate with {@code SecurityMockMvcRequestPostProcessors.user(MedfundUser.of(new Actor(...)))} (see
 * {@link SecurityConfig} for the full recipe).
 */
public final class MedfundUser implements UserDetails {

    private final Actor actor;
    private final String displayName;
    private final String passwordHash;
    private final boolean enabled;
    /** The user's session generation when it was loaded from the store; null for test and job principals. */
    private final Integer sessionGeneration;

    public MedfundUser(Actor actor, String displayName, String passwordHash) {
        this(actor, displayName, passwordHash, true, null);
    }

    public MedfundUser(Actor actor, String displayName, String passwordHash, boolean enabled,
                       Integer sessionGeneration) {
        this.actor = actor;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.sessionGeneration = sessionGeneration;
    }

    /** The principal of a stored user, as form login and API tokens load it. */
    public static MedfundUser of(Credentials stored) {
        UserAccount account = stored.account();
        return new MedfundUser(account.actor(), account.displayName(), stored.passwordHash(), account.enabled(),
                stored.sessionGeneration());
    }

    /** A principal for tests and jobs that never log in with a password. */
    public static MedfundUser of(Actor actor) {
        return new MedfundUser(actor, actor.userId(), "{noop}");
    }

    public Actor actor() {
        return actor;
    }

    public String displayName() {
        return displayName;
    }

    /**
     * The generation of the stored user this principal was made from (see {@link SessionCheck}); null for a
     * principal that never came from the store (tests, jobs), which no login session can hold.
     */
    public Integer sessionGeneration() {
        return sessionGeneration;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.userId();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "MedfundUser[" + actor.userId() + "@" + actor.orgCode() + "]";
    }

    public List<String> roleNames() {
        return actor.roles().stream().map(Enum::name).sorted().toList();
    }
}
