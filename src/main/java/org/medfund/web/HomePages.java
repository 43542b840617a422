package org.medfund.web;

import org.medfund.registry.RoleLabels;
import org.medfund.registry.Registry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the home page (who you are, your organisation and scope, what you can do). */
@Controller
class HomePages {

    private final Registry registry;
    private final LoginThrottle throttle;

    HomePages(Registry registry, LoginThrottle throttle) {
        this.registry = registry;
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", throttle.lockMinutes());
        return "login";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MedfundUser user, Model model) {
        model.addAttribute("scope", Scope.of(user, registry));
        model.addAttribute("roleNames", RoleLabels.of(user.actor().roles()));
        return "home";
    }
}
