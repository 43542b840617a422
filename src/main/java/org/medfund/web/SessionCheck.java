package org.medfund.web;

import org.medfund.users.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a staff session whose user was disabled or whose sessions were ended since it logged in (issue 11 #4: a
 * disabled user's open session still read the journal and uploaded settlements). Every page request of a logged-in
 * user looks the user up (one primary-key read) and compares its enabled flag and session generation with the
 * session's; a session that no longer stands is invalidated and sent to the login page, whatever the request was.
 * Not a Spring bean on purpose (see {@link ApiTokenFilter}).
 */
final class SessionCheck extends OncePerRequestFilter {

    static final String ENDED_URL = "/login?ended";

    private final Users users;

    SessionCheck(Users users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MedfundUser user
                && user.sessionGeneration() != null && !users.sessionValid(user.getUsername(), user.sessionGeneration())) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect(request.getContextPath() + ENDED_URL);
            return;
        }
        chain.doFilter(request, response);
    }
}
