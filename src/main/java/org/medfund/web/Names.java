package org.medfund.web;

import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names, not codes, on staff pages: templates call {@code @names.org(code)} and {@code @names.user(username)} to
 * print an organisation's or a person's name where a view only carries the code (the code then goes beside it as
 * {@code <small class="code">}). An unknown code prints as itself, so nothing is hidden.
 */
@Component("names")
public class Names {

    private final ObjectProvider<Registry> registry;
    private final ObjectProvider<Users> users;

    Names(ObjectProvider<Registry> registry, ObjectProvider<Users> users) {
        this.registry = registry;
        this.users = users;
    }

    /** The organisation's name (hospital, agency, finance department); null stays null. */
    public String org(String code) {
        Registry orgs = registry.getIfAvailable();
        if (code == null || code.isBlank() || orgs == null) {
            return code;
        }
        return orgs.org(code).map(Org::name).orElse(code);
    }

    /** Whether a user name belongs to a stored account (else the pages print it as a code). */
    public boolean known(String username) {
        Users directory = users.getIfAvailable();
        return username != null && !username.isBlank() && directory != null && directory.find(username).isPresent();
    }

    /** The person's display name for a user name (demo-clerk-411500-agency → 对账专人（演示））; null stays null. */
    public String user(String username) {
        Users directory = users.getIfAvailable();
        if (username == null || username.isBlank() || directory == null) {
            return username;
        }
        return directory.find(username).map(UserAccount::displayName).orElse(username);
    }
}
