package org.medfund.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Model attributes every page's layout needs: {@code currentUser} (the {@link MedfundUser}, null on the login
 * page or when a test's principal is not a {@link MedfundUser}) and {@code isAdmin}. Spring applies it to REST
 * controllers too ({@code @RestController} is a {@code @Controller}); there it costs two trivial lookups.
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    @ModelAttribute("currentUser")
    MedfundUser currentUser(@AuthenticationPrincipal MedfundUser user) {
        return user;
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(@AuthenticationPrincipal MedfundUser user) {
        return user != null && user.actor().has(org.medfund.registry.Role.ADMIN);
    }
}
