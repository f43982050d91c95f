package org.ordo.backoffice.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.backoffice.internal.BackofficeLocales;
import org.ordo.digital.DigitalDelivery;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.shipping.ShippingManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The customer's page of one order, reached by the link in their mails (no login): where the order stands, its
 * parcels with the carriers' tracking links, and its download links, in the customer's language. It shows
 * nothing else (no address, no prices, no other orders); a token that is not valid is the 404 page.
 */
@Controller
class TrackingController {

    private final TrackingTokens tokens;
    private final OrderManagement orders;
    private final ShippingManagement shipping;
    private final DigitalDelivery digital;
    private final org.ordo.returns.ReturnManagement returns;
    private final org.ordo.ordering.CustomerChanges changes;

    TrackingController(TrackingTokens tokens, OrderManagement orders, ShippingManagement shipping,
            DigitalDelivery digital, org.ordo.returns.ReturnManagement returns,
            org.ordo.ordering.CustomerChanges changes) {
        this.changes = changes;
        this.returns = returns;
        this.tokens = tokens;
        this.orders = orders;
        this.shipping = shipping;
        this.digital = digital;
    }

    @GetMapping("/track/{token}")
    String track(@PathVariable String token, @RequestParam(required = false) String download, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        // The token is a key to the order: keep it out of caches, search engines and other sites' Referer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
        Optional<UUID> orderId = tokens.orderOf(token);
        OrderView order;
        try {
            order = orderId.map(orders::require).orElseThrow(() -> new NotFoundException("Order", "of this link"));
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return "error/404";
        }
        request.setAttribute(BackofficeLocales.PAGE_LOCALE, Locale.forLanguageTag(order.customer().locale()));
        model.addAttribute("number", order.number());
        model.addAttribute("placedAt", order.createdAt());
        model.addAttribute("stage", stage(order));
        // the promised day, until the order has arrived or will not (cancelled, returned)
        model.addAttribute("deliverBy", Set.of("received", "backordered", "preparing", "partlyShipped", "shipped")
                .contains(stage(order)) ? order.deliverBy() : null);
        model.addAttribute("shipments", shipping.shipmentsOf(order.id()));
        model.addAttribute("downloads", digital.entitlementsOf(order.id()));
        model.addAttribute("returns", returns.ofOrder(order.id()));
        model.addAttribute("token", token);
        // sent here by a download link that no longer works
        model.addAttribute("downloadGone", "gone".equals(download));
        model.addAttribute("canReturn", !returns.returnable(order.id()).isEmpty());
        model.addAttribute("canChange", changes.isOpen(order));
        return "backoffice/track";
    }

    /** Where the order stands, in the customer's words (one message key per stage). */
    static String stage(OrderView o) {
        if (o.status() == OrderStatus.CANCELLED) {
            return "cancelled";
        }
        FulfillmentStatus f = o.fulfillmentStatus();
        return switch (f) {
            case DELIVERED -> "delivered";
            case SHIPPED -> "shipped";
            case PARTIALLY_SHIPPED -> "partlyShipped";
            case RETURNED -> "returned";
            case PARTIALLY_RETURNED -> "partlyReturned";
            case RELEASED -> "preparing";
            case BACKORDERED -> "backordered";
            case UNFULFILLED -> o.status() == OrderStatus.COMPLETED ? "delivered" : "received";
        };
    }
}
