package org.medfund.web;

import java.util.List;
import org.medfund.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/users}: the users an administrator may manage (read-only list; changes go through the CLI). */
@Controller
class UserPages {

    private final Users users;
    private final ObjectProvider<Registry> registry;

    UserPages(Users users, ObjectProvider<Registry> registry) {
        this.users = users;
        this.registry = registry;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@AuthenticationPrincipal MedfundUser user, Model model) {
        model.addAttribute("users", visibleUsers(user, users, registry.getIfAvailable()));
        return "admin-users";
    }

    /** Users of the organisations the administrator's organisation may see (its own when the registry is absent). */
    static List<UserAccount> visibleUsers(MedfundUser admin, Users users, Registry registry) {
        return users.list().stream()
                .filter(account -> account.orgCode().equals(admin.actor().orgCode())
                        || registry != null && registry.canSeeOrg(admin.actor(), account.orgCode()))
                .toList();
    }
}
