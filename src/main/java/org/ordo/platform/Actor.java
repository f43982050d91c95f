package org.ordo.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for timelines and ledgers: {@code api-key:<name>}, {@code user:<name>} or {@code system}. */
public final class Actor {

    public static final String SYSTEM = "system";

    private Actor() {
    }

    public static String current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof ApiClient client) {
            return "api-key:" + client.name();
        }
        return "user:" + auth.getName();
    }

    /** The API client of the current request, if it came with an API key. */
    public static ApiClient client() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ApiClient client ? client : null;
    }
}
