package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingInput.lineOf;
import static org.ordo.purchasing.PurchasingInput.missingSku;
import static org.ordo.purchasing.PurchasingInput.quantity;
import static org.ordo.purchasing.PurchasingInput.required;
import static org.ordo.purchasing.PurchasingInput.text;
import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_REASON;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_ARTICLE;
import static org.ordo.purchasing.PurchasingManagement.MAX_SUPPLIER_CODE;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.billing.Billing;
import org.ordo.billing.StoredDocument;
import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.party.PartyManagement;
import org.ordo.party.Supplier;
import org.ordo.platform.Actor;
import org.ordo.platform.BusinessDates;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.Cursor;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.ordo.purchasing.internal.DropshipOrders;
import org.ordo.purchasing.internal.PurchaseOrderDocuments;
import org.ordo.purchasing.internal.PurchaseOrders;
import org.ordo.purchasing.internal.StockPolicies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders to suppliers (docs/purchasing.md#purchase-orders): placed by hand or from suggestions with a
 * gap-free number, mailed as PDF in the supplier's language, confirmed, changed, cancelled or closed short; and how
 * an order reads with its lines.
 */
@Service
class SupplierOrders {

    private final StockPolicies policies;
    private final PurchaseOrders purchaseOrders;
    private final PurchaseOrderDocuments documents;
    private final StockPositions positions;
    private final ReorderAlerting alerting;
    private final InventoryManagement inventory;
    private final PartyManagement parties;
    private final Catalog catalog;
    private final Billing billing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int overDeliveryPercent;
    private final String series;
    private final DropshipOrders dropships;

    SupplierOrders(StockPolicies policies, PurchaseOrders purchaseOrders, PurchaseOrderDocuments documents,
            StockPositions positions, ReorderAlerting alerting, InventoryManagement inventory, PartyManagement parties,
            Catalog catalog, Billing billing, ApplicationEventPublisher events, Clock clock,
            @Value("${ordo.purchasing.over-delivery-percent:10}") int overDeliveryPercent,
            @Value("${ordo.purchasing.series:PO}") String series, DropshipOrders dropships) {
        if (overDeliveryPercent < 0 || overDeliveryPercent > 100) {
            throw new IllegalArgumentException("ordo.purchasing.over-delivery-percent must be 0 to 100");
        }
        this.policies = policies;
        this.purchaseOrders = purchaseOrders;
        this.documents = documents;
        this.positions = positions;
        this.alerting = alerting;
        this.inventory = inventory;
        this.parties = parties;
        this.catalog = catalog;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
        this.overDeliveryPercent = overDeliveryPercent;
        this.series = series;
        this.dropships = dropships;
    }

    /**
     * Places a purchase order by hand or from the current suggestions: numbered gap-free in the caller's
     * transaction ({@code PO-2026-000001}), its PDF stored in the supplier's language and {@link PurchaseOrderSent}
     * published, so the mail to the supplier is written with it. 422 naming every faulty field.
     */
    @Transactional
    public PurchaseOrder place(PlacePurchaseOrder command) {
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_purchase_order_as"));
        }
        List<FieldError> errors = new ArrayList<>();
        Supplier supplier = command.supplier() == null || command.supplier().length() > MAX_SUPPLIER_CODE ? null
                : parties.findSupplier(command.supplier()).orElse(null);
        if (command.supplier() != null && command.supplier().length() > MAX_SUPPLIER_CODE) {
            errors.add(new FieldError("supplier", Wording.of("platform.must_be_at_most_characters",
                    MAX_SUPPLIER_CODE)));
        } else if (supplier == null) {
            errors.add(new FieldError("supplier", command.supplier() == null
                    ? Wording.of("purchasing.is_required_a_supplier_code")
                    : Wording.of("purchasing.is_not_a_known_supplier_code", command.supplier())));
        } else if (supplier.email() == null || supplier.email().isBlank()) {
            errors.add(new FieldError("supplier", Wording.of("purchasing.has_no_e_mail_address_to")));
        }
        Location location = command.location() == null ? null : inventory.locations().stream()
                .filter(l -> l.code().equals(command.location())).findFirst().orElse(null);
        if (command.location() != null && command.location().length() > MAX_LOCATION_CODE) {
            errors.add(new FieldError("location", Wording.of("platform.must_be_at_most_characters",
                    MAX_LOCATION_CODE)));
        } else if (location == null) {
            errors.add(new FieldError("location", command.location() == null
                    ? Wording.of("purchasing.is_required_where_to_deliver")
                    : Wording.of("purchasing.is_not_a_known_location", command.location())));
        }
        String currency = command.currency() != null ? command.currency()
                : supplier == null ? null : supplier.currency();
        if (currency == null) {
            // the supplier's currency is the default (docs/purchasing.md): only a known supplier without one needs it
            if (supplier != null) {
                errors.add(new FieldError("currency", Wording.of("purchasing.is_required_the_supplier_has_no")));
            }
        } else if (!Money.isKnownCurrency(currency)) {
            errors.add(new FieldError("currency", Wording.of("purchasing.is_not_an_iso_4217_currency")));
            currency = null;
        }
        String note = text(errors, "note", command.note(), MAX_NOTE);
        boolean fromSuggestions = Boolean.TRUE.equals(command.fromSuggestions());
        List<PlacePurchaseOrder.Line> lines = command.lines() == null ? List.of() : command.lines();
        if (fromSuggestions && !lines.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("purchasing.must_be_empty_when_the_order")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (fromSuggestions) {
            lines = positions.suggestions(supplier.code(), location.code()).stream().flatMap(s -> s.lines().stream())
                    .map(l -> new PlacePurchaseOrder.Line(l.sku(), l.quantity(), null, l.expectedOn(), null))
                    .toList();
            if (lines.isEmpty()) {
                throw new InvalidInputException("fromSuggestions",
                        Wording.of("purchasing.there_is_nothing_to_order_from", supplier.code(), location.code()));
            }
        }
        List<PurchaseOrders.Line> rows = lines(errors, lines, supplier, location, currency);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        UUID id = Ids.next();
        String number = billing.nextNumber(series, LocalDate.now(clock).getYear());
        purchaseOrders.insert(new PurchaseOrders.Head(id, number, supplier.id(), location.code(), currency,
                PurchaseOrderStatus.ORDERED, 1, note, null, Actor.current(), now, now), rows);
        PurchaseOrder placed = require(id);
        send(placed, supplier, location, PurchaseOrderSent.Cause.PLACED, null);
        alerting.watch(rows.stream().map(PurchaseOrders.Line::sku).toList());
        return placed;
    }

    private List<PurchaseOrders.Line> lines(List<FieldError> errors, List<PlacePurchaseOrder.Line> lines,
            Supplier supplier, Location location, String currency) {
        if (lines.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("purchasing.is_required_at_least_one_line")));
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", Wording.of("purchasing.has_more_than_lines", MAX_LINES)));
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<PurchaseOrders.Line> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            PlacePurchaseOrder.Line l = lines.get(i);
            if (l == null) {
                errors.add(new FieldError(at, Wording.of("purchasing.must_be_a_line")));
                continue;
            }
            Article article = l.sku() == null || l.sku().length() > MAX_SKU ? null : catalog.find(l.sku()).orElse(null);
            if (l.sku() != null && l.sku().length() > MAX_SKU) {
                errors.add(new FieldError(at + ".sku", Wording.of("platform.must_be_at_most_characters", MAX_SKU)));
            } else if (article == null) {
                errors.add(new FieldError(at + ".sku", missingSku(l.sku())));
            } else if (!article.isPhysical()) {
                errors.add(new FieldError(at + ".sku", Wording.of("purchasing.is_a_digital_article_nothing_to")));
            }
            quantity(errors, at + ".quantity", l.quantity(), 1, true);
            StockPolicies.Row policy = article == null ? null
                    : policies.find(article.sku(), location.code()).orElse(null);
            BigDecimal price = null;
            if (l.unitPrice() != null) {
                try {
                    price = Numbers.amount(at + ".unitPrice", l.unitPrice(), Money.minorUnits(currency));
                } catch (InvalidInputException e) {
                    errors.addAll(e.errors());
                }
            } else if (policy != null && policy.purchasePrice() != null && currency.equals(policy.currency())) {
                price = policy.purchasePrice();
            } else {
                errors.add(new FieldError(at + ".unitPrice", Wording.of("purchasing.is_required_no_purchase_price_in",
                        currency)));
            }
            String supplierArticle = text(errors, at + ".supplierArticle", l.supplierArticle(), MAX_SUPPLIER_ARTICLE);
            if (supplierArticle == null && policy != null && supplier.id().equals(policy.supplierId())) {
                supplierArticle = policy.supplierArticle();
            }
            LocalDate expected = l.expectedOn();
            if (expected == null) {
                expected = today.plusDays(policy == null ? (supplier.leadTimeDays() == null ? 0
                        : supplier.leadTimeDays()) : StockPositions.leadTime(policy, supplier));
            } else if (BusinessDates.fault(expected) != null) {
                errors.add(new FieldError(at + ".expectedOn", BusinessDates.fault(expected)));
            }
            if (article != null && l.quantity() != null && price != null) {
                rows.add(new PurchaseOrders.Line(i + 1, article.sku(), supplierArticle, l.quantity(),
                        tolerance(l.quantity()), null, 0, price, expected, null));
            }
        }
        return rows;
    }

    /** How many more than ordered a line may receive: the over-delivery percentage, rounded down. */
    long tolerance(long ordered) {
        return ordered * overDeliveryPercent / 100;
    }

    /** Stores the PDF of the order as it is now and tells the supplier (the mail is written in this transaction). */
    private void send(PurchaseOrder order, Supplier supplier, Location location, PurchaseOrderSent.Cause cause,
            String reason) {
        String change = reason == null ? null : cause.name() + ": " + reason;
        UUID document = documents.store(order, supplier, location, change);
        events.publishEvent(new PurchaseOrderSent(order.id(), order.number(), order.revision(), document, cause,
                reason));
    }

    /**
     * The supplier confirmed quantities and dates: each named line's confirmed quantity and date (its new expected
     * date). Locks the order; 409 once it is closed.
     */
    @Transactional
    public PurchaseOrder confirm(UUID id, ConfirmPurchaseOrder command) {
        PurchaseOrders.Head head = lock(id);
        List<PurchaseOrders.Line> lines = purchaseOrders.lines(id);
        PurchaseOrderStatus next = head.status() == PurchaseOrderStatus.PARTIALLY_RECEIVED
                ? PurchaseOrderStatus.PARTIALLY_RECEIVED : PurchaseOrderStatus.CONFIRMED;
        requireTransition(head, next);
        List<FieldError> errors = new ArrayList<>();
        List<ConfirmPurchaseOrder.Line> confirmed = command == null || command.lines() == null ? List.of()
                : command.lines();
        if (confirmed.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("purchasing.is_required_the_confirmed_lines")));
        } else if (confirmed.size() > MAX_LINES) {
            throw new InvalidInputException("lines", Wording.of("purchasing.has_more_than_lines", MAX_LINES));
        }
        for (int i = 0; i < confirmed.size(); i++) {
            String at = "lines[" + i + "]";
            ConfirmPurchaseOrder.Line c = confirmed.get(i);
            if (c == null) {
                errors.add(new FieldError(at, Wording.of("purchasing.must_be_a_line")));
                continue;
            }
            lineOf(errors, at + ".line", c.line(), lines);
            quantity(errors, at + ".quantity", c.quantity(), 0, true);
            if (c.deliveryDate() == null) {
                errors.add(new FieldError(at + ".deliveryDate",
                        Wording.of("purchasing.is_required_the_date_the_supplier")));
            } else if (BusinessDates.fault(c.deliveryDate()) != null) {
                errors.add(new FieldError(at + ".deliveryDate", BusinessDates.fault(c.deliveryDate())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        confirmed.forEach(c -> purchaseOrders.confirm(id, c.line(), c.quantity(), c.deliveryDate()));
        purchaseOrders.changeStatus(id, next, null, clock.instant());
        return require(id);
    }

    /**
     * Changes ordered quantities (never below what was received) or expected dates, with a reason: a new revision,
     * its PDF mailed to the supplier. Locks the order; 409 once it is closed.
     */
    @Transactional
    public PurchaseOrder change(UUID id, ChangePurchaseOrder command) {
        PurchaseOrders.Head head = lock(id);
        if (!head.status().isOpen()) {
            throw illegal(head, "purchasing.purchase_order_is_no_longer_changed");
        }
        List<PurchaseOrders.Line> lines = purchaseOrders.lines(id);
        List<FieldError> errors = new ArrayList<>();
        String reason = required(errors, "reason", command == null ? null : command.reason(), MAX_REASON);
        List<ChangePurchaseOrder.Line> changes = command == null || command.lines() == null ? List.of()
                : command.lines();
        if (changes.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("purchasing.is_required_the_lines_to_change")));
        } else if (changes.size() > MAX_LINES) {
            throw new InvalidInputException("lines", Wording.of("purchasing.has_more_than_lines", MAX_LINES));
        }
        for (int i = 0; i < changes.size(); i++) {
            String at = "lines[" + i + "]";
            ChangePurchaseOrder.Line c = changes.get(i);
            if (c == null) {
                errors.add(new FieldError(at, Wording.of("purchasing.must_be_a_line")));
                continue;
            }
            PurchaseOrders.Line line = lineOf(errors, at + ".line", c.line(), lines);
            quantity(errors, at + ".quantity", c.quantity(), 1, false);
            if (line != null && c.quantity() != null && c.quantity() < line.received()) {
                errors.add(new FieldError(at + ".quantity", Wording.of("purchasing.must_not_be_below_the_received",
                        line.received())));
            }
            if (c.expectedOn() != null && BusinessDates.fault(c.expectedOn()) != null) {
                errors.add(new FieldError(at + ".expectedOn", BusinessDates.fault(c.expectedOn())));
            }
            if (c.quantity() == null && c.expectedOn() == null) {
                errors.add(new FieldError(at, Wording.of("purchasing.give_a_quantity_or_an_expectedon")));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (ChangePurchaseOrder.Line c : changes) {
            PurchaseOrders.Line line = lines.stream().filter(l -> l.lineNo() == c.line()).findFirst().orElseThrow();
            long ordered = c.quantity() == null ? line.ordered() : c.quantity();
            if (!purchaseOrders.change(id, c.line(), ordered, tolerance(ordered),
                    c.expectedOn() == null ? line.expectedOn() : c.expectedOn())) {
                throw new IllegalStateException("Line " + c.line() + " received more under a lock");
            }
        }
        purchaseOrders.revise(id, clock.instant());
        settle(id);
        PurchaseOrder changed = require(id);
        send(changed, parties.requireSupplier(head.supplierId()), inventory.location(head.location()),
                PurchaseOrderSent.Cause.CHANGED, reason);
        alerting.watch(lines.stream().map(PurchaseOrders.Line::sku).toList());
        return changed;
    }

    /**
     * Cancels an order before anything arrived, with a reason; the supplier gets the cancelled revision. 409 when
     * goods were received (close it short instead) or it is closed.
     */
    @Transactional
    public PurchaseOrder cancel(UUID id, String reason) {
        PurchaseOrders.Head head = lock(id);
        List<FieldError> errors = new ArrayList<>();
        String why = required(errors, "reason", reason, MAX_REASON);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireTransition(head, PurchaseOrderStatus.CANCELLED);
        purchaseOrders.changeStatus(id, PurchaseOrderStatus.CANCELLED, why, clock.instant());
        purchaseOrders.revise(id, clock.instant());
        PurchaseOrder cancelled = require(id);
        send(cancelled, parties.requireSupplier(head.supplierId()), inventory.location(head.location()),
                PurchaseOrderSent.Cause.CANCELLED, why);
        alerting.watch(cancelled.lines().stream().map(PurchaseOrder.Line::sku).toList());
        return cancelled;
    }

    /** Closes a partly received order with a reason: nothing more is expected. 409 unless partly received. */
    @Transactional
    public PurchaseOrder closeShort(UUID id, String reason) {
        PurchaseOrders.Head head = lock(id);
        List<FieldError> errors = new ArrayList<>();
        String why = required(errors, "reason", reason, MAX_REASON);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireTransition(head, PurchaseOrderStatus.CLOSED_SHORT);
        purchaseOrders.changeStatus(id, PurchaseOrderStatus.CLOSED_SHORT, why, clock.instant());
        PurchaseOrder closed = require(id);
        alerting.watch(closed.lines().stream().map(PurchaseOrder.Line::sku).toList());
        return closed;
    }

    /** Sets an open order to RECEIVED when every line has all it ordered, else to PARTIALLY_RECEIVED once any has. */
    void settle(UUID id) {
        PurchaseOrders.Head head = purchaseOrders.find(id).orElseThrow();
        List<PurchaseOrders.Line> lines = purchaseOrders.lines(id);
        PurchaseOrderStatus next = lines.stream().allMatch(l -> l.received() >= l.ordered())
                ? PurchaseOrderStatus.RECEIVED
                : lines.stream().anyMatch(l -> l.received() > 0) ? PurchaseOrderStatus.PARTIALLY_RECEIVED
                        : head.status();
        if (next != head.status()) {
            requireTransition(head, next);
            purchaseOrders.changeStatus(id, next, null, clock.instant());
        }
    }

    public PurchaseOrder require(UUID id) {
        PurchaseOrders.Head h = purchaseOrders.find(id).orElseThrow(() -> new NotFoundException("Purchase order", id));
        Supplier supplier = parties.requireSupplier(h.supplierId());
        Map<Integer, Long> overDelivered = purchaseOrders.overDelivered(id);
        List<PurchaseOrder.Line> lines = purchaseOrders.lines(id).stream().map(l -> {
            Money unit = new Money(l.unitPrice(), h.currency());
            long open = h.status().isOpen() ? Math.max(0, l.ordered() - l.received()) : 0;
            return new PurchaseOrder.Line(l.lineNo(), l.sku(), l.supplierArticle(), l.ordered(), l.confirmed(),
                    l.received(), open, l.tolerance(), unit, unit.times(l.ordered()), l.expectedOn(), l.confirmedOn(),
                    overDelivered.getOrDefault(l.lineNo(), 0L));
        }).toList();
        Money total = lines.stream().map(PurchaseOrder.Line::amount).reduce(Money.zero(h.currency()), Money::plus);
        return new PurchaseOrder(h.id(), h.number(), supplier.code(), supplier.name(), h.location(), h.currency(),
                h.status(), h.revision(), h.note(), h.reason(), total, lines, h.createdBy(), h.createdAt(),
                h.updatedAt(), dropships.shipTo(id).orElse(null));
    }

    /**
     * The purchase order that asks a dropship supplier to ship a customer's order straight to the customer: placed
     * as any other (gap-free number, PDF in the supplier's language, the mail written in this transaction), but
     * delivered to {@code shipTo}, so it brings nothing into stock. Once per fulfilment request: the same request
     * again answers the order placed for it, and mails nothing. Prices are the supplier's unit costs from its
     * stock feed, else the stock policy's; without either, or without the supplier's e-mail address, 422.
     */
    @Transactional
    public PurchaseOrder placeDropship(DropshipPurchase purchase) {
        java.util.Optional<UUID> placed = dropships.ofRequest(purchase.request());
        if (placed.isPresent()) {
            return require(placed.get());
        }
        Supplier supplier = parties.findSupplier(purchase.supplier()).orElseThrow(() -> new InvalidInputException(
                "supplier", Wording.of("purchasing.is_not_a_known_supplier_code", purchase.supplier())));
        if (supplier.email() == null || supplier.email().isBlank()) {
            throw new InvalidInputException("supplier", Wording.of("purchasing.has_no_e_mail_address_to"));
        }
        Location location = inventory.location(purchase.location());
        String currency = purchase.currency();
        List<PlacePurchaseOrder.Line> wanted = purchase.lines().stream().map(l -> new PlacePurchaseOrder.Line(l.sku(),
                l.quantity(), l.unitCost() == null ? null : l.unitCost().toPlainString(), null, null)).toList();
        List<FieldError> errors = new ArrayList<>();
        List<PurchaseOrders.Line> rows = lines(errors, wanted, supplier, location, currency);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        UUID id = Ids.next();
        String number = billing.nextNumber(series, LocalDate.now(clock).getYear());
        purchaseOrders.insert(new PurchaseOrders.Head(id, number, supplier.id(), location.code(), currency,
                PurchaseOrderStatus.ORDERED, 1, purchase.order(), null, Actor.current(), now, now), rows);
        dropships.shipTo(id, purchase.request(), purchase.shipTo());
        PurchaseOrder order = require(id);
        send(order, supplier, location, PurchaseOrderSent.Cause.PLACED, null);
        return order;
    }

    /** The PDFs the supplier got of an order, one per revision, the first first; 404 when there is no such order. */
    public List<StoredDocument> documents(UUID id) {
        PurchaseOrders.Head h = purchaseOrders.find(id).orElseThrow(() -> new NotFoundException("Purchase order", id));
        return documents.revisions(h.number(), h.revision());
    }

    /** The id of an order given by id or number; 404 when there is none. */
    public UUID idOf(String idOrNumber) {
        try {
            return UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException e) {
            return purchaseOrders.idOf(idOrNumber).orElseThrow(() -> new NotFoundException("Purchase order",
                    idOrNumber));
        }
    }

    /** Purchase orders newest first, keyset-paged; narrowed by status or supplier code when given. */
    public Slice<PurchaseOrder> list(PurchaseOrderStatus status, String supplierCode, String after, int limit) {
        UUID supplierId = null;
        if (supplierCode != null && !supplierCode.isBlank()) {
            supplierId = parties.findSupplier(supplierCode.trim())
                    .orElseThrow(() -> new InvalidInputException("supplier",
                            Wording.of("purchasing.is_not_a_known_supplier_code_2"))).id();
        }
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after, "after");
        List<PurchaseOrder> rows = purchaseOrders.page(status, supplierId, cursor == null ? null : cursor.at(),
                cursor == null ? null : cursor.id(), limit + 1).stream().map(h -> require(h.id())).toList();
        return Slice.of(rows, limit, last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    PurchaseOrders.Head lock(UUID id) {
        return purchaseOrders.lock(id).orElseThrow(() -> new NotFoundException("Purchase order", id));
    }

    static void requireTransition(PurchaseOrders.Head head, PurchaseOrderStatus next) {
        if (!head.status().canBecome(next)) {
            throw IllegalTransition.between(org.ordo.platform.Wording.of("platform.subject.purchase_order",
                    head.number()), head.status(), next,
                    "purchaseOrderStatus");
        }
    }

    /** The order's state forbids what {@code key} says ("Purchase order PO-1 is cancelled and can no longer …"). */
    static IllegalTransition illegal(PurchaseOrders.Head head, String key) {
        return new IllegalTransition("Purchase order closed", Wording.of(key, head.number(),
                Wording.state(head.status())),
                Map.of("purchaseOrderStatus", head.status()));
    }
}
