package org.medfund.web;

import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page (who you are, your organisation and scope, what you can do). */
@Controller
class HomePages {

    private final ObjectProvider<Registry> registry;

    HomePages(ObjectProvider<Registry> registry) {
        this.registry = registry;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MedfundUser user, Model model) {
        model.addAttribute("scope", Scope.of(user, registry.getIfAvailable()));
        model.addAttribute("roleNames", user.actor().roles().stream().sorted().map(HomePages::chinese).toList());
        return "home";
    }

    static String chinese(Role role) {
        if (role == Role.CLERK) {
            return "经办";
        } else if (role == Role.REVIEWER) {
            return "复核";
        } else if (role == Role.FINANCE) {
            return "财务";
        } else if (role == Role.HOSPITAL) {
            return "医疗机构";
        } else if (role == Role.AUDITOR) {
            return "审计";
        }
        return "系统管理员";
    }
}
