package org.ordo.backoffice.web;

import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.platform.Role;
import org.ordo.platform.security.AccessRules;
import org.ordo.purchasing.PlacePurchaseOrder;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.ReceivePurchase;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Purchasing in one screen: the open reorder alerts, the suggestions with one click to order them from their
 * supplier, and the latest purchase orders with what each line has received; the warehouse receives against a
 * line here (the scanner's number field takes the quantity).
 */
@Controller
@RequestMapping("/purchasing")
class PurchasingScreenController {

    private static final int PAGE = 50;

    private final PurchasingManagement purchasing;

    PurchasingScreenController(PurchasingManagement purchasing) {
        this.purchasing = purchasing;
    }

    @Bean
    static Screen purchasingScreen() {
        return new Screen("/purchasing", "nav.purchasing", 38, Role.ADMIN, Role.AGENT, Role.WAREHOUSE);
    }

    @ModelAttribute("mayOrder")
    boolean mayOrder() {
        Layout.Me me = Layout.current();
        return me != null && AccessRules.PURCHASE_ORDER_PAGE.allows(me.role());
    }

    @ModelAttribute("mayReceive")
    boolean mayReceive() {
        Layout.Me me = Layout.current();
        return me != null && AccessRules.PURCHASE_RECEIPT_PAGE.allows(me.role());
    }

    @GetMapping
    String show(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("alerts", purchasing.alerts(true, null, PAGE));
        model.addAttribute("suggestions", purchasing.suggestions(null, null));
        model.addAttribute("orders", purchasing.list(null, null, after == null || after.isBlank() ? null : after,
                PAGE));
        return "backoffice/purchasing/show";
    }

    /** One click: a purchase order of the current suggestions for a supplier and location. */
    @PostMapping("/orders")
    String order(@RequestParam String supplier, @RequestParam String location, RedirectAttributes redirect) {
        if (!mayOrder()) {
            throw new AccessDeniedException("Only buyers place purchase orders");
        }
        PurchaseOrder[] placed = new PurchaseOrder[1];
        if (Attempt.run(redirect, () -> placed[0] = purchasing.place(new PlacePurchaseOrder(supplier, location,
                null, true, null, null)), "purchasing.ordered")) {
            Flash.success(redirect, "purchasing.ordered", placed[0].number(), supplier);
        }
        return "redirect:/purchasing";
    }

    /** Goods arrived against a line; more than the tolerance allows is refused with the reason. */
    @PostMapping("/receipts")
    String receive(@RequestParam UUID order, @RequestParam int line, @RequestParam String quantity,
            RedirectAttributes redirect) {
        if (!mayReceive()) {
            throw new AccessDeniedException("Only the warehouse receives goods");
        }
        PurchaseOrder[] received = new PurchaseOrder[1];
        if (Attempt.run(redirect, () -> received[0] = purchasing.receive(order, new ReceivePurchase(line,
                org.ordo.platform.Numbers.whole("quantity", quantity, false), null)), "purchasing.received")) {
            Flash.success(redirect, "purchasing.received", quantity, received[0].number() + "/" + line);
        }
        return "redirect:/purchasing";
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "error/403";
    }
}
