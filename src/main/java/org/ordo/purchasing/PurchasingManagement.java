package org.ordo.purchasing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.billing.Billing;
import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.Receipt;
import org.ordo.inventory.StockStatus;
import org.ordo.ordering.OrderManagement;
import org.ordo.party.PartyManagement;
import org.ordo.party.Supplier;
import org.ordo.platform.Actor;
import org.ordo.platform.BusinessDates;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.purchasing.internal.PurchaseOrderDocuments;
import org.ordo.purchasing.internal.PurchaseOrders;
import org.ordo.purchasing.internal.ReorderAlerts;
import org.ordo.purchasing.internal.Replenishment;
import org.ordo.purchasing.internal.StockPolicies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment and purchasing: stock policies, suggestions, the one reorder alert per fall below the reorder
 * point, purchase orders to suppliers and receiving against their lines (docs/purchasing.md).
 */
@Service
public class PurchasingManagement {

    /** How goods received against a purchase order line are booked in inventory's ledger (document type). */
    public static final String DOCUMENT_TYPE = "PURCHASE_ORDER";
    /*
     * The limits the checks below apply; the request records state them in the OpenAPI document from these same
     * constants (docs/api/contract.md), so the document and the server cannot disagree.
     */
    /** Lines of a purchase order; line numbers run from 1 to this. */
    public static final int MAX_LINES = 500;
    /** A supplier code, as the party module's supplier codes are at most this long. */
    public static final int MAX_SUPPLIER_CODE = 32;
    /** A location (warehouse) code, as inventory's location codes are at most this long. */
    public static final int MAX_LOCATION_CODE = 16;
    /** A SKU, as the catalog's SKUs are at most this long. */
    public static final int MAX_SKU = 64;
    /** A supplier's article number. */
    public static final int MAX_SUPPLIER_ARTICLE = 64;
    /** A purchase order's note, or the note of a receipt. */
    public static final int MAX_NOTE = 500;
    /** The reason given for changing, cancelling or closing a purchase order short. */
    public static final int MAX_REASON = 200;
    /** The most weeks of past demand a demand-based reorder point looks at. */
    public static final int MAX_DEMAND_WEEKS = 52;
    /** Days from ordering to delivery. */
    public static final int MAX_LEAD_TIME_DAYS = 365;
    /** Any quantity of a policy or an order line (inventory's limit for one movement). */
    public static final long MAX_QUANTITY = InventoryManagement.MAX_QUANTITY;

    private final StockPolicies policies;
    private final ReorderAlerts alerts;
    private final PurchaseOrders purchaseOrders;
    private final PurchaseOrderDocuments documents;
    private final InventoryManagement inventory;
    private final PartyManagement parties;
    private final Catalog catalog;
    private final OrderManagement orders;
    private final Billing billing;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int overDeliveryPercent;
    private final String series;
    private final String alertEmail;
    private final String alertLocale;

    /** Warns when suggested goods would not fit the warehouse; a provider, as space reads stock through inventory. */
    private final org.springframework.beans.factory.ObjectProvider<org.ordo.space.SpaceManagement> space;

    PurchasingManagement(StockPolicies policies, ReorderAlerts alerts, PurchaseOrders purchaseOrders,
            PurchaseOrderDocuments documents, InventoryManagement inventory, PartyManagement parties, Catalog catalog,
            OrderManagement orders, Billing billing, ApplicationEventPublisher events, Clock clock,
            @Value("${ordo.purchasing.over-delivery-percent:10}") int overDeliveryPercent,
            @Value("${ordo.purchasing.series:PO}") String series,
            @Value("${ordo.purchasing.alert-email:}") String alertEmail,
            @Value("${ordo.purchasing.alert-locale:en}") String alertLocale,
            org.springframework.beans.factory.ObjectProvider<org.ordo.space.SpaceManagement> space) {
        this.space = space;
        if (overDeliveryPercent < 0 || overDeliveryPercent > 100) {
            throw new IllegalArgumentException("ordo.purchasing.over-delivery-percent must be 0 to 100");
        }
        this.policies = policies;
        this.alerts = alerts;
        this.purchaseOrders = purchaseOrders;
        this.documents = documents;
        this.inventory = inventory;
        this.parties = parties;
        this.catalog = catalog;
        this.orders = orders;
        this.billing = billing;
        this.events = events;
        this.clock = clock;
        this.overDeliveryPercent = overDeliveryPercent;
        this.series = series;
        this.alertEmail = alertEmail == null ? "" : alertEmail.trim();
        this.alertLocale = alertLocale;
    }

