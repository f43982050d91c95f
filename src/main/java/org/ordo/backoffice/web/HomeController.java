package org.ordo.backoffice.web;

import java.util.List;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Locales;
import org.ordo.platform.security.Users;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The login page, the start page and the language switch. */
@Controller
class HomeController {

    private final Users users;
    private final LocaleResolver locales;

    HomeController(Users users, LocaleResolver locales) {
        this.users = users;
        this.locales = locales;
    }

    @GetMapping("/login")
    String login() {
        return Layout.current() == null ? "backoffice/login" : "redirect:/";
    }

    /** The first screen of the user's navigation; the start page when their role has none yet. */
    @GetMapping("/")
    String home(@org.springframework.web.bind.annotation.ModelAttribute("nav") List<Screen> nav) {
        return nav.isEmpty() ? "backoffice/home" : "redirect:" + nav.get(0).path();
    }

    /** Switches the language for this session and, when logged in, for the user from now on. */
    @PostMapping("/language")
    String language(@RequestParam String lang, @RequestParam(required = false) String back,
            HttpServletRequest request, HttpServletResponse response) {
        if (Locales.isSupported(lang)) {
            locales.setLocale(request, response, java.util.Locale.forLanguageTag(lang));
            Layout.Me me = Layout.current();
            if (me != null) {
                users.changeLocale(me.username(), lang);
            }
        }
        return "redirect:" + (isLocalPath(back) ? back : "/");
    }

    /**
     * Only a path on this server, never another site, and only characters a URL may carry as they are: a line
     * break or a control character would end up in the Location header (refused there with a 500, or worse).
     */
    static boolean isLocalPath(String back) {
        return back != null && back.length() <= 2000 && back.startsWith("/") && !back.startsWith("//")
                && back.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\' && c != '"' && c != '<' && c != '>');
    }
}
