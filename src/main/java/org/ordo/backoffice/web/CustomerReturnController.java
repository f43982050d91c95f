package org.ordo.backoffice.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ordo.backoffice.internal.BackofficeLocales;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.security.TrackingTokens;
import org.ordo.returns.RequestReturn;
import org.ordo.returns.ReturnManagement;
import org.ordo.returns.ReturnReason;
import org.ordo.returns.ReturnRefused;
import org.ordo.returns.ReturnView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer's return form, linked from their order's page (no login; the token in the link is the key): the
 * shipped lines they can still send back, how many and why, in their language, and a refund or an exchange (an
 * article and how many instead). It asks the way the API does: through intake (the form's key makes a double click
 * one return) and the same rules, whose refusals are shown in the customer's language.
 */
@Controller
class CustomerReturnController {

    private final TrackingTokens tokens;
    private final OrderManagement orders;
    private final ReturnManagement returns;
    private final Intake intake;
    private final Json json;

    CustomerReturnController(TrackingTokens tokens, OrderManagement orders, ReturnManagement returns, Intake intake,
            Json json) {
        this.tokens = tokens;
        this.orders = orders;
        this.returns = returns;
        this.intake = intake;
        this.json = json;
    }

    /** What the customer wrote besides the lines: refund or exchange (and for what), a note, an IBAN. */
    record Wish(String resolution, String exchangeSku, String exchangeQuantity, String note, String iban) {

        public boolean exchange() {
            return "EXCHANGE".equals(resolution);
        }
    }

    /** A refusal of the rules, as a message key of the page's language and its values. */
    record Detail(String key, Object[] args) {
    }

    /** A line of the form as the customer left it. */
    record Choice(ReturnManagement.Returnable line, long quantity, String reason) {
    }

    @GetMapping("/track/{token}/return")
    String form(@PathVariable String token, Model model, HttpServletRequest request, HttpServletResponse response) {
        Optional<OrderView> order = order(token, request, response);
        if (order.isEmpty()) {
            return "error/404";
        }
        List<Choice> choices = returns.returnable(order.get().id()).stream()
                .map(l -> new Choice(l, 0, ReturnReason.WRONG_SIZE.name())).toList();
        return show(model, token, order.get(), choices, new Wish("REFUND", null, null, null, null), null, List.of());
    }

    @PostMapping("/track/{token}/return")
    String request(@PathVariable String token, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Optional<OrderView> found = order(token, request, response);
        if (found.isEmpty()) {
            return "error/404";
        }
        OrderView order = found.get();
        List<Choice> choices = new ArrayList<>();
        List<RequestReturn.Line> lines = new ArrayList<>();
        boolean unreadable = false;
        for (ReturnManagement.Returnable line : returns.returnable(order.id())) {
            long quantity = quantity(form.getFirst("quantity-" + line.lineNo()));
            unreadable |= quantity < 0;
            String reason = form.getFirst("reason-" + line.lineNo());
            choices.add(new Choice(line, Math.max(0, quantity), reason));
            if (quantity > 0) {
                lines.add(new RequestReturn.Line(line.lineNo(), quantity, reason, form.getFirst("note")));
            }
        }
        Wish wish = new Wish("EXCHANGE".equals(form.getFirst("resolution")) ? "EXCHANGE" : "REFUND",
                blankToNull(form.getFirst("exchange-sku")), blankToNull(form.getFirst("exchange-quantity")),
                form.getFirst("note"), blankToNull(form.getFirst("iban")));
        if (unreadable || wish.exchangeQuantity() != null && quantity(wish.exchangeQuantity()) < 0) {
            // a count that is no whole number as written (٣, 1.5, abc) is refused, never read as another number
            response.setStatus(422);
            return show(model, token, order, choices, wish, "return.refused",
                    List.of(new Detail("return.refusal.OTHER", new Object[0])));
        }
        if (lines.isEmpty()) {
            response.setStatus(422);
            return show(model, token, order, choices, wish, "return.nothingChosen", List.of());
        }
        List<RequestReturn.Exchange> exchange = !wish.exchange() ? List.of()
                : List.of(new RequestReturn.Exchange(wish.exchangeSku(), wish.exchangeQuantity() == null ? null
                        : quantity(wish.exchangeQuantity()) == 0 ? null : quantity(wish.exchangeQuantity())));
        String key = form.getFirst("key");
        RequestReturn command = new RequestReturn(lines, wish.resolution(), exchange, wish.iban(), null,
                blankToNull(wish.note()));
        byte[] body = json.write(command).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            Intake.Taken taken = Actor.as("customer:" + order.customer().email(), () -> intake.takeApiRequest(
                    "track:" + order.id(), Actor.current(), key, "POST /track/" + order.id() + "/return", "return",
                    "application/json", body, documentId -> {
                        ReturnView made = returns.request(order.id(), command, documentId);
                        return new Intake.Produced(201, json.write(made), "RETURN", made.id());
                    }));
            redirect.addFlashAttribute("returned", returns.require(taken.producedId()).number());
            return "redirect:/track/" + token;
        } catch (ReturnRefused e) {
            response.setStatus(422);
            return show(model, token, order, choices, wish, "return.refused", e.refusals().stream()
                    .map(r -> new Detail("return.refusal." + r.kind().name(), r.args().toArray())).toList());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return show(model, token, order, choices, wish, "return.refused",
                    List.of(new Detail("return.refusal.OTHER", new Object[0])));
        } catch (ConflictException e) {
            // the replacement's article is short (the whole return is refused), or the order changed meanwhile
            response.setStatus(409);
            return show(model, token, order, choices, wish, "return.refused", List.of(new Detail(wish.exchange()
                    ? "return.refusal.EXCHANGE_SHORT" : "return.refusal.OTHER", new Object[] {wish.exchangeSku()})));
        }
    }

    /** The form; {@code problem}: a message key saying what is wrong, {@code details}: the rules' refusals. */
    private String show(Model model, String token, OrderView order, List<Choice> choices, Wish wish,
            String problem, List<Detail> details) {
        model.addAttribute("token", token);
        model.addAttribute("number", order.number());
        model.addAttribute("choices", choices);
        model.addAttribute("reasons", ReturnReason.values());
        model.addAttribute("wish", wish);
        model.addAttribute("problem", problem);
        model.addAttribute("details", details);
        // A new key per form shown: sending this form twice is one return, a new form is a new one.
        model.addAttribute("key", UUID.randomUUID().toString());
        return "backoffice/track-return";
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

    /** A count as typed: blank is 0, a whole number of ASCII digits itself, anything else -1 (refused). */
    private static long quantity(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        Long quantity = Numbers.wholeOrNull(value.trim());
        return quantity == null || quantity < 0 ? -1 : quantity;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

}
