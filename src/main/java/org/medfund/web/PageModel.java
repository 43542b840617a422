package org.medfund.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Variables every page's layout needs: {@code currentUser} (the {@link MedfundUser}, null on the login page or when
 * a test's principal is not a {@link MedfundUser}), {@code currentOrgName} and {@code isAdmin}. Set as request
 * attributes before a page's handler runs, which Thymeleaf reads like model attributes (error pages included, they
 * are dispatched through the same handlers). Not a {@code @ControllerAdvice} with {@code @ModelAttribute} methods:
 * Spring applies those to REST controllers too ({@code @RestController} is a {@code @Controller}) and builds an
 * invocable method for each of them on every call, about a tenth of an API request's CPU on the discharge desk;
 * an API call renders no page, so it gets none of these.
 */
@Configuration
@ConditionalOnWebApplication
class PageModel implements WebMvcConfigurer, HandlerInterceptor {

    private final Registry registry;

    PageModel(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry interceptors) {
        interceptors.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (ApiExceptionResolver.isApi(request)) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        MedfundUser user = authentication != null && authentication.getPrincipal() instanceof MedfundUser u
                ? u : null;
        request.setAttribute("currentUser", user);
        request.setAttribute("isAdmin", user != null && user.actor().has(Role.ADMIN));
        if (user != null) {
            // The name of the user's organisation for the user bar (its code is the bar's small second line).
            String code = user.actor().orgCode();
            request.setAttribute("currentOrgName", registry.org(code).map(Org::name).orElse(code));
        }
        return true;
    }
}
