package org.ordo.backoffice.web;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.backoffice.internal.BackofficeLocales;
import org.ordo.intake.Intake;
import org.ordo.ordering.ChangedOrder;
import org.ordo.ordering.CustomerChanges;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Actor;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.PreconditionException;
import org.ordo.platform.security.TrackingTokens;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's change form, linked from their order's page while the shop's window is open (no login; the
 * token in the link is the key): another shipping address, another size of a line, in their language. It changes
 * the order the way the API does: through intake (the form's key makes a double click one change), conditional on
 * the version the form showed, through the one change path (docs/order-changes.md#by-the-customer).
 */
@Controller
class CustomerChangeController {

    private static final List<String> ADDRESS_FIELDS = List.of("name", "company", "street", "street2", "postalCode",
            "city", "region", "country", "phone");

    private final TrackingTokens tokens;
    private final OrderManagement orders;
    private final CustomerChanges changes;
    private final Intake intake;
    private final Json json;
    private final MessageSource texts;

    CustomerChangeController(TrackingTokens tokens, OrderManagement orders, CustomerChanges changes, Intake intake,
            Json json, MessageSource texts) {
        this.tokens = tokens;
        this.orders = orders;
        this.changes = changes;
        this.intake = intake;
        this.json = json;
        this.texts = texts;
    }

    @GetMapping("/track/{token}/change")
    String form(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<OrderView> order = order(token, request, response);
        if (order.isEmpty()) {
            return "error/404";
        }
        Map<String, String> address = new LinkedHashMap<>();
        Address shipping = order.get().shippingAddress();
        if (shipping != null) {
            address.put("name", shipping.name());
            address.put("company", shipping.company());
            address.put("street", shipping.street());
            address.put("street2", shipping.street2());
            address.put("postalCode", shipping.postalCode());
            address.put("city", shipping.city());
            address.put("region", shipping.region());
            address.put("country", shipping.country());
            address.put("phone", shipping.phone());
        }
        CustomerChanges.Window window = changes.windowOf(order.get().id());
        Map<Integer, String> chosen = new LinkedHashMap<>();
        order.get().lines().forEach(l -> chosen.put(l.lineNo(), l.sku()));
        return show(model, token, order.get(), window, address, chosen, null, List.of());
    }

    @PostMapping("/track/{token}/change")
    String change(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<OrderView> found = order(token, request, response);
        if (found.isEmpty()) {
            return "error/404";
        }
        OrderView order = found.get();
        CustomerChanges.Window window = changes.windowOf(order.id());
        Map<String, String> fields = new LinkedHashMap<>();
        ADDRESS_FIELDS.forEach(f -> fields.put(f, blankToNull(form.getFirst("address-" + f))));
        Map<Integer, String> chosen = new LinkedHashMap<>();
        order.lines().forEach(l -> {
            String sku = blankToNull(form.getFirst("sku-" + l.lineNo()));
            chosen.put(l.lineNo(), sku == null ? l.sku() : sku);
        });
        Address address = window.address() && fields.values().stream().anyMatch(v -> v != null) ? new Address(fields.get("name"), fields.get("company"),
                fields.get("street"), fields.get("street2"), fields.get("postalCode"), fields.get("city"),
                fields.get("region"), fields.get("country") == null ? null
                        : fields.get("country").toUpperCase(Locale.ROOT), fields.get("phone")) : null;
        Integer version = version(form.getFirst("version"));
        if (version == null) {
            response.setStatus(422);
            return show(model, token, order, window, fields, chosen, "change.customer.refused", List.of());
        }
        CustomerChanges.Request asked = new CustomerChanges.Request(address, chosen);
        byte[] body = json.write(asked).getBytes(StandardCharsets.UTF_8);
        try {
            Actor.as("customer:" + order.customer().email(), () -> intake.takeApiRequest("track:" + order.id(),
                    Actor.current(), form.getFirst("key"), "POST /track/" + order.id() + "/change If-Match "
                            + version, "change", "application/json", body, documentId -> {
                                ChangedOrder changed = changes.change(order.id(), version, asked, documentId);
                                return new Intake.Produced(201, json.write(changed), "ORDER_CHANGE",
                                        changed.change().id());
                            }));
            redirect.addFlashAttribute("changed", true);
            return "redirect:/track/" + token;
        } catch (CustomerChanges.AddressRefused e) {
            // the address's problems in the customer's language, as an agent reads them on the order page
            Locale locale = Locale.forLanguageTag(order.customer().locale());
            response.setStatus(422);
            return show(model, token, order, window, fields, chosen, "change.customer.refused", e.problems().stream()
                    .map(p -> texts.getMessage("address.problem." + p.kind(), new Object[] {p.value(), p.expected(),
                            address.country()}, locale)).toList());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Locale locale = Locale.forLanguageTag(order.customer().locale());
            return show(model, token, order, window, fields, chosen, "change.customer.refused", e.errors().stream()
                    .map(f -> Refusals.sentence(f, locale)).toList());
        } catch (PreconditionException e) {
            response.setStatus(412);
            CustomerChanges.Window now = changes.windowOf(order.id());
            return show(model, token, orders.require(order.id()), now, fields, chosen, "change.customer.stale",
                    List.of());
        } catch (ConflictException e) {
            response.setStatus(409);
            CustomerChanges.Window now = changes.windowOf(order.id());
            return show(model, token, order, now, fields, chosen, now.open() ? "change.customer.refused"
                    : "change.customer.closed." + now.closedBy(), now.open()
                            ? List.of(Refusals.of(e, Locale.forLanguageTag(order.customer().locale()))) : List.of());
        }
    }

    /** The form; {@code problem}: a message key saying what is wrong, {@code details}: the rules' own words. */
    private String show(Model model, String token, OrderView order, CustomerChanges.Window window,
            Map<String, String> address, Map<Integer, String> chosen, String problem, List<String> details) {
        model.addAttribute("token", token);
        model.addAttribute("number", order.number());
        model.addAttribute("window", window);
        model.addAttribute("lines", order.lines().stream().filter(l -> window.sizes().containsKey(l.lineNo()))
                .toList());
        model.addAttribute("address", address);
        model.addAttribute("chosen", chosen);
        model.addAttribute("problem", problem);
        model.addAttribute("details", details);
        // A new key per form shown: sending this form twice is one change, a new form is a new one.
        model.addAttribute("key", UUID.randomUUID().toString());
        return "backoffice/track-change";
    }

    /** The order behind the token, with the page in the customer's language; empty: the 404 page. */
    private Optional<OrderView> order(String token, HttpServletRequest request, HttpServletResponse response) {
        // The token is a key to the order: keep it out of caches, search engines and other sites' Referer.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
        try {
            OrderView order = tokens.orderOf(token).map(orders::require)
                    .orElseThrow(() -> new NotFoundException("Order", "of this link"));
            request.setAttribute(BackofficeLocales.PAGE_LOCALE, Locale.forLanguageTag(order.customer().locale()));
            return Optional.of(order);
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            return Optional.empty();
        }
    }

    private static Integer version(String value) {
        Long version = Numbers.wholeOrNull(value == null ? null : value.trim());
        return version != null && version > 0 && version <= Integer.MAX_VALUE ? version.intValue() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