    // --- stock policies ---------------------------------------------------------------------------------------

    /**
     * Sets the stock policy of a SKU at a location (replacing the one there was); 422 naming every faulty field.
     * Then checks the SKU against its reorder point, as a new policy may put it below.
     */
    @Transactional
    public StockPolicy setPolicy(String sku, StockPolicyDraft d) {
        catalog.require(sku);
        if (d == null) {
            throw new InvalidInputException("body", "is required: the policy as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        String location = d.location() == null ? null : d.location().trim();
        if (location == null || location.isEmpty()) {
            errors.add(new FieldError("location", "is required: the location (warehouse code) of the policy"));
        } else if (location.length() > MAX_LOCATION_CODE) {
            errors.add(new FieldError("location", "must be at most " + MAX_LOCATION_CODE + " characters"));
        } else if (inventory.locations().stream().noneMatch(l -> l.code().equals(location))) {
            errors.add(new FieldError("location", "is not a known location: " + location));
        }
        quantity(errors, "reorderPoint", d.reorderPoint(), 0, true);
        quantity(errors, "targetLevel", d.targetLevel(), 1, false);
        quantity(errors, "reorderQuantity", d.reorderQuantity(), 1, false);
        quantity(errors, "safetyStock", d.safetyStock(), 0, false);
        quantity(errors, "packSize", d.packSize(), 1, false);
        quantity(errors, "minimumOrder", d.minimumOrder(), 1, false);
        if ((d.targetLevel() == null) == (d.reorderQuantity() == null)) {
            errors.add(new FieldError(d.targetLevel() == null ? "targetLevel" : "reorderQuantity",
                    "give exactly one of targetLevel (order up to it) and reorderQuantity (order multiples of it)"));
        }
        if (d.targetLevel() != null && d.reorderPoint() != null && d.targetLevel() <= d.reorderPoint()) {
            errors.add(new FieldError("targetLevel", "must be above the reorder point"));
        }
        if (d.safetyStock() != null && d.reorderPoint() != null && d.safetyStock() > d.reorderPoint()) {
            errors.add(new FieldError("safetyStock", "must not be above the reorder point"));
        }
        if (d.demandWeeks() != null && (d.demandWeeks() < 1 || d.demandWeeks() > MAX_DEMAND_WEEKS)) {
            errors.add(new FieldError("demandWeeks", "must be between 1 and " + MAX_DEMAND_WEEKS));
        }
        if (d.leadTimeDays() != null && (d.leadTimeDays() < 0 || d.leadTimeDays() > MAX_LEAD_TIME_DAYS)) {
            errors.add(new FieldError("leadTimeDays", "must be between 0 and " + MAX_LEAD_TIME_DAYS));
        }
        Supplier supplier = null;
        if (d.supplier() != null && d.supplier().length() > MAX_SUPPLIER_CODE) {
            errors.add(new FieldError("supplier", "must be at most " + MAX_SUPPLIER_CODE + " characters"));
        } else if (d.supplier() != null) {
            supplier = parties.findSupplier(d.supplier()).orElse(null);
            if (supplier == null) {
                errors.add(new FieldError("supplier", "is not a known supplier code: " + d.supplier()));
            }
        }
        String article = text(errors, "supplierArticle", d.supplierArticle(), MAX_SUPPLIER_ARTICLE);
        if (article != null && d.supplier() == null) {
            errors.add(new FieldError("supplierArticle", "needs a supplier"));
        }
        Money price = null;
        if (d.purchasePrice() != null) {
            try {
                price = d.purchasePrice().toMoney("purchasePrice");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        policies.put(new StockPolicies.Row(sku, location, d.reorderPoint(), d.targetLevel(), d.reorderQuantity(),
                d.safetyStock() == null ? 0 : d.safetyStock(), supplier == null ? null : supplier.id(), article,
                price == null ? null : price.amount(), price == null ? null : price.currency(),
                d.packSize() == null ? 1 : d.packSize(), d.minimumOrder() == null ? 1 : d.minimumOrder(),
                d.leadTimeDays(), null, d.overDelivery() == null ? OverDelivery.REFUSE : d.overDelivery(),
                d.demandWeeks()));
        watch(List.of(sku));
        return view(policies.find(sku, location).orElseThrow());
    }

    /** The stock policies of a SKU, one per location that has one. */
    public List<StockPolicy> policies(String sku) {
        catalog.require(sku);
        return policies.of(sku).stream().map(this::view).toList();
    }

    private StockPolicy view(StockPolicies.Row r) {
        Supplier supplier = r.supplierId() == null ? null : parties.requireSupplier(r.supplierId());
        return new StockPolicy(r.sku(), r.location(), r.reorderPoint(), r.targetLevel(), r.reorderQuantity(),
                r.safetyStock(), supplier == null ? null : supplier.code(), r.supplierArticle(),
                r.purchasePrice() == null ? null : new Money(r.purchasePrice(), r.currency()), r.packSize(),
                r.minimumOrder(), r.leadTimeDays(), leadTime(r, supplier), r.updatedAt(), r.overDelivery(),
                r.demandWeeks(), demand(r, supplier));
    }

    /**
     * The reorder point from demand of a policy that asks for one (docs/purchasing.md#demand-based-reorder-points),
     * with its inputs; null for a fixed reorder point. The window ends now and starts {@code 7 × weeks} days back.
     */
    private DemandReorderPoint demand(StockPolicies.Row r, Supplier supplier) {
        if (r.demandWeeks() == null) {
            return null;
        }
        int weeks = r.demandWeeks();
        Instant since = clock.instant().minus(java.time.Duration.ofDays(7L * weeks));
        long demand = inventory.demandSince(r.sku(), r.location(), since);
        int lead = leadTime(r, supplier);
        long fromDemand = Replenishment.reorderPointFromDemand(demand, weeks, lead, r.safetyStock());
        return new DemandReorderPoint(weeks, LocalDate.ofInstant(since, clock.getZone()), demand,
                BigDecimal.valueOf(demand).divide(BigDecimal.valueOf(7L * weeks), 2, java.math.RoundingMode.HALF_UP)
                        .toPlainString(),
                lead, r.safetyStock(), fromDemand, r.reorderPoint(), Math.max(fromDemand, r.reorderPoint()));
    }

    private static int leadTime(StockPolicies.Row r, Supplier supplier) {
        if (r.leadTimeDays() != null) {
            return r.leadTimeDays();
        }
        return supplier == null || supplier.leadTimeDays() == null ? 0 : supplier.leadTimeDays();
    }

    // --- positions, suggestions, alerts -----------------------------------------------------------------------

    /** A policy with the figures of its stock position. */
    private record Position(StockPolicies.Row policy, long available, long onOrder, long backordered,
            DemandReorderPoint demand) {

        long value() {
            return Replenishment.position(available, onOrder, backordered);
        }

        /** The reorder point in use: from demand when the policy asks for it, else as given. */
        long reorderPoint() {
            return demand == null ? policy.reorderPoint() : demand.reorderPoint();
        }

        long quantity() {
            return Replenishment.quantity(value(), reorderPoint(), policy.targetLevel(),
                    policy.reorderQuantity(), policy.minimumOrder(), policy.packSize());
        }
    }

    /**
     * The positions of these policies. Backorders are not tied to a location: a SKU's backordered units count
     * against its policy at the location that ships first (lowest priority), where they will be served.
     */
    private List<Position> positions(List<StockPolicies.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> skus = rows.stream().map(StockPolicies.Row::sku).distinct().toList();
        Map<String, Long> backordered = orders.backordered(skus);
        Map<String, Integer> priority = new HashMap<>();
        inventory.locations().forEach(l -> priority.put(l.code(), l.priority()));
        Map<String, String> servesBackorders = new HashMap<>();
        for (StockPolicies.Row r : policies.ofSkus(skus)) {
            servesBackorders.merge(r.sku(), r.location(), (a, b) -> Comparator.<String, Integer>comparing(
                    code -> priority.getOrDefault(code, Integer.MAX_VALUE)).thenComparing(code -> code)
                    .compare(a, b) <= 0 ? a : b);
        }
        Map<String, Map<String, Long>> available = new HashMap<>();
        Map<String, Map<String, Long>> onOrder = new HashMap<>();
        for (String sku : skus) {
            Map<String, Long> here = new HashMap<>();
            StockStatus stock = inventory.stock(sku);
            stock.locations().forEach(l -> here.put(l.location(), l.available()));
            available.put(sku, here);
            Map<String, Long> coming = new HashMap<>();
            purchaseOrders.expected(sku).forEach(e -> coming.merge(e.location(), e.quantity(), Long::sum));
            onOrder.put(sku, coming);
        }
        Map<UUID, Supplier> suppliers = new HashMap<>();
        return rows.stream().map(r -> new Position(r, available.get(r.sku()).getOrDefault(r.location(), 0L),
                onOrder.get(r.sku()).getOrDefault(r.location(), 0L),
                r.location().equals(servesBackorders.get(r.sku())) ? backordered.getOrDefault(r.sku(), 0L) : 0,
                r.demandWeeks() == null ? null : demand(r, r.supplierId() == null ? null
                        : suppliers.computeIfAbsent(r.supplierId(), parties::requireSupplier))))
                .toList();
    }

    /**
     * What to buy now: every policy whose stock position is below its reorder point, grouped by supplier and
     * location (policies without a supplier under none); narrowed to a supplier code or location when given.
     * Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions(String supplierCode, String location) {
        UUID supplierId = null;
        if (supplierCode != null && !supplierCode.isBlank()) {
            supplierId = parties.findSupplier(supplierCode.trim())
                    .orElseThrow(() -> new InvalidInputException("supplier", "is not a known supplier code")).id();
        }
        String at = location == null || location.isBlank() ? null : location.trim();
        LocalDate today = LocalDate.now(clock);
        Map<String, List<Suggestion.Line>> grouped = new LinkedHashMap<>();
        Map<String, Suggestion> heads = new HashMap<>();
        Map<UUID, Supplier> suppliers = new HashMap<>();
        for (Position p : positions(policies.all(supplierId, at))) {
            long quantity = p.quantity();
            if (quantity == 0) {
                continue;
            }
            StockPolicies.Row r = p.policy();
            Supplier supplier = r.supplierId() == null ? null
                    : suppliers.computeIfAbsent(r.supplierId(), parties::requireSupplier);
            String currency = supplier != null && supplier.currency() != null ? supplier.currency() : r.currency();
            String key = (supplier == null ? "" : supplier.code()) + "|" + r.location();
            heads.computeIfAbsent(key, k -> new Suggestion(supplier == null ? null : supplier.code(),
                    supplier == null ? null : supplier.name(), r.location(), currency, List.of(), null));
            Money price = r.purchasePrice() == null || !Objects.equals(r.currency(), currency) ? null
                    : new Money(r.purchasePrice(), r.currency());
            grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(new Suggestion.Line(r.sku(),
                    r.supplierArticle(), p.available(), p.onOrder(), p.backordered(), p.value(), p.reorderPoint(),
                    r.safetyStock(), r.targetLevel(), r.reorderQuantity(), r.packSize(), r.minimumOrder(), quantity,
                    price, today.plusDays(leadTime(r, supplier)), p.value() < r.safetyStock(), p.demand()));
        }
        return grouped.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> {
            Suggestion head = heads.get(e.getKey());
            Map<String, Long> quantities = new HashMap<>();
            e.getValue().forEach(l -> quantities.merge(l.sku(), l.quantity(), Long::sum));
            return new Suggestion(head.supplier(), head.supplierName(), head.location(), head.currency(),
                    List.copyOf(e.getValue()), space.getObject().wouldNotFit(head.location(), quantities).orElse(null));
        }).toList();
    }

    /**
     * Checks these SKUs against their reorder points: below, the alert is raised once (a unique index keeps one
     * open per SKU and location, so concurrent orders raise it once) and {@link ReorderPointReached} is published
     * in this transaction; at or above, an open alert is cleared, so the next fall alerts again.
     */
    @Transactional
    public void watch(Collection<String> skus) {
        List<StockPolicies.Row> rows = policies.ofSkus(skus.stream().distinct().sorted().toList());
        Instant now = clock.instant();
        for (Position p : positions(rows)) {
            StockPolicies.Row r = p.policy();
            if (Replenishment.below(p.value(), p.reorderPoint())) {
                Optional<UUID> raised = alerts.raise(r.sku(), r.location(), p.value(), p.reorderPoint(), now);
                raised.ifPresent(id -> events.publishEvent(new ReorderPointReached(id, r.sku(), r.location(),
                        p.value(), p.reorderPoint(), r.supplierId() == null ? null
                                : parties.requireSupplier(r.supplierId()).code(), p.quantity())));
            } else {
                alerts.clear(r.sku(), r.location(), now);
            }
        }
    }

    /** How many past weeks of demand the dashboard's days of cover use. */
    public static final int COVER_WEEKS = 4;

    /**
     * The dashboard's stock figures over every stock policy: on hand at its location times its purchase price, summed
     * per currency; the open reorder alerts; and the {@code limit} policies whose available stock lasts the fewest
     * days at the demand of the last {@link #COVER_WEEKS} weeks (policies without demand last forever and are left
     * out). Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public StockFigures stockFigures(int limit) {
        List<StockPolicies.Row> rows = policies.all(null, null);
        List<String> skus = rows.stream().map(StockPolicies.Row::sku).distinct().toList();
        Map<String, Map<String, org.ordo.inventory.StockLevel>> levels = new HashMap<>();
        if (!skus.isEmpty()) {
            inventory.levelsHolding(skus).forEach(l -> levels.computeIfAbsent(l.sku(), k -> new HashMap<>())
                    .put(l.location(), l));
        }
        int days = 7 * COVER_WEEKS;
        Map<String, Map<String, Long>> demand = inventory.demandSince(skus,
                clock.instant().minus(java.time.Duration.ofDays(days)));
        Map<String, BigDecimal> value = new TreeMap<>();
        int unpriced = 0;
        List<StockFigures.Cover> cover = new ArrayList<>();
        for (StockPolicies.Row r : rows) {
            org.ordo.inventory.StockLevel level = levels.getOrDefault(r.sku(), Map.of()).get(r.location());
            long onHand = level == null ? 0 : level.onHand();
            long available = level == null ? 0 : Math.max(0, level.available());
            if (onHand > 0 && r.purchasePrice() == null) {
                unpriced++;
            } else if (onHand > 0) {
                value.merge(r.currency(), r.purchasePrice().multiply(BigDecimal.valueOf(onHand)), BigDecimal::add);
            }
            long sold = demand.getOrDefault(r.sku(), Map.of()).getOrDefault(r.location(), 0L);
            if (sold > 0) {
                cover.add(new StockFigures.Cover(r.sku(), r.location(), available, sold, BigDecimal.valueOf(sold)
                        .divide(BigDecimal.valueOf(days), 2, java.math.RoundingMode.HALF_UP).toPlainString(),
                        Math.multiplyExact(available, (long) days) / sold));
            }
        }
        cover.sort(Comparator.comparingLong(StockFigures.Cover::days).thenComparing(StockFigures.Cover::sku)
                .thenComparing(StockFigures.Cover::location));
        return new StockFigures(value.entrySet().stream().map(e -> Money.rounded(e.getValue(), e.getKey())).toList(),
                unpriced, alerts.countOpen(), List.copyOf(cover.subList(0, Math.min(limit, cover.size()))),
                COVER_WEEKS);
    }

    /** Reorder alerts, newest first; only those still open when {@code open}. */
    public List<ReorderAlert> alerts(boolean open, String sku, int limit) {
        return alerts.list(open, sku == null || sku.isBlank() ? null : sku.trim(), limit);
    }

    /** Where reorder alerts are mailed (empty: only the back office shows them), and in which language. */
    public Optional<String> alertRecipient() {
        return alertEmail.isEmpty() ? Optional.empty() : Optional.of(alertEmail);
    }

    public String alertLocale() {
        return alertLocale;
    }

    // --- purchase orders --------------------------------------------------------------------------------------

    /**
     * Places a purchase order by hand or from the current suggestions: numbered gap-free in the caller's
     * transaction ({@code PO-2026-000001}), its PDF stored in the supplier's language and {@link PurchaseOrderSent}
     * published, so the mail to the supplier is written with it. 422 naming every faulty field.
     */
    @Transactional
    public PurchaseOrder place(PlacePurchaseOrder command) {
        if (command == null) {
            throw new InvalidInputException("body", "is required: the purchase order as JSON");
        }
        List<FieldError> errors = new ArrayList<>();
        Supplier supplier = command.supplier() == null || command.supplier().length() > MAX_SUPPLIER_CODE ? null
                : parties.findSupplier(command.supplier()).orElse(null);
        if (command.supplier() != null && command.supplier().length() > MAX_SUPPLIER_CODE) {
            errors.add(new FieldError("supplier", "must be at most " + MAX_SUPPLIER_CODE + " characters"));
        } else if (supplier == null) {
            errors.add(new FieldError("supplier", command.supplier() == null ? "is required: a supplier code"
                    : "is not a known supplier code: " + command.supplier()));
        } else if (supplier.email() == null || supplier.email().isBlank()) {
            errors.add(new FieldError("supplier", "has no e-mail address to send the order to"));
        }
        Location location = command.location() == null ? null : inventory.locations().stream()
                .filter(l -> l.code().equals(command.location())).findFirst().orElse(null);
        if (command.location() != null && command.location().length() > MAX_LOCATION_CODE) {
            errors.add(new FieldError("location", "must be at most " + MAX_LOCATION_CODE + " characters"));
        } else if (location == null) {
            errors.add(new FieldError("location", command.location() == null ? "is required: where to deliver"
                    : "is not a known location: " + command.location()));
        }
        String currency = command.currency() != null ? command.currency()
                : supplier == null ? null : supplier.currency();
        if (currency == null) {
            // the supplier's currency is the default (docs/purchasing.md): only a known supplier without one needs it
            if (supplier != null) {
                errors.add(new FieldError("currency", "is required: the supplier has no currency"));
            }
        } else if (!Money.isKnownCurrency(currency)) {
            errors.add(new FieldError("currency", "is not an ISO 4217 currency code"));
            currency = null;
        }
        String note = text(errors, "note", command.note(), MAX_NOTE);
        boolean fromSuggestions = Boolean.TRUE.equals(command.fromSuggestions());
        List<PlacePurchaseOrder.Line> lines = command.lines() == null ? List.of() : command.lines();
        if (fromSuggestions && !lines.isEmpty()) {
            errors.add(new FieldError("lines", "must be empty when the order is made from suggestions"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (fromSuggestions) {
            lines = suggestions(supplier.code(), location.code()).stream().flatMap(s -> s.lines().stream())
                    .map(l -> new PlacePurchaseOrder.Line(l.sku(), l.quantity(), null, l.expectedOn(), null))
                    .toList();
            if (lines.isEmpty()) {
                throw new InvalidInputException("fromSuggestions", "there is nothing to order from " + supplier.code()
                        + " for " + location.code() + " now");
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
        watch(rows.stream().map(PurchaseOrders.Line::sku).toList());
        return placed;
    }

    private List<PurchaseOrders.Line> lines(List<FieldError> errors, List<PlacePurchaseOrder.Line> lines,
            Supplier supplier, Location location, String currency) {
        if (lines.isEmpty()) {
            errors.add(new FieldError("lines", "is required: at least one line"));
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "has more than " + MAX_LINES + " lines"));
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<PurchaseOrders.Line> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String at = "lines[" + i + "]";
            PlacePurchaseOrder.Line l = lines.get(i);
            if (l == null) {
                errors.add(new FieldError(at, "must be a line"));
                continue;
            }
            Article article = l.sku() == null || l.sku().length() > MAX_SKU ? null : catalog.find(l.sku()).orElse(null);
            if (l.sku() != null && l.sku().length() > MAX_SKU) {
                errors.add(new FieldError(at + ".sku", "must be at most " + MAX_SKU + " characters"));
            } else if (article == null) {
                errors.add(new FieldError(at + ".sku", l.sku() == null ? "is required" : "is not a known SKU"));
            } else if (!article.isPhysical()) {
                errors.add(new FieldError(at + ".sku", "is a digital article: nothing to buy in"));
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
                errors.add(new FieldError(at + ".unitPrice", "is required: no purchase price in " + currency
                        + " in the stock policy"));
            }
            String supplierArticle = text(errors, at + ".supplierArticle", l.supplierArticle(), MAX_SUPPLIER_ARTICLE);
            if (supplierArticle == null && policy != null && supplier.id().equals(policy.supplierId())) {
                supplierArticle = policy.supplierArticle();
            }
            LocalDate expected = l.expectedOn();
            if (expected == null) {
                expected = today.plusDays(policy == null ? (supplier.leadTimeDays() == null ? 0
                        : supplier.leadTimeDays()) : leadTime(policy, supplier));
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
            errors.add(new FieldError("lines", "is required: the confirmed lines"));
        } else if (confirmed.size() > MAX_LINES) {
            throw new InvalidInputException("lines", "has more than " + MAX_LINES + " lines");
        }
        for (int i = 0; i < confirmed.size(); i++) {
            String at = "lines[" + i + "]";
            ConfirmPurchaseOrder.Line c = confirmed.get(i);
            if (c == null) {
                errors.add(new FieldError(at, "must be a line"));
                continue;
            }
            lineOf(errors, at + ".line", c.line(), lines);
            quantity(errors, at + ".quantity", c.quantity(), 0, true);
            if (c.deliveryDate() == null) {
                errors.add(new FieldError(at + ".deliveryDate", "is required: the date the supplier promised"));
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
            throw illegal(head, "changed");
        }
        List<PurchaseOrders.Line> lines = purchaseOrders.lines(id);
        List<FieldError> errors = new ArrayList<>();
        String reason = required(errors, "reason", command == null ? null : command.reason(), MAX_REASON);
        List<ChangePurchaseOrder.Line> changes = command == null || command.lines() == null ? List.of()
                : command.lines();
        if (changes.isEmpty()) {
            errors.add(new FieldError("lines", "is required: the lines to change"));
        } else if (changes.size() > MAX_LINES) {
            throw new InvalidInputException("lines", "has more than " + MAX_LINES + " lines");
        }
        for (int i = 0; i < changes.size(); i++) {
            String at = "lines[" + i + "]";
            ChangePurchaseOrder.Line c = changes.get(i);
            if (c == null) {
                errors.add(new FieldError(at, "must be a line"));
                continue;
            }
            PurchaseOrders.Line line = lineOf(errors, at + ".line", c.line(), lines);
            quantity(errors, at + ".quantity", c.quantity(), 1, false);
            if (line != null && c.quantity() != null && c.quantity() < line.received()) {
                errors.add(new FieldError(at + ".quantity", "must not be below the " + line.received()
                        + " received already"));
            }
            if (c.expectedOn() != null && BusinessDates.fault(c.expectedOn()) != null) {
                errors.add(new FieldError(at + ".expectedOn", BusinessDates.fault(c.expectedOn())));
            }
            if (c.quantity() == null && c.expectedOn() == null) {
                errors.add(new FieldError(at, "give a quantity or an expectedOn date to change"));
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
        watch(lines.stream().map(PurchaseOrders.Line::sku).toList());
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
        watch(cancelled.lines().stream().map(PurchaseOrder.Line::sku).toList());
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
        watch(closed.lines().stream().map(PurchaseOrder.Line::sku).toList());
        return closed;
    }

    /**
     * Receives goods against a line: adds to the line's received quantity only within ordered + tolerance (a
     * conditional UPDATE, so concurrent receipts cannot pass it together). Beyond it, 409 {@code over-delivery}, or,
     * when the SKU's stock policy there says RECORD, the line is filled to its limit and the rest recorded as a
     * discrepancy of the line; either way the goods taken in are all put them on hand at the order's location as one RECEIPT movement referencing the line
     * ({@code PO-2026-000001/1}), which fills backorders as every receipt does. The order is RECEIVED when every
     * line is. Locks the order; 409 once it is closed.
     */
    @Transactional
    public PurchaseOrder receive(UUID id, ReceivePurchase command) {
        PurchaseOrders.Head head = lock(id);
        List<PurchaseOrders.Line> lines = purchaseOrders.lines(id);
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            throw new InvalidInputException("body", "is required: the line and quantity received");
        }
        PurchaseOrders.Line line = lineOf(errors, "line", command.line(), lines);
        quantity(errors, "quantity", command.quantity(), 1, true);
        String note = text(errors, "note", command.note(), MAX_NOTE);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!head.status().isOpen()) {
            throw illegal(head, "received against");
        }
        long beyond = 0;
        if (!purchaseOrders.receive(id, line.lineNo(), command.quantity())) {
            long allowed = line.ordered() + line.tolerance() - line.received();
            boolean record = policies.find(line.sku(), head.location())
                    .map(p -> p.overDelivery() == OverDelivery.RECORD).orElse(false);
            if (!record) {
                throw new ConflictException("over-delivery", "More than ordered",
                        "Line " + line.lineNo() + " of " + head.number() + " may receive at most " + allowed
                                + " more (ordered " + line.ordered() + ", tolerance " + line.tolerance()
                                + ", received " + line.received() + "); refuse the rest or change the order first",
                        Map.of("line", line.lineNo(), "allowed", allowed));
            }
            // The order row is locked, so the line still has exactly `allowed` room: fill it, record the rest.
            if (allowed > 0 && !purchaseOrders.receive(id, line.lineNo(), allowed)) {
                throw new IllegalStateException("Line " + line.lineNo() + " of " + head.number()
                        + " received more under a lock");
            }
            beyond = command.quantity() - Math.max(0, allowed);
            purchaseOrders.recordOverDelivery(id, line.lineNo(), beyond, note, Actor.current(), clock.instant());
        }
        inventory.receive(new Receipt(line.sku(), head.location(), command.quantity(),
                head.number() + "/" + line.lineNo(), note != null ? note : beyond > 0 ? "received against "
                        + head.number() + ", " + beyond + " beyond the order recorded as a discrepancy"
                        : "received against " + head.number()), DOCUMENT_TYPE);
        settle(id);
        return require(id);
    }

    /** Sets an open order to RECEIVED when every line has all it ordered, else to PARTIALLY_RECEIVED once any has. */
    private void settle(UUID id) {
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
                h.updatedAt());
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
                    .orElseThrow(() -> new InvalidInputException("supplier", "is not a known supplier code")).id();
        }
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after, "after");
        List<PurchaseOrder> rows = purchaseOrders.page(status, supplierId, cursor == null ? null : cursor.at(),
                cursor == null ? null : cursor.id(), limit + 1).stream().map(h -> require(h.id())).toList();
        return Slice.of(rows, limit, last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    // --- available to promise ---------------------------------------------------------------------------------

    /**
     * Available to promise of a SKU over time: from today (available now less what backorders wait for), then
     * from each date an open purchase order line is expected (late ones count from today). Never below 0. For
     * promising delivery dates: reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<PromisableStock> availableToPromise(String sku) {
        StockStatus stock = inventory.stock(sku);
        LocalDate today = LocalDate.now(clock);
        long running = stock.available() - orders.backordered(List.of(sku)).getOrDefault(sku, 0L);
        TreeMap<LocalDate, Long> incoming = new TreeMap<>();
        for (ExpectedReceipt e : stock.incoming()) {
            incoming.merge(e.expectedOn().isBefore(today) ? today : e.expectedOn(), e.quantity(), Long::sum);
        }
        List<PromisableStock> result = new ArrayList<>();
        running += incoming.getOrDefault(today, 0L);
        result.add(new PromisableStock(today, Math.max(0, running)));
        for (var e : incoming.tailMap(today, false).entrySet()) {
            running += e.getValue();
            result.add(new PromisableStock(e.getKey(), Math.max(0, running)));
        }
        return result;
    }

    /** Available to promise of a SKU on a date (see {@link #availableToPromise(String)}). */
    public long availableToPromise(String sku, LocalDate on) {
        long result = 0;
        for (PromisableStock step : availableToPromise(sku)) {
            if (!step.from().isAfter(on)) {
                result = step.quantity();
            }
        }
        return result;
    }

    /** Lines that received more than ordered + tolerance (or less than 0); empty when all is well. */
    @Transactional(readOnly = true)
    public List<String> receivedBeyondTolerance() {
        return purchaseOrders.receivedBeyondTolerance();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private PurchaseOrders.Head lock(UUID id) {
        return purchaseOrders.lock(id).orElseThrow(() -> new NotFoundException("Purchase order", id));
    }

    private static void requireTransition(PurchaseOrders.Head head, PurchaseOrderStatus next) {
        if (!head.status().canBecome(next)) {
            throw new ConflictException("illegal-transition", "Illegal transition", "Purchase order " + head.number()
                    + " is " + head.status() + " and cannot become " + next,
                    Map.of("purchaseOrderStatus", head.status()));
        }
    }

    private static ConflictException illegal(PurchaseOrders.Head head, String what) {
        return new ConflictException("illegal-transition", "Purchase order closed", "Purchase order "
                + head.number() + " is " + head.status() + " and can no longer be " + what,
                Map.of("purchaseOrderStatus", head.status()));
    }

    private static PurchaseOrders.Line lineOf(List<FieldError> errors, String field, Integer lineNo,
            List<PurchaseOrders.Line> lines) {
        if (lineNo == null) {
            errors.add(new FieldError(field, "is required: a line number of the order"));
            return null;
        }
        PurchaseOrders.Line line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst().orElse(null);
        if (line == null) {
            errors.add(new FieldError(field, "is not a line of this order"));
        }
        return line;
    }

    private static void quantity(List<FieldError> errors, String field, Long value, long min, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required: a whole number"));
            }
        } else if (value < min || value > MAX_QUANTITY) {
            errors.add(new FieldError(field, "must be between " + min + " and " + MAX_QUANTITY));
        }
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String fault = TextInput.fault(value, false);
        if (fault != null) {
            errors.add(new FieldError(field, fault));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
        return value.trim();
    }

    private static String required(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: say why"));
            return null;
        }
        return text(errors, field, value, max);
    }
}
