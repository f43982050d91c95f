package org.ordo.backoffice.web;

import java.util.Comparator;
import java.util.List;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Locales;
import org.ordo.platform.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the layout shows on every back-office page: who is logged in, their navigation, the languages. */
@ControllerAdvice(basePackages = "org.ordo.backoffice")
class Layout {

    private final List<Screen> screens;
    private final org.ordo.billing.ShopProfile shop;

    Layout(List<Screen> screens, org.ordo.billing.ShopProfile shop) {
        this.screens = screens.stream().sorted(Comparator.comparingInt(Screen::position)).toList();
        this.shop = shop;
    }

    /**
     * The shop at the top of the sidebar and in the page title: the name and logo an admin set, else the seller's
     * name ({@code ORDO_SELLER_NAME}). Read per page, so that every node shows a change at once.
     */
    @ModelAttribute("shop")
    org.ordo.billing.ShopProfile.Shop shop() {
        return shop.current();
    }

    /** The person logged in; null on pages without login. */
    record Me(String username, Role role) {
    }

    @ModelAttribute("me")
    Me me() {
        return current();
    }

    @ModelAttribute("nav")
    List<Screen> nav() {
        Me me = current();
        return me == null ? List.of() : screens.stream().filter(s -> s.openTo(me.role())).toList();
    }

    /** This page's path, to mark its navigation entry and to come back here after switching the language. */
    @ModelAttribute("path")
    String path(jakarta.servlet.http.HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Locales.SUPPORTED;
    }

    static Me current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()
                || auth instanceof org.springframework.security.authentication.AnonymousAuthenticationToken) {
            return null;
        }
        Role role = auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5))).findFirst().orElse(null);
        return new Me(auth.getName(), role);
    }
}
