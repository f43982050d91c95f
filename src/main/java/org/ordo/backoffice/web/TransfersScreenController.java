package org.ordo.backoffice.web;

import java.util.List;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.Numbers;
import org.ordo.platform.Role;
import org.ordo.platform.security.AccessRules;
import org.ordo.purchasing.CloseTransfer;
import org.ordo.purchasing.ReceiveTransfer;
import org.ordo.purchasing.ShipTransfer;
import org.ordo.purchasing.Transfer;
import org.ordo.purchasing.Transfers;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Transfers between warehouses for people (docs/purchasing.md#transfers): ship a SKU from one warehouse to another,
 * see what is in transit, and receive it at the destination, all at once or what arrived of a line, or close it short
 * with a reason when the rest will not arrive. Buyers and the warehouse ship and close; the warehouse receives. The
 * rules are the API's: the same service, the same refusals.
 */
@Controller
@RequestMapping("/transfers")
class TransfersScreenController {

    private static final int PAGE = 50;

    private final Transfers transfers;
    private final InventoryManagement inventory;

    TransfersScreenController(Transfers transfers, InventoryManagement inventory) {
        this.transfers = transfers;
        this.inventory = inventory;
    }

    @Bean
    static Screen transfersScreen() {
        return new Screen("/transfers", "nav.transfers", 39, Role.ADMIN, Role.AGENT, Role.WAREHOUSE,
                Role.PURCHASING);
    }

    @ModelAttribute("mayReceive")
    boolean mayReceive() {
        Layout.Me me = Layout.current();
        return me != null && AccessRules.TRANSFER_RECEIPT_PAGE.allows(me.role());
    }

    @ModelAttribute("mayClose")
    boolean mayClose() {
        Layout.Me me = Layout.current();
        return me != null && AccessRules.TRANSFER_CLOSURE_PAGE.allows(me.role());
    }

    @GetMapping
    String show(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("transfers", transfers.list(null, after == null || after.isBlank() ? null : after, PAGE));
        model.addAttribute("locations", inventory.locations().stream().filter(Location::active).toList());
        return "backoffice/transfers/show";
    }

    /** Ships one SKU; refused input or too little unreserved stock is shown with the reason, and nothing leaves. */
    @PostMapping
    String ship(@RequestParam String from, @RequestParam String to, @RequestParam String sku,
            @RequestParam String quantity, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        Transfer[] shipped = new Transfer[1];
        if (Attempt.run(redirect, () -> shipped[0] = transfers.ship(new ShipTransfer(from, to, List.of(
                new ShipTransfer.Line(sku.trim(), Numbers.whole("quantity", quantity, false))),
                note.isBlank() ? null : note)), "transfers.shipped")) {
            Flash.success(redirect, "transfers.shipped", shipped[0].number());
        }
        return "redirect:/transfers";
    }

    /** Receives what arrived: a quantity of one SKU, or without one everything still in transit. */
    @PostMapping("/{id}/receipt")
    String receive(@PathVariable UUID id, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String quantity, RedirectAttributes redirect) {
        if (!mayReceive()) {
            throw new AccessDeniedException("Only the warehouse receives transfers");
        }
        Transfer[] received = new Transfer[1];
        if (Attempt.run(redirect, () -> received[0] = transfers.receive(id, sku == null || sku.isBlank()
                ? new ReceiveTransfer(null)
                : new ReceiveTransfer(List.of(new ReceiveTransfer.Line(sku, Numbers.whole("quantity", quantity,
                        false))))), "transfers.received")) {
            Flash.success(redirect, "transfers.received", received[0].number());
        }
        return "redirect:/transfers";
    }

    /**
     * Closes a transfer short with a reason: what did not arrive goes back on hand at the source, or with "lost" is
     * written off there. A closure of a transfer no longer in transit is refused with the reason, changing nothing.
     */
    @PostMapping("/{id}/closure")
    String closeShort(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "false") boolean lost, RedirectAttributes redirect) {
        if (!mayClose()) {
            throw new AccessDeniedException("Only the warehouse and buyers close transfers short");
        }
        Transfer[] closed = new Transfer[1];
        if (Attempt.run(redirect, () -> closed[0] = transfers.closeShort(id, new CloseTransfer(reason, lost)),
                "transfers.closed")) {
            Flash.success(redirect, lost ? "transfers.closedLost" : "transfers.closed", closed[0].number(),
                    closed[0].from());
        }
        return "redirect:/transfers";
    }
}
