package org.medfund.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Model attributes every page's layout needs: {@code currentUser} (the {@link MedfundUser}, null on the login
 * page or when a test's principal is not a {@link MedfundUser}), {@code currentOrgName} and {@code isAdmin}. Spring applies it to REST
 * controllers too ({@code @RestController} is a {@code @Controller}); an API call renders no page, so there the
 * organisation's name is not looked up (it was one database round trip on every API call, the discharge desk's too).
 */
@ControllerAdvice(annotations = Controller.class)
class PageModel {

    private final org.medfund.registry.Registry registry;

    PageModel(org.medfund.registry.Registry registry) {
        this.registry = registry;
    }

    /** The name of the user's organisation for the user bar (its code is the bar's small second line). */
    @ModelAttribute("currentOrgName")
    String currentOrgName(@AuthenticationPrincipal MedfundUser user, jakarta.servlet.http.HttpServletRequest request) {
        if (user == null || ApiExceptionResolver.isApi(request)) {
            return null;
        }
        String code = user.actor().orgCode();
        return registry.org(code).map(org.medfund.registry.Org::name).orElse(code);
    }

    @ModelAttribute("currentUser")
    MedfundUser currentUser(@AuthenticationPrincipal MedfundUser user) {
        return user;
    }

    @ModelAttribute("isAdmin")
    boolean isAdmin(@AuthenticationPrincipal MedfundUser user) {
        return user != null && user.actor().has(org.medfund.registry.Role.ADMIN);
    }
}
