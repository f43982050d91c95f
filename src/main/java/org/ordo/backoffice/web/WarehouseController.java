package org.ordo.backoffice.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PackRequest;
import org.ordo.fulfillment.Parcel;
import org.ordo.fulfillment.PickList;
import org.ordo.fulfillment.ShipRequest;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.Movement;
import org.ordo.inventory.Receipt;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Numbers;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Role;
import org.ordo.platform.Wording;
import org.ordo.shipping.Carrier;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShippingManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The warehouse's screens: choose a warehouse, make and print pick lists, pick with a barcode scanner, pack,
 * ship, receive goods. Everything goes through the fulfillment, shipping and inventory services, which check
 * every input again; a refused action changes nothing and the page says why.
 */
@Controller
@RequestMapping("/warehouse")
class WarehouseController {

    private final FulfillmentManagement fulfillment;
    private final ShippingManagement shipping;
    private final InventoryManagement inventory;
    private final OrderManagement orders;
    private final Catalog catalog;
    private final PickListPdf pdf;
    private final org.ordo.space.SpaceManagement space;

    WarehouseController(FulfillmentManagement fulfillment, ShippingManagement shipping,
            InventoryManagement inventory, OrderManagement orders, Catalog catalog, PickListPdf pdf,
            org.ordo.space.SpaceManagement space) {
        this.space = space;
        this.fulfillment = fulfillment;
        this.shipping = shipping;
        this.inventory = inventory;
        this.orders = orders;
        this.catalog = catalog;
        this.pdf = pdf;
    }

    @Bean
    static Screen warehouseScreen() {
        return new Screen("/warehouse", "nav.warehouse", 30, Role.ADMIN, Role.WAREHOUSE);
    }

    // --- choose a warehouse, its open pick lists -------------------------------------------------------------

    /** The chosen warehouse's open pick lists and what to do next; without a choice, the list of warehouses. */
    @GetMapping
    String index(@RequestParam(required = false) String location, Model model) {
        List<Location> locations = inventory.locations().stream().filter(Location::active).toList();
        model.addAttribute("locations", locations);
        if (location == null || location.isBlank()) {
            return "backoffice/warehouse/choose";
        }
        Location chosen = inventory.location(location);
        model.addAttribute("location", chosen);
        model.addAttribute("pickLists", fulfillment.openPickLists(chosen.code()));
        return "backoffice/warehouse/index";
    }

    @PostMapping("/pick-lists")
    String createPickList(@RequestParam String location, @RequestParam(defaultValue = "20") String maxOrders,
            RedirectAttributes redirect) {
        PickList[] made = new PickList[1];
        boolean ok = Attempt.run(redirect, () -> made[0] = fulfillment.createPickList(location, null,
                number("maxOrders", maxOrders)), "warehouse.pickList.created");
        if (ok) {
            Flash.success(redirect, "warehouse.pickList.created", made[0].number(), made[0].lines().size());
            return "redirect:/warehouse/pick-lists/" + made[0].id();
        }
        return "redirect:/warehouse?location=" + Redirects.query(location);
    }

    @GetMapping("/pick-lists/{id}")
    String pickList(@PathVariable UUID id, Model model) {
        PickList list = fulfillment.pickList(id);
        model.addAttribute("pickList", list);
        model.addAttribute("names", names(list));
        // Orders with picked goods: the packer's next step.
        Map<String, UUID> picked = new LinkedHashMap<>();
        list.lines().stream().filter(l -> l.picked() > 0).forEach(l -> picked.put(l.orderNumber(), l.orderId()));
        model.addAttribute("toPack", picked);
        return "backoffice/warehouse/pick-list";
    }

