package org.medfund.web.users;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.medfund.web.MedfundUser;
import java.util.List;
import org.medfund.registry.Registry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/users}: the users an administrator may manage (read-only list; changes go through the CLI). */
@Controller
class UserPages {

    private final Users users;
    private final Registry registry;

    UserPages(Users users, Registry registry) {
        this.users = users;
        this.registry = registry;
    }

    @GetMapping("/admin/users")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@AuthenticationPrincipal MedfundUser user, Model model) {
        List<UserAccount> visible = visibleUsers(user, users, registry);
        java.util.Map<String, String> orgNames = new java.util.HashMap<>();
        visible.forEach(a -> orgNames.computeIfAbsent(a.orgCode(),
                code -> registry.org(code).map(org.medfund.registry.Org::name).orElse(code)));
        model.addAttribute("users", visible);
        model.addAttribute("orgNames", orgNames);
        return "admin-users";
    }

    /** Users of the organisations the administrator's organisation may see. */
    static List<UserAccount> visibleUsers(MedfundUser admin, Users users, Registry registry) {
        return users.list().stream()
                .filter(account -> account.orgCode().equals(admin.actor().orgCode())
                        || registry.canSeeOrg(admin.actor(), account.orgCode()))
                .toList();
    }
}
