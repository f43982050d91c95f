package org.ordo.platform.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.platform.ApiClient;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer <api key>}; a key that is unknown or revoked is answered 401 at once.
 * Requests to open rows of {@link AccessRules} pass without a look at the header: a webhook, a download link or the
 * API description works the same whatever header a client (or Swagger UI) adds.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;
    private final RequestMatcher open;
    private final AuthenticationEntryPoint entryPoint;
    private final Unavailable unavailable;

    ApiKeyAuthenticationFilter(ApiKeys keys, RequestMatcher open, AuthenticationEntryPoint entryPoint,
            Unavailable unavailable) {
        this.keys = keys;
        this.open = open;
        this.entryPoint = entryPoint;
        this.unavailable = unavailable;
    }

    /** Answers a request whose key cannot be checked because the database cannot be reached. */
    @FunctionalInterface
    interface Unavailable {
        void answer(HttpServletResponse response, Exception cause) throws IOException;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank() || open.matches(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() > 200) {
            entryPoint.commence(request, response, new BadCredentialsException("Use Authorization: Bearer <API key>"));
            return;
        }
        ApiClient client;
        try {
            client = keys.authenticate(header.substring(7).trim()).orElse(null);
        } catch (DataAccessResourceFailureException | TransientDataAccessException e) {
            // The database is away, so the key cannot be checked: say so (503, try again) rather than fail with
            // a 500 from outside the MVC exception handling.
            unavailable.answer(response, e);
            return;
        }
        if (client == null) {
            entryPoint.commence(request, response, new BadCredentialsException("The API key is unknown or revoked"));
            return;
        }
        var auth = new UsernamePasswordAuthenticationToken(client, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + client.role().name())));
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
