package org.ordo.backoffice.web;

import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Role;
import org.ordo.webhooks.WebhookManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Outgoing webhooks for admins: the subscriptions, each one's latest deliveries with the receiver's answers, and
 * the actions a failing receiver needs (send a delivery again, enable a subscription that was disabled). An action on
 * a subscription that no longer exists (deleted through the API while its page was open) changes nothing and leads to
 * the list, which says so.
 */
@Controller
@RequestMapping("/webhooks")
class WebhooksScreenController {

    private static final int DELIVERIES = 100;

    private final WebhookManagement webhooks;

    WebhooksScreenController(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    @Bean
    static Screen webhooksScreen() {
        return new Screen("/webhooks", "nav.webhooks", 85, Role.ADMIN);
    }

    @GetMapping
    String subscriptions(Model model) {
        model.addAttribute("subscriptions", webhooks.subscriptions());
        return "backoffice/webhooks/subscriptions";
    }

    @GetMapping("/{id}")
    String subscription(@PathVariable UUID id, Model model) {
        model.addAttribute("subscription", webhooks.subscription(id));
        model.addAttribute("deliveries", webhooks.deliveries(id, DELIVERIES));
        return "backoffice/webhooks/subscription";
    }

    @PostMapping("/{id}/deliveries/{delivery}/redeliver")
    String redeliver(@PathVariable UUID id, @PathVariable UUID delivery, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> webhooks.redeliver(id, delivery), "webhooks.redelivered");
        return backTo(id, redirect);
    }

    @PostMapping("/{id}/enable")
    String enable(@PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> webhooks.enable(id), "webhooks.enabled");
        return backTo(id, redirect);
    }

    @PostMapping("/{id}/disable")
    String disable(@PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> webhooks.disable(id), "webhooks.disabled");
        return backTo(id, redirect);
    }

    /** Back to the subscription's page; for one that does not exist, that page is a 404 that would not say why. */
    private String backTo(UUID id, RedirectAttributes redirect) {
        if (webhooks.subscriptions().stream().anyMatch(s -> s.id().equals(id))) {
            return "redirect:/webhooks/" + id;
        }
        Flash.error(redirect, "webhooks.missing", id);
        return "redirect:/webhooks";
    }
}
