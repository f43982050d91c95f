package org.ordo.backoffice.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.ordo.platform.security.Person;
import org.ordo.platform.security.Users;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session whose access was taken away (invariant 11 in docs/design.md, ADR 0006): on each request of a
 * logged-in person, asks the database whether the user is still enabled with the access version the session
 * logged in with. If not, the session is invalidated and the request goes on without a login, so it is refused
 * like any other (to the login page, or 401 for htmx). Nothing is cached between requests, so a change made on
 * one node holds on every node from its commit on. Static files are not checked: they grant nothing.
 */
class SessionAccessCheck extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionAccessCheck.class);

    private final Users users;

    SessionAccessCheck(Users users) {
        this.users = users;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/webjars/") || path.startsWith("/backoffice/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() != null
                && !(auth.getPrincipal() instanceof String) && !stillGranted(auth.getPrincipal())) {
            log.info("Session of {} ended: access was taken away since it logged in", auth.getName());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /** A session from before access versions (any other principal) is ended too: its person logs in once more. */
    private boolean stillGranted(Object principal) {
        return principal instanceof Person person && users.stillHasAccess(person.getUsername(), person.accessVersion());
    }
}
