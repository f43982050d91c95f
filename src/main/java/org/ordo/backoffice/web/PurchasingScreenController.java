package org.ordo.backoffice.web;

import java.util.List;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.StoredDocument;
import org.ordo.catalog.Catalog;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.platform.Wording;
import org.ordo.platform.security.AccessRules;
import org.ordo.purchasing.ChangePurchaseOrder;
import org.ordo.purchasing.ConfirmPurchaseOrder;
import org.ordo.purchasing.PlacePurchaseOrder;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.ReceivePurchase;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Purchasing in one screen: the open reorder alerts, the suggestions with one click to order them from their
 * supplier, and the latest purchase orders with what each line has received; the warehouse receives against a
 * line here (the scanner's number field takes the quantity). Each purchase order has its own page, where buyers
 * confirm a line, change it, cancel the order or close it short, and where the warehouse receives by scanning the
 * article (its SKU in any case, or its GTIN) and entering how many arrived.
 */
@Controller
@RequestMapping("/purchasing")
class PurchasingScreenController {

    private static final int PAGE = 50;

    private final PurchasingManagement purchasing;
    private final Catalog catalog;
    private final org.ordo.inventory.InventoryManagement inventory;

    private final org.ordo.space.SpaceManagement space;
    private final DocumentArchive archive;

    PurchasingScreenController(PurchasingManagement purchasing, Catalog catalog,
            org.ordo.inventory.InventoryManagement inventory, org.ordo.space.SpaceManagement space,
            DocumentArchive archive) {
        this.space = space;
        this.archive = archive;
        this.purchasing = purchasing;
        this.catalog = catalog;
        this.inventory = inventory;
    }

    @Bean
    static Screen purchasingScreen() {
        return new Screen("/purchasing", "nav.purchasing", 38, Role.ADMIN, Role.AGENT, Role.WAREHOUSE,
                Role.PURCHASING);
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
            @RequestParam(required = false) String back, @RequestParam(defaultValue = "") String bin,
            RedirectAttributes redirect) {
        if (!mayReceive()) {
            throw new AccessDeniedException("Only the warehouse receives goods");
        }
        PurchaseOrder[] received = new PurchaseOrder[1];
        // the bin scanned (or the suggested one the field was filled with); empty: putaway by space decides
        if (Attempt.run(redirect, () -> received[0] = purchasing.receive(order, new ReceivePurchase(line,
                org.ordo.platform.Numbers.whole("quantity", quantity, false), null,
                bin.isBlank() ? null : bin.trim())), "purchasing.received")) {
            Flash.success(redirect, "purchasing.received", quantity, received[0].number() + "/" + line);
        }
        // from the scanner on the order's own page: back there, ready for the next article
        return "order".equals(back) ? "redirect:/purchasing/orders/" + order : "redirect:/purchasing";
    }

    /**
     * A scanner's code on a purchase order's page: the open line of the article it names (its SKU in any case, or
     * its GTIN) is the one to receive, and the page asks how many arrived. Another article, or one with nothing
     * open on this order, is refused with the word (and a sound), and nothing changes.
     */
    @PostMapping("/receipts/scan")
    String scan(@RequestParam UUID order, @RequestParam(defaultValue = "") String code, RedirectAttributes redirect) {
        Layout.Me me = Layout.current();
        if (me == null || !AccessRules.PURCHASE_SCAN_PAGE.allows(me.role())) {
            throw new AccessDeniedException("Only the warehouse receives goods");
        }
        PurchaseOrder po = purchasing.require(order);
        java.util.Optional<PurchaseOrder.Line> line = po.status().isOpen() ? po.lines().stream()
                .filter(l -> l.open() > 0 && catalog.scanNames(code, l.sku())).findFirst() : java.util.Optional.empty();
        if (line.isEmpty()) {
            redirect.addFlashAttribute("scanRefused", code.trim().isEmpty() ? "-" : code.trim());
            return "redirect:/purchasing/orders/" + order;
        }
        return "redirect:/purchasing/orders/" + order + "?line=" + line.get().lineNo();
    }

    // --- stock policies ---------------------------------------------------------------------------------------------

    /** A SKU's stock policies, one per warehouse, and for buyers the form that sets one. */
    @GetMapping("/policies")
    String policies(@RequestParam(defaultValue = "") String sku, Model model) {
        String wanted = sku.trim();
        model.addAttribute("sku", wanted);
        model.addAttribute("policies", wanted.isEmpty() || catalog.find(wanted).isEmpty() ? List.of()
                : purchasing.policies(wanted));
        model.addAttribute("unknown", !wanted.isEmpty() && catalog.find(wanted).isEmpty());
        model.addAttribute("locations", inventory.locations().stream()
                .filter(org.ordo.inventory.Location::active).toList());
        model.addAttribute("mayEditPolicy", mayEditPolicy());
        return "backoffice/purchasing/policies";
    }

    /** Sets a SKU's policy at a warehouse; refused input is shown with every faulty field, and nothing changes. */
    @PostMapping("/policies")
    String setPolicy(@RequestParam String sku, @RequestParam String location, @RequestParam String reorderPoint,
            @RequestParam(defaultValue = "") String targetLevel, @RequestParam(defaultValue = "") String reorderQuantity,
            @RequestParam(defaultValue = "") String safetyStock, @RequestParam(defaultValue = "") String demandWeeks,
            @RequestParam(defaultValue = "") String supplier, @RequestParam(defaultValue = "") String supplierArticle,
            @RequestParam(defaultValue = "") String purchasePrice, @RequestParam(defaultValue = "") String currency,
            @RequestParam(defaultValue = "") String packSize, @RequestParam(defaultValue = "") String minimumOrder,
            @RequestParam(defaultValue = "") String leadTimeDays, RedirectAttributes redirect) {
        if (!mayEditPolicy()) {
            throw new AccessDeniedException("Only buyers set stock policies");
        }
        Attempt.run(redirect, () -> purchasing.setPolicy(sku.trim(), new org.ordo.purchasing.StockPolicyDraft(
                location, org.ordo.platform.Numbers.whole("reorderPoint", reorderPoint, false),
                optional("targetLevel", targetLevel), optional("reorderQuantity", reorderQuantity),
                optional("safetyStock", safetyStock), blank(supplier), blank(supplierArticle),
                purchasePrice.isBlank() ? null : new org.ordo.platform.MoneyInput(purchasePrice.trim(),
                        currency.trim()), optional("packSize", packSize), optional("minimumOrder", minimumOrder),
                days("leadTimeDays", leadTimeDays), null, days("demandWeeks", demandWeeks))),
                "purchasing.policy.saved", sku.trim(), location);
        return "redirect:/purchasing/policies?sku=" + Redirects.query(sku.trim());
    }

    private static boolean mayEditPolicy() {
        Layout.Me me = Layout.current();
        return me != null && AccessRules.STOCK_POLICY_PAGE.allows(me.role());
    }

    private static Long optional(String field, String text) {
        return text == null || text.isBlank() ? null : org.ordo.platform.Numbers.whole(field, text, false);
    }

    /** A count of days or weeks; one too big for an int is still refused by the policy's own bound. */
    private static Integer days(String field, String text) {
        Long value = optional(field, text);
        return value == null ? null : (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    // --- a purchase order's own page and its forms ---------------------------------------------------------------

    /** One purchase order with its lines and, for buyers, the forms that confirm, change, cancel or close it. */
    @GetMapping("/orders/{id}")
    String order(@PathVariable String id, @RequestParam(required = false) Integer line, Model model) {
        PurchaseOrder order = purchasing.require(purchasing.idOf(id));
        model.addAttribute("order", order);
        model.addAttribute("pdfs", purchasing.documents(order.id()));
        // the line a scan found, to receive now
        PurchaseOrder.Line scanned = line == null || !order.status().isOpen() ? null : order.lines().stream()
                .filter(l -> l.lineNo() == line && l.open() > 0).findFirst().orElse(null);
        model.addAttribute("scannedLine", scanned);
        // where the goods would go: the bin field starts with it, and scanning a bin's label replaces it
        var suggested = scanned == null ? null : space.suggestPutaway(order.location(), scanned.sku(), scanned.open());
        model.addAttribute("binsKept", suggested != null
                && suggested.reason() != org.ordo.space.PutawaySuggestion.Reason.NO_BINS);
        model.addAttribute("suggestedBin", suggested == null || suggested.shares().size() > 1 ? null
                : suggested.bin());
        return "backoffice/purchasing/order";
    }

    /** A PDF the supplier got of this order (one per revision), exactly as stored and mailed. */
    @GetMapping("/orders/{id}/documents/{documentId}")
    ResponseEntity<byte[]> document(@PathVariable String id, @PathVariable UUID documentId) {
        StoredDocument pdf = purchasing.documents(purchasing.idOf(id)).stream()
                .filter(d -> d.id().equals(documentId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Document", documentId));
        return StoredFiles.inline(archive.file(pdf.id()));
    }

    /** The supplier's confirmation of one line: quantity and delivery date, which becomes the expected date. */
    @PostMapping("/orders/{id}/confirmation")
    String confirm(@PathVariable UUID id, @RequestParam int line, @RequestParam String quantity,
            @RequestParam String deliveryDate, RedirectAttributes redirect) {
        requireBuyer();
        Attempt.run(redirect, () -> purchasing.confirm(id, new ConfirmPurchaseOrder(List.of(
                new ConfirmPurchaseOrder.Line(line, org.ordo.platform.Numbers.whole("quantity", quantity, false),
                        date("deliveryDate", deliveryDate))))), "purchasing.po.confirmed-flash", line);
        return "redirect:/purchasing/orders/" + id;
    }

    /** A change of one line's quantity or expected date, with a reason; the supplier gets the new revision. */
    @PostMapping("/orders/{id}/change")
    String change(@PathVariable UUID id, @RequestParam int line, @RequestParam(required = false) String quantity,
            @RequestParam(required = false) String expectedOn, @RequestParam String reason,
            RedirectAttributes redirect) {
        requireBuyer();
        Attempt.run(redirect, () -> purchasing.change(id, new ChangePurchaseOrder(reason, List.of(
                new ChangePurchaseOrder.Line(line, quantity == null || quantity.isBlank() ? null
                        : org.ordo.platform.Numbers.whole("quantity", quantity, false),
                        expectedOn == null || expectedOn.isBlank() ? null : date("expectedOn", expectedOn))))),
                "purchasing.po.changed-flash", line);
        return "redirect:/purchasing/orders/" + id;
    }

    @PostMapping("/orders/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes redirect) {
        requireBuyer();
        Attempt.run(redirect, () -> purchasing.cancel(id, reason), "purchasing.po.cancelled-flash");
        return "redirect:/purchasing/orders/" + id;
    }

    @PostMapping("/orders/{id}/close")
    String closeShort(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes redirect) {
        requireBuyer();
        Attempt.run(redirect, () -> purchasing.closeShort(id, reason), "purchasing.po.closed-flash");
        return "redirect:/purchasing/orders/" + id;
    }

    private void requireBuyer() {
        Layout.Me me = Layout.current();
        if (me == null || !AccessRules.PURCHASE_ORDER_FORMS.allows(me.role())) {
            throw new AccessDeniedException("Only buyers confirm, change, cancel or close purchase orders");
        }
    }

    /** A date as a form sends it (YYYY-MM-DD); anything else is refused naming the field. */
    private static java.time.LocalDate date(String field, String text) {
        try {
            return java.time.LocalDate.parse(text.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new org.ordo.platform.InvalidInputException(field, Wording.of("backoffice.not_a_date"));
        }
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "error/403";
    }
}
