package org.medfund.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; the home page (each role's dashboard) is {@code web.workplace.WorkplacePages}. */
@Controller
class HomePages {

    private final LoginThrottle throttle;

    HomePages(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("lockMinutes", throttle.lockMinutes());
        return "login";
    }
}
