package org.ordo.backoffice.web;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Locales;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.ordo.platform.security.ApiKeys;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.Users;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins manage the people who log in and the API keys of integrations, and read the security audit log. */
@Controller
@RequestMapping("/admin")
class AdminController {

    private static final int EVENTS_PER_PAGE = 50;

    private final Users users;
    private final ApiKeys keys;
    private final SecurityAuditLog securityLog;

    AdminController(Users users, ApiKeys keys, SecurityAuditLog securityLog) {
        this.users = users;
        this.keys = keys;
        this.securityLog = securityLog;
    }

    @Bean
    static Screen adminScreen() {
        return new Screen("/admin", "nav.admin", 90, Role.ADMIN);
    }

    @GetMapping
    String index() {
        return "redirect:/admin/users";
    }

    @GetMapping("/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Users.PEOPLE_ROLES);
        model.addAttribute("minPassword", Users.MIN_PASSWORD_LENGTH);
        return "backoffice/admin/users";
    }

    @PostMapping("/users")
    String create(@RequestParam String username, @RequestParam String password, @RequestParam String role,
            @RequestParam(defaultValue = Locales.FALLBACK) String locale, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> users.create(username, password, role(role), locale, Actor.current()),
                "admin.user.created", username.trim().toLowerCase());
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/role")
    String changeRole(@PathVariable UUID id, @RequestParam String role, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> {
            Role next = role(role);
            if (next != Role.ADMIN) {
                notMyself(id, "role");
            }
            users.changeRole(id, next);
        }, "admin.user.roleChanged", users.require(id).username());
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> {
            if (!enabled) {
                notMyself(id, "enabled");
            }
            users.enable(id, enabled);
        }, enabled ? "admin.user.wasEnabled" : "admin.user.wasDisabled", users.require(id).username());
        return "redirect:/admin/users";
    }

    @PostMapping("/users/{id}/password")
    String resetPassword(@PathVariable UUID id, @RequestParam String password, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> users.resetPassword(id, password), "admin.user.passwordReset",
                users.require(id).username());
        return "redirect:/admin/users";
    }

    @GetMapping("/api-keys")
    String apiKeys(Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("roles", Role.values());
        return "backoffice/admin/api-keys";
    }

    /** Issues a key; its secret is on the next page once (a flash attribute), never again. */
    @PostMapping("/api-keys")
    String issue(@RequestParam String name, @RequestParam String role, RedirectAttributes redirect) {
        ApiKeys.IssuedKey[] issued = new ApiKeys.IssuedKey[1];
        String trimmed = name.trim();
        boolean ok = Attempt.run(redirect, () -> {
            if (trimmed.isEmpty() || trimmed.length() > 100) {
                throw new InvalidInputException("name", Wording.of("backoffice.must_be_1_100_characters"));
            }
            issued[0] = keys.issue(trimmed, role(role), Actor.current());
        }, "admin.key.issued", trimmed);
        if (ok) {
            redirect.addFlashAttribute("issuedKey", new IssuedSecret(issued[0].info().name(), issued[0].key()));
        }
        return "redirect:/admin/api-keys";
    }

    @PostMapping("/api-keys/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> keys.revoke(id), "admin.key.revoked",
                keys.find(id).map(ApiKeys.ApiKeyInfo::name).orElse(id.toString()));
        return "redirect:/admin/api-keys";
    }

    @GetMapping("/security-events")
    String securityEvents(@RequestParam(required = false) String after, Model model) {
        Slice<SecurityAuditLog.SecurityEvent> events;
        try {
            events = securityLog.newestFirst(EVENTS_PER_PAGE, after);
        } catch (InvalidInputException e) { // a mangled "after" in the address: start at the newest
            events = securityLog.newestFirst(EVENTS_PER_PAGE, null);
        }
        model.addAttribute("events", events);
        return "backoffice/admin/security-events";
    }

    /** A new key's secret for the next page only (in the session, so serializable). */
    record IssuedSecret(String name, String key) implements java.io.Serializable {
    }

    /** An admin cannot lock themselves out (and so leave no admin behind by mistake). */
    private void notMyself(UUID id, String field) {
        if (users.require(id).username().equals(Layout.current().username())) {
            throw new ConflictException("own-user", "Own user", Wording.of("backoffice.you_cannot_take_away_your_own",
                    field));
        }
    }

    private static Role role(String role) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst()
                .orElseThrow(() -> new InvalidInputException("role", Wording.of("platform.must_be_one_of",
                        List.of(Role.values()))));
    }
}
