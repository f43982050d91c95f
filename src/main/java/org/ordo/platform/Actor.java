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

    /** A shop platform acting through its signed webhook: the channel its orders come by and the shop's name. */
    private record Shop(String channel, String name) {
    }

    private static final ThreadLocal<Shop> SHOP = new ThreadLocal<>();

    /**
     * Runs work as a shop platform whose signed webhook reports an order the shop has been paid for: like an API
     * key bound to a marketplace, it may place orders paid elsewhere, on its own {@code channel} only. {@code shop}
     * names it in the books (e.g. {@code shopify:main-store}).
     */
    public static <T> T asShop(String actor, String channel, String shop, java.util.function.Supplier<T> work) {
        Shop before = SHOP.get();
        SHOP.set(new Shop(channel, shop));
        try {
            return as(actor, work);
        } finally {
            if (before == null) {
                SHOP.remove();
            } else {
                SHOP.set(before);
            }
        }
    }

    /** The marketplace (or shop) the current caller may act for; null for every other caller. */
    public static String marketplace() {
        Shop shop = SHOP.get();
        if (shop != null) {
            return shop.name();
        }
        ApiClient client = client();
        return client == null ? null : client.marketplace();
    }

    /**
     * The channel by which orders paid on the caller's marketplace or shop must come: {@code marketplace} for an API
     * key bound to a marketplace, the shop's own channel for a shop's webhook; null for every other caller.
     */
    public static String marketplaceChannel() {
        Shop shop = SHOP.get();
        if (shop != null) {
            return shop.channel();
        }
        ApiClient client = client();
        return client == null || client.marketplace() == null ? null : "marketplace";
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
