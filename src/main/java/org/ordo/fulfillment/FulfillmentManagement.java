package org.ordo.fulfillment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ordo.catalog.Catalog;
import org.ordo.fulfillment.internal.PickLists;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.ReservationView;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderHeld;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.ordo.shipping.ShipOrder;
import org.ordo.space.PickBin;
import org.ordo.space.SpaceManagement;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShippingManagement;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Picking, packing and handing parcels to carriers, per warehouse. */
@Service
public class FulfillmentManagement {

    private final PickLists pickLists;
    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final InventoryManagement inventory;
    private final ShippingManagement shipping;

    private final Catalog catalog;
    private final SpaceManagement space;

    FulfillmentManagement(PickLists pickLists, OrderManagement orders, OrderLifecycle lifecycle,
            InventoryManagement inventory, ShippingManagement shipping, Catalog catalog, SpaceManagement space) {
        this.catalog = catalog;
        this.space = space;
        this.pickLists = pickLists;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.inventory = inventory;
        this.shipping = shipping;
    }

    /**
     * Makes a wave at a location: reserved lines of released orders (earliest promise first, only those promised
     * before {@code promisedBefore} when given) that are on no open pick list yet, up to {@code maxOrders} orders.
     * Held and cancelled orders never get here (invariant 3). 409 when there is nothing to pick, or the location is
     * external (a 3PL's: it picks itself).
     */
    @Transactional
    public PickList createPickList(String location, Instant promisedBefore, int maxOrders) {
        if (location == null || location.isBlank()) {
            throw new InvalidInputException("location", Wording.of("platform.is_required"));
        }
        if (maxOrders < 1 || maxOrders > 500) {
            throw new InvalidInputException("maxOrders", Wording.of("fulfillment.must_be_between_1_and_500"));
        }
        if (inventory.location(location).external()) {
            // a 3PL or a supplier picks there itself: it gets a fulfilment request (docs/outsourced-fulfilment.md)
            throw new ConflictException("external-location", "External location",
                    Wording.of("fulfillment.is_an_external_warehouse_its_orders", location),
                    Map.of("location", location));
        }
        List<UUID> candidates = orders.releasedForPicking(promisedBefore, 2_000);
        List<ReservationView> reserved = inventory.activeReservationsAt(location, candidates);
        Set<UUID> taken = new HashSet<>(pickLists.reservationsOnOpenLists(
                reserved.stream().map(ReservationView::id).toList()));
        Set<UUID> chosenOrders = new LinkedHashSet<>();
        List<PickLists.NewLine> lines = new ArrayList<>();
        Map<UUID, String> numbers = new HashMap<>();
        for (ReservationView r : reserved) {
            if (taken.contains(r.id())) {
                continue;
            }
            if (!chosenOrders.contains(r.orderId())) {
                if (chosenOrders.size() == maxOrders) {
                    continue;
                }
                chosenOrders.add(r.orderId());
            }
            String number = numbers.computeIfAbsent(r.orderId(), id -> orders.require(id).number());
            lines.add(new PickLists.NewLine(r.orderId(), number, r.lineNo(), r.id(), r.sku(), r.quantity(), null));
        }
        if (lines.isEmpty()) {
            throw new ConflictException("nothing-to-pick", "Nothing to pick",
                    Wording.of("fulfillment.no_released_order_has_reserved_stock", location),
                    Map.of("location", location));
        }
        return pickLists.find(pickLists.create(location, alongThePickPath(location, lines), Actor.current()))
                .orElseThrow();
    }

    /**
     * The lines in the order a picker walks: by the pick-path place of the bin each SKU is taken from (the first bin
     * on the path holding it), then SKU and order; lines whose SKU no bin holds come last, by SKU. Each line names
     * its bin.
     */
    private List<PickLists.NewLine> alongThePickPath(String location, List<PickLists.NewLine> lines) {
        Map<String, PickBin> bins = space.pickBins(location, lines.stream().map(PickLists.NewLine::sku)
                .collect(java.util.stream.Collectors.toSet()));
        return lines.stream().map(l -> bins.containsKey(l.sku()) ? new PickLists.NewLine(l.orderId(),
                        l.orderNumber(), l.orderLineNo(), l.reservationId(), l.sku(), l.quantity(),
                        bins.get(l.sku()).bin()) : l)
                .sorted(java.util.Comparator.<PickLists.NewLine, Boolean>comparing(l -> l.bin() == null)
                        .thenComparing(l -> l.bin() == null ? Integer.MAX_VALUE : bins.get(l.sku()).pickSequence())
                        .thenComparing(l -> l.bin() == null ? "" : l.bin())
                        .thenComparing(PickLists.NewLine::sku).thenComparing(PickLists.NewLine::orderNumber)
                        .thenComparingInt(PickLists.NewLine::orderLineNo))
                .toList();
    }

