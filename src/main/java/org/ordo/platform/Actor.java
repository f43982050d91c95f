package org.ordo.platform;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for timelines and ledgers: {@code api-key:<name>}, {@code user:<name>} or {@code system}. */
public final class Actor {

    public static final String SYSTEM = "system";

    private Actor() {
    }

    private static final ThreadLocal<String> ACTING = new ThreadLocal<>();

    public static String current() {
        if (ACTING.get() != null) {
            return ACTING.get();
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth.getPrincipal() == null
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return SYSTEM;
        }
        if (auth.getPrincipal() instanceof ApiClient client) {
            return "api-key:" + client.name();
        }
        return "user:" + auth.getName();
    }

    /**
     * Runs work on behalf of someone who proved who they are without an API key (a signed webhook: e.g.
     * {@code webhook:stripe}), so that timelines and ledgers name them.
     */
    public static <T> T as(String actor, java.util.function.Supplier<T> work) {
        String before = ACTING.get();
        ACTING.set(actor);
        try {
            return work.get();
        } finally {
            if (before == null) {
                ACTING.remove();
            } else {
                ACTING.set(before);
            }
        }
    }

    /** The marketplace the current caller's API key may act for; null for every other caller. */
    public static String marketplace() {
        ApiClient client = client();
        return client == null ? null : client.marketplace();
    }

    /** True when the current caller is an administrator: an API key or a person with the ADMIN role. */
    public static boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.isAuthenticated() && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
    }

    /** The API client of the current request, if it came with an API key. */
    public static ApiClient client() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof ApiClient client ? client : null;
    }
}
