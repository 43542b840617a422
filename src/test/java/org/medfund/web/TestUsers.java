package org.medfund.web;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import java.util.Set;
import org.medfund.registry.Role;

/** Stored users for tests that need a real account (a reconciliation clerk must be one), created once per name. */
public final class TestUsers {

    private TestUsers() {
    }

    public static void ensure(Users users, String username, String orgCode, Role... roles) {
        if (users.find(username).isEmpty()) {
            users.create(new UserAccount(username, "测试 " + username, orgCode, Set.of(roles), true), null);
        }
    }
}