    public PickList pickList(UUID id) {
        return pickLists.find(id).orElseThrow(() -> new NotFoundException("Pick list", id));
    }

    public List<PickList> openPickLists(String location) {
        return pickLists.open(location);
    }

    /**
     * Confirms a pick line with the scanned SKU (any case) or GTIN and the quantity found. A code that does not match is refused
     * (422) and nothing changes. What was found is issued from stock (on hand and reserved down together); what
     * was missing is written off and reserved again elsewhere or backordered. Orders held or cancelled since the
     * list was made are refused (409): the goods stay on the shelf.
     */
    @Transactional
    public PickList pick(UUID pickListId, int lineNo, String scannedSku, Long quantity) {
        PickLists.LockedLine line = pickLists.lockLine(pickListId, lineNo)
                .orElseThrow(() -> new NotFoundException("Pick line", pickListId + "/" + lineNo));
        if (!"OPEN".equals(line.status())) {
            throw new ConflictException("already-picked", "Already confirmed",
                    Wording.of("fulfillment.line_of_is", lineNo, line.pickListNumber(),
                            Wording.of("fulfillment.line_state." + line.status())),
                    Map.of("lineStatus", line.status()));
        }
        List<FieldError> errors = new ArrayList<>();
        if (!catalog.scanNames(scannedSku, line.sku())) {
            errors.add(new FieldError("sku", scannedSku == null
                    ? Wording.of("fulfillment.scanned_nothing_but_this_line_is", line.sku())
                    : Wording.of("fulfillment.scanned_but_this_line_is", scannedSku.trim(), line.sku())));
        }
        if (quantity == null || quantity < 0 || quantity > line.quantity()) {
            errors.add(new FieldError("quantity", Wording.of("platform.must_be_between_0_and", line.quantity())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!orders.lockIfPickable(line.orderId())) {
            pickLists.voidOpenLinesOf(line.orderId());
            throw new ConflictException("not-pickable", "Order not pickable",
                    Wording.of("fulfillment.the_order_of_this_line_was"));
        }
        // out of the bin the list named first (what it lacks comes from the SKU's other bins)
        inventory.issue(line.reservationId(), quantity, "PICK_LIST", line.pickListNumber(), line.bin());
        long missing = line.quantity() - quantity;
        pickLists.confirm(pickListId, lineNo, quantity, missing, missing > 0 ? "SHORT" : "PICKED", Actor.current());
        if (missing > 0) {
            lifecycle.reallocate(line.orderId(), line.orderLineNo(), line.sku(), missing);
        }
        return pickList(pickListId);
    }

    /** Packs picked goods of an order at a location into parcels; more than was picked is refused (422). */
    @Transactional
    public List<Parcel> pack(UUID orderId, PackRequest request) {
        OrderView order = orders.require(orderId);
        if (request.location() == null || request.location().isBlank()) {
            throw new InvalidInputException("location", Wording.of("platform.is_required"));
        }
        if (request.parcels() == null || request.parcels().isEmpty()) {
            throw new InvalidInputException("parcels", Wording.of("fulfillment.at_least_one_parcel"));
        }
        if (request.parcels().size() > PackRequest.MAX_PARCELS) {
            throw new InvalidInputException("parcels", Wording.of("fulfillment.at_most_parcels_at_once",
                    PackRequest.MAX_PARCELS));
        }
        inventory.location(request.location()); // 404 for a location that does not exist, not "nothing picked there"
        Map<Integer, Long> unpacked = pickLists.unpacked(orderId, request.location());
        List<FieldError> errors = new ArrayList<>();
        List<List<Parcel.Item>> contents = new ArrayList<>();
        for (int p = 0; p < request.parcels().size(); p++) {
            PackRequest.ParcelSpec spec = request.parcels().get(p);
            String at = "parcels[" + p + "]";
            if (spec.weightGrams() == null || spec.weightGrams() < 1 || spec.weightGrams() > PackRequest.MAX_WEIGHT) {
                errors.add(new FieldError(at + ".weightGrams", Wording.of("fulfillment.is_required_1_to_1000000")));
            }
            Map<String, Integer> sides = new LinkedHashMap<>();
            sides.put("lengthMm", spec.lengthMm());
            sides.put("widthMm", spec.widthMm());
            sides.put("heightMm", spec.heightMm());
            sides.forEach((side, mm) -> {
                if (mm != null && (mm < 1 || mm > PackRequest.MAX_SIDE)) {
                    errors.add(new FieldError(at + "." + side, Wording.of("fulfillment.must_be_1_to_mm",
                            PackRequest.MAX_SIDE)));
                }
            });
            List<Parcel.Item> items = new ArrayList<>();
            if (spec.items() == null || spec.items().isEmpty()) {
                errors.add(new FieldError(at + ".items", Wording.of("fulfillment.a_parcel_needs_at_least_one")));
            } else if (spec.items().size() > PackRequest.MAX_ITEMS) {
                errors.add(new FieldError(at + ".items", Wording.of("fulfillment.at_most_items_per_parcel",
                        PackRequest.MAX_ITEMS)));
            } else {
                for (int i = 0; i < spec.items().size(); i++) {
                    PackRequest.Item item = spec.items().get(i);
                    String field = at + ".items[" + i + "]";
                    long left = item.lineNo() == null ? 0 : unpacked.getOrDefault(item.lineNo(), 0L);
                    if (item.quantity() == null || item.quantity() < 1 || item.quantity() > left) {
                        errors.add(new FieldError(field + ".quantity",
                                Wording.of("fulfillment.line_has_picked_and_not_yet", item.lineNo(), left,
                                request.location())));
                    } else {
                        unpacked.merge(item.lineNo(), -item.quantity(), Long::sum);
                        items.add(new Parcel.Item(item.lineNo(), pickLists.skuOf(orderId, item.lineNo()),
                                item.quantity()));
                    }
                }
            }
            contents.add(items);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Parcel> parcels = new ArrayList<>();
        for (int p = 0; p < request.parcels().size(); p++) {
            PackRequest.ParcelSpec spec = request.parcels().get(p);
            pickLists.insertParcel(order.id(), request.location(), spec.weightGrams(), spec.lengthMm(),
                    spec.widthMm(), spec.heightMm(), contents.get(p), Actor.current());
        }
        parcels.addAll(pickLists.parcelsOf(orderId));
        return parcels;
    }

    public List<Parcel> parcelsOf(UUID orderId) {
        return pickLists.parcelsOf(orderId);
    }

    /**
     * What is picked and not yet packed of an order at a location, per order line number: what a packer may put
     * into parcels now. Locks the order's parcels for the transaction, as packing does.
     */
    @Transactional
    public Map<Integer, Long> unpacked(UUID orderId, String location) {
        Map<Integer, Long> left = new java.util.TreeMap<>(pickLists.unpacked(orderId, location));
        left.values().removeIf(q -> q <= 0);
        return left;
    }

    /** Hands packed parcels of one order and location to a carrier; the order's fulfillment status follows. */
    @Transactional
    public Shipment ship(UUID orderId, ShipRequest request) {
        if (request.parcels() == null || request.parcels().isEmpty()) {
            throw new InvalidInputException("parcels", Wording.of("fulfillment.name_the_packed_parcels_to_ship"));
        }
        if (request.parcels().size() > PackRequest.MAX_PARCELS) {
            throw new InvalidInputException("parcels", Wording.of("fulfillment.at_most_parcels_at_once",
                    PackRequest.MAX_PARCELS));
        }
        List<Parcel> parcels = pickLists.lockParcels(request.parcels().stream().distinct().toList());
        if (parcels.size() != request.parcels().stream().distinct().count()
                || parcels.stream().anyMatch(p -> !p.orderId().equals(orderId))) {
            throw new InvalidInputException("parcels", Wording.of("fulfillment.unknown_parcels_or_parcels_of_another"));
        }
        if (parcels.stream().anyMatch(p -> !"PACKED".equals(p.status()))) {
            throw new ConflictException("already-shipped", "Already shipped",
                    Wording.of("fulfillment.a_parcel_has_already_shipped"));
        }
        if (parcels.stream().map(Parcel::location).distinct().count() > 1) {
            throw new InvalidInputException("parcels", Wording.of("fulfillment.ship_parcels_of_one_location_together"));
        }
        String agreed = orders.require(orderId).carrierService();
        if (agreed != null && request.service() != null && !agreed.equalsIgnoreCase(request.service().trim())) {
            throw new ConflictException("carrier-service-differs", "Another carrier service was agreed",
                    Wording.of("fulfillment.the_customer_was_promised_for_this", agreed),
                    Map.of("field", "service", "carrierService", agreed));
        }
        Map<Integer, Long> quantities = new java.util.TreeMap<>();
        Map<Integer, String> skus = new HashMap<>();
        parcels.forEach(p -> p.items().forEach(i -> {
            quantities.merge(i.lineNo(), i.quantity(), Long::sum);
            skus.put(i.lineNo(), i.sku());
        }));
        List<ShipOrder.Line> lines = quantities.entrySet().stream()
                .map(e -> new ShipOrder.Line(e.getKey(), skus.get(e.getKey()), e.getValue())).toList();
        Shipment shipment = shipping.ship(new ShipOrder(orderId, parcels.get(0).location(), request.carrier(),
                request.service(), request.trackingNumber(), lines));
        pickLists.markShipped(request.parcels(), shipment.id());
        return shipment;
    }

    @ApplicationModuleListener
    void on(OrderHeld held) {
        pickLists.voidOpenLinesOf(held.orderId());
    }

    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        pickLists.voidOpenLinesOf(cancelled.orderId());
    }
}