    /** The pick list as a PDF to print: one row per bin and SKU, along the pick path, with the orders it serves. */
    @GetMapping("/pick-lists/{id}.pdf")
    ResponseEntity<byte[]> pickListPdf(@PathVariable UUID id) {
        PickList list = fulfillment.pickList(id);
        byte[] bytes = pdf.render(list, names(list), LocaleContextHolder.getLocale());
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("pick-list-" + list.number() + ".pdf").build().toString())
                .body(bytes);
    }

    // --- picking with a scanner ------------------------------------------------------------------------------

    /**
     * The picking screen: one line at a time, in the order a picker walks (the bins' pick path), with the scan field
     * focused. A barcode scanner types the SKU and Enter; htmx swaps only the panel.
     */
    @GetMapping("/pick-lists/{id}/pick")
    String picking(@PathVariable UUID id, Model model) {
        panel(fulfillment.pickList(id), model);
        return "backoffice/warehouse/picking";
    }

    /** Checks a scanned SKU against the current line; changes nothing. Right: ask for the quantity. */
    @PostMapping("/pick-lists/{id}/scan")
    String scan(@PathVariable UUID id, @RequestParam int lineNo, @RequestParam(defaultValue = "") String sku,
            Model model) {
        PickList list = fulfillment.pickList(id);
        PickList.Line line = panel(list, model);
        if (line == null || line.lineNo() != lineNo) {
            model.addAttribute("error", "warehouse.pick.moved");
        } else if (!catalog.scanNames(sku, line.sku())) {
            model.addAttribute("error", "warehouse.pick.wrongSku");
            model.addAttribute("scanned", sku.trim());
        } else {
            model.addAttribute("confirm", true);
        }
        return "backoffice/warehouse/picking :: panel";
    }

    /** Confirms the current line with the quantity found; fewer than asked is a short pick. */
    @PostMapping("/pick-lists/{id}/lines/{lineNo}/pick")
    String pick(@PathVariable UUID id, @PathVariable int lineNo, @RequestParam String sku,
            @RequestParam String quantity, Model model) {
        PickList list;
        try {
            list = fulfillment.pick(id, lineNo, sku, numberLong("quantity", quantity));
            PickList.Line done = list.lines().stream().filter(l -> l.lineNo() == lineNo).findFirst().orElseThrow();
            model.addAttribute("done", done);
        } catch (InvalidInputException e) {
            list = fulfillment.pickList(id);
            model.addAttribute("error", "warehouse.pick.refused");
            model.addAttribute("detail", e.errors().stream().map(Refusals::of).toList());
            model.addAttribute("confirm", true);
        } catch (ConflictException e) {
            list = fulfillment.pickList(id);
            model.addAttribute("error", "warehouse.pick.refused");
            model.addAttribute("detail", List.of(Refusals.of(e)));
        }
        panel(list, model);
        return "backoffice/warehouse/picking :: panel";
    }

    /**
     * Puts the pick list and its next open line into the model; null when all are done. Lines are numbered along the
     * bins' pick path (docs/purchasing.md#bins), so the lowest open line is the next bin to walk to.
     */
    private PickList.Line panel(PickList list, Model model) {
        PickList.Line next = list.lines().stream().filter(l -> "OPEN".equals(l.status()))
                .min(Comparator.comparingInt(PickList.Line::lineNo)).orElse(null);
        model.addAttribute("pickList", list);
        model.addAttribute("line", next);
        model.addAttribute("names", names(list));
        model.addAttribute("openLines", list.lines().stream().filter(l -> "OPEN".equals(l.status())).count());
        return next;
    }

    // --- packing and shipping --------------------------------------------------------------------------------

    /** Finds an order by its number for packing at a warehouse. */
    @GetMapping("/pack")
    String findToPack(@RequestParam String order, @RequestParam String location, RedirectAttributes redirect) {
        try {
            return "redirect:/warehouse/orders/" + orders.require(orders.idOf(order.trim())).number()
                    + "/pack?location=" + Redirects.query(location);
        } catch (NotFoundException | InvalidInputException e) {
            Flash.error(redirect, "warehouse.pack.unknownOrder", order);
            return "redirect:/warehouse?location=" + Redirects.query(location);
        }
    }

    /**
     * What of an order is picked and not packed at this warehouse, with the parcel's weight suggested from the
     * articles' weights; the packer puts it on the scale and corrects it.
     */
    @GetMapping("/orders/{order}/pack")
    String packing(@PathVariable String order, @RequestParam String location, Model model) {
        OrderView view = orders.require(orders.idOf(order));
        inventory.location(location);
        Map<Integer, Long> unpacked = fulfillment.unpacked(view.id(), location);
        List<PackLine> lines = new ArrayList<>();
        int weight = 0;
        Map<String, Article> articles = catalog.findAll(view.lines().stream().map(OrderView.Line::sku).toList());
        for (OrderView.Line line : view.lines()) {
            Long quantity = unpacked.get(line.lineNo());
            if (quantity != null) {
                Article article = articles.get(line.sku());
                Integer grams = article == null ? null : article.weightGrams();
                lines.add(new PackLine(line.lineNo(), line.sku(), line.name(), quantity, grams));
                weight += grams == null ? 0 : grams * (int) Math.min(quantity, 100_000);
            }
        }
        model.addAttribute("order", view);
        model.addAttribute("location", location);
        model.addAttribute("lines", lines);
        model.addAttribute("suggestedWeight", Math.max(weight, 1));
        model.addAttribute("parcels", fulfillment.parcelsOf(view.id()).stream()
                .filter(p -> p.location().equals(location)).toList());
        return "backoffice/warehouse/pack";
    }

    /** One line on the packing table; {@code weightGrams} per unit from the catalog, null when unknown. */
    record PackLine(int lineNo, String sku, String name, long quantity, Integer weightGrams) {
    }

    /** Packs one parcel with the quantities given per line (item.{lineNo}); nothing packed when refused. */
    @PostMapping("/orders/{order}/pack")
    String pack(@PathVariable String order, @RequestParam String location, @RequestParam Map<String, String> form,
            RedirectAttributes redirect) {
        OrderView view = orders.require(orders.idOf(order));
        List<PackRequest.Item> items = new ArrayList<>();
        boolean ok = Attempt.run(redirect, () -> {
            new TreeMap<>(form).forEach((key, value) -> {
                if (key.startsWith("item.") && !value.isBlank()) {
                    long q = numberLong(key, value);
                    if (q > 0) {
                        items.add(new PackRequest.Item(Numbers.wholeInt(key, key.substring(5), false), q));
                    }
                }
            });
            fulfillment.pack(view.id(), new PackRequest(location, List.of(new PackRequest.ParcelSpec(
                    optionalNumber("weightGrams", form.get("weightGrams")), optionalNumber("lengthMm",
                            form.get("lengthMm")), optionalNumber("widthMm", form.get("widthMm")),
                    optionalNumber("heightMm", form.get("heightMm")), items))));
        }, "warehouse.pack.packed", view.number());
        return "redirect:/warehouse/orders/" + view.number() + (ok ? "/ship" : "/pack") + "?location="
                + Redirects.query(location);
    }

    @GetMapping("/orders/{order}/ship")
    String shipping(@PathVariable String order, @RequestParam String location, Model model) {
        OrderView view = orders.require(orders.idOf(order));
        model.addAttribute("order", view);
        model.addAttribute("location", location);
        model.addAttribute("parcels", fulfillment.parcelsOf(view.id()).stream()
                .filter(p -> p.location().equals(location) && "PACKED".equals(p.status())).toList());
        model.addAttribute("carriers", shipping.carriers().stream().filter(Carrier::active).toList());
        model.addAttribute("shipments", shipping.shipmentsOf(view.id()));
        return "backoffice/warehouse/ship";
    }

    /** Hands the chosen packed parcels to the carrier with its tracking number. */
    @PostMapping("/orders/{order}/ship")
    String ship(@PathVariable String order, @RequestParam String location,
            @RequestParam(name = "parcel", required = false) List<UUID> parcels, @RequestParam String carrier,
            @RequestParam(defaultValue = "") String service, @RequestParam String trackingNumber,
            RedirectAttributes redirect) {
        OrderView view = orders.require(orders.idOf(order));
        Shipment[] shipped = new Shipment[1];
        boolean ok = Attempt.run(redirect, () -> shipped[0] = fulfillment.ship(view.id(), new ShipRequest(
                parcels == null ? List.of() : parcels, carrier, service.isBlank() ? null : service.trim(),
                trackingNumber.trim())), "warehouse.ship.shipped");
        if (ok) {
            Flash.success(redirect, "warehouse.ship.shipped", view.number(), shipped[0].carrier(),
                    shipped[0].trackingNumber());
            return "redirect:/warehouse?location=" + Redirects.query(location);
        }
        return "redirect:/warehouse/orders/" + view.number() + "/ship?location=" + Redirects.query(location);
    }

    // --- receiving -------------------------------------------------------------------------------------------

    @GetMapping("/receive")
    String receiving(@RequestParam(required = false) String location, Model model) {
        model.addAttribute("locations", inventory.locations().stream().filter(Location::active).toList());
        model.addAttribute("location", location);
        return "backoffice/warehouse/receive";
    }

    /** Books received goods; the next page shows the receipt (the ledger movement), or why nothing was booked. */
    @PostMapping("/receive")
    String receive(@RequestParam String sku, @RequestParam String location, @RequestParam String quantity,
            @RequestParam(defaultValue = "") String reference, RedirectAttributes redirect) {
        Movement[] booked = new Movement[1];
        boolean ok = Attempt.run(redirect, () -> booked[0] = inventory.receive(new Receipt(sku.trim(), location,
                numberLong("quantity", quantity), reference.isBlank() ? null : reference.trim(), null)),
                "warehouse.receive.done");
        if (ok) {
            Flash.success(redirect, "warehouse.receive.done", booked[0].onHandDelta(), booked[0].sku(),
                    booked[0].location(), booked[0].id());
            Movement m = booked[0];
            var stock = inventory.stock(m.sku());
            // Flash attributes live in the session (PostgreSQL): a small serializable copy, not the service's types.
            redirect.addFlashAttribute("receipt", new ReceiptView(m.id(), m.sku(), m.location(), m.onHandDelta(),
                    m.documentRef(), m.at(), m.actor(), stock.onHand(), stock.available()));
            // Where the goods went, when the location has bins (putaway by space, docs/warehouse-space.md).
            space.lastPutaway(m.location(), m.sku()).ifPresent(p -> redirect.addFlashAttribute("putaway",
                    new PutawayView(p.where(), p.overflow(), p.shares().size() > 1)));
        } else {
            redirect.addFlashAttribute("form", new java.util.HashMap<>(Map.of("sku", sku, "quantity", quantity,
                    "reference", reference)));
        }
        return "redirect:/warehouse/receive?location=" + Redirects.query(location);
    }

    /**
     * The bin(s) received goods went into, whether some went to the overflow bin (no bin had room), and whether
     * they were split over several bins.
     */
    record PutawayView(String bin, boolean overflow, boolean split) implements java.io.Serializable {
    }

    /** A booked receipt as the next page shows it, with the SKU's stock right after. */
    record ReceiptView(long id, String sku, String location, long quantity, String reference, java.time.Instant at,
            String actor, long onHand, long available) implements java.io.Serializable {
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    /** Article names in the page's language, by SKU, for the lines of a pick list. */
    private Map<String, String> names(PickList list) {
        String language = LocaleContextHolder.getLocale().getLanguage();
        Map<String, String> names = new TreeMap<>();
        catalog.findAll(list.lines().stream().map(PickList.Line::sku).distinct().toList())
                .forEach((sku, article) -> names.put(sku, article.nameIn(language)));
        return names;
    }

    /** A location code as a query parameter value, so that a typed code cannot change the redirect. */
    /** A count typed into a form (Numbers' rule: "1.5", "+2" or "1e2" are refused, not read as 1, 2 or 100). */
    static int number(String field, String value) {
        long number = Numbers.whole(field, value == null ? null : value.strip(), false);
        if (number > Integer.MAX_VALUE) {
            throw new InvalidInputException(field, Wording.of("platform.is_too_large"));
        }
        return (int) number;
    }

    /** A quantity typed into a form; negative where a correction takes goods out. */
    static long numberLong(String field, String value) {
        return Numbers.whole(field, value == null ? null : value.strip(), true);
    }

    private static Integer optionalNumber(String field, String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank()).map(v -> number(field, v)).orElse(null);
    }
}
