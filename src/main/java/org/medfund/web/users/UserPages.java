package org.medfund.web.users;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medfund.common.Rejection;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medfund.web.MedfundUser;
import org.medfund.web.PageRefusal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/users}: the users an administrator may manage, and the two forms an administrator needs on the page
 * (issue 13): create a user of an organisation within its scope, and reset a user's password. A generated password
 * is shown once, on the answer to the form, never in a URL or a log. A refused form stays on the page with the
 * reason. Auditors never reach the forms: the web shell refuses their writes (auth.read-only).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class UserPages {

    private final Users users;
    private final Registry registry;

    UserPages(Users users, Registry registry) {
        this.users = users;
        this.registry = registry;
    }

    @GetMapping("/admin/users")
    String list(@AuthenticationPrincipal MedfundUser user, Model model) {
        return page(user, model);
    }

    @PostMapping("/admin/users")
    String create(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String username,
                  @RequestParam(required = false) String displayName, @RequestParam(required = false) String orgCode,
                  @RequestParam(required = false) Set<Role> roles, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            String org = orgCode == null ? null : orgCode.strip();
            if (org != null && !org.isEmpty() && !inScope(user, org)) {
                throw Rejection.forbidden("user.out-of-scope", "orgCode", "机构 " + org + " 不在本机构管理范围内");
            }
            String name = username == null ? null : username.strip();
            String password = users.create(new UserAccount(name, displayName == null ? null : displayName.strip(),
                    org, roles == null ? Set.of() : roles, true), null);
            model.addAttribute("created", users.require(name, "username"));
            model.addAttribute("password", password);
        } catch (Rejection refused) {
            PageRefusal.mark(request, response, refused);
            model.addAttribute("refused", refused);
            model.addAttribute("draft", new Draft(username, displayName, orgCode, roles == null ? Set.of() : roles));
        }
        return page(user, model);
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@AuthenticationPrincipal MedfundUser user, @PathVariable String username, Model model,
                         HttpServletRequest request, HttpServletResponse response) {
        try {
            UserAccount target = users.require(username, "username");
            if (!inScope(user, target.orgCode())) {
                throw Rejection.forbidden("user.out-of-scope", "username", "用户 " + username + " 不在本机构管理范围内");
            }
            if (target.username().equals(user.getUsername())) {
                throw new Rejection("user.self-reset", "username", "不能在此重置自己的密码，请由另一位管理员办理");
            }
            model.addAttribute("password", users.resetPassword(username));
            model.addAttribute("reset", target);
        } catch (Rejection refused) {
            PageRefusal.mark(request, response, refused);
            model.addAttribute("refused", refused);
        }
        return page(user, model);
    }

    /** What a refused create form sent, so the administrator corrects it rather than typing it again. */
    record Draft(String username, String displayName, String orgCode, Set<Role> roles) {
    }

    private String page(MedfundUser user, Model model) {
        List<UserAccount> visible = visibleUsers(user, users, registry);
        java.util.Map<String, String> orgNames = new java.util.HashMap<>();
        visible.forEach(a -> orgNames.computeIfAbsent(a.orgCode(),
                code -> registry.org(code).map(org.medfund.registry.Org::name).orElse(code)));
        model.addAttribute("users", visible);
        model.addAttribute("orgNames", orgNames);
        model.addAttribute("orgs", orgsInScope(user));
        model.addAttribute("roles", EnumSet.allOf(Role.class));
        return "admin-users";
    }

    private boolean inScope(MedfundUser admin, String orgCode) {
        return orgCode.equals(admin.actor().orgCode()) || registry.canSeeOrg(admin.actor(), orgCode);
    }

    /** Organisations offered in the create form's list (a province has thousands); others are typed by code. */
    static final int ORGS_LISTED_MAX = 500;

    /** The organisations a new user may belong to: those of the administrator's region and the regions below it. */
    private List<Org> orgsInScope(MedfundUser admin) {
        Org own = registry.org(admin.actor().orgCode()).orElse(null);
        if (own == null) {
            return List.of();
        }
        List<String> regions = new java.util.ArrayList<>();
        regions.add(own.regionCode());
        registry.descendants(own.regionCode()).forEach(r -> regions.add(r.code()));
        List<Org> orgs = new java.util.ArrayList<>();
        for (String region : regions) {
            for (org.medfund.registry.OrgKind kind : org.medfund.registry.OrgKind.values()) {
                for (Org o : registry.orgs(region, kind)) {
                    if (orgs.size() < ORGS_LISTED_MAX && inScope(admin, o.code())) {
                        orgs.add(o);
                    }
                }
            }
        }
        return orgs;
    }

    /** Users of the organisations the administrator's organisation may see. */
    static List<UserAccount> visibleUsers(MedfundUser admin, Users users, Registry registry) {
        return users.list().stream()
                .filter(account -> account.orgCode().equals(admin.actor().orgCode())
                        || registry.canSeeOrg(admin.actor(), account.orgCode()))
                .toList();
    }
}
