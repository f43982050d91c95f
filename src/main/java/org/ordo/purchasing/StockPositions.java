package org.ordo.purchasing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockStatus;
import org.ordo.ordering.OrderManagement;
import org.ordo.party.PartyManagement;
import org.ordo.party.Supplier;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.Wording;
import org.ordo.purchasing.internal.PurchaseOrders;
import org.ordo.purchasing.internal.ReorderAlerts;
import org.ordo.purchasing.internal.Replenishment;
import org.ordo.purchasing.internal.StockPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where each policy's stock stands (available + on order − backordered, docs/purchasing.md#the-replenishment-rule-and-
 * the-suggestions) and what follows from it: the suggestions of what to buy, the dashboard's stock figures and
 * available to promise over time. Reads, locks nothing.
 */
@Service
class StockPositions {

    private final StockPolicies policies;
    private final PurchaseOrders purchaseOrders;
    private final InventoryManagement inventory;
    private final PartyManagement parties;
    private final OrderManagement orders;
    private final ReorderAlerts alerts;
    private final Clock clock;

    /** Warns when suggested goods would not fit the warehouse; a provider, as space reads stock through inventory. */
    private final org.springframework.beans.factory.ObjectProvider<org.ordo.space.SpaceManagement> space;

    StockPositions(StockPolicies policies, PurchaseOrders purchaseOrders, InventoryManagement inventory,
            PartyManagement parties, OrderManagement orders, ReorderAlerts alerts, Clock clock,
            org.springframework.beans.factory.ObjectProvider<org.ordo.space.SpaceManagement> space) {
        this.policies = policies;
        this.purchaseOrders = purchaseOrders;
        this.inventory = inventory;
        this.parties = parties;
        this.orders = orders;
        this.alerts = alerts;
        this.clock = clock;
        this.space = space;
    }

    /**
     * The reorder point from demand of a policy that asks for one (docs/purchasing.md#demand-based-reorder-points),
     * with its inputs; null for a fixed reorder point. The window ends now and starts {@code 7 × weeks} days back.
     */
    DemandReorderPoint demand(StockPolicies.Row r, Supplier supplier) {
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

    static int leadTime(StockPolicies.Row r, Supplier supplier) {
        if (r.leadTimeDays() != null) {
            return r.leadTimeDays();
        }
        return supplier == null || supplier.leadTimeDays() == null ? 0 : supplier.leadTimeDays();
    }

    /** A policy with the figures of its stock position. */
    record Position(StockPolicies.Row policy, long available, long onOrder, long backordered,
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
    List<Position> positions(List<StockPolicies.Row> rows) {
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
                    .orElseThrow(() -> new InvalidInputException("supplier",
                            Wording.of("purchasing.is_not_a_known_supplier_code_2"))).id();
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
     * The dashboard's stock figures over every stock policy: on hand at its location times its purchase price, summed
     * per currency; the open reorder alerts; and the {@code limit} policies whose available stock lasts the fewest
     * days at the demand of the last {@link PurchasingManagement#COVER_WEEKS} weeks (policies without demand last
     * forever and are left out). Reads, locks nothing.
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
        int days = 7 * PurchasingManagement.COVER_WEEKS;
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
                PurchasingManagement.COVER_WEEKS);
    }

    /**
     * Available to promise of a SKU over time: from today (available now less what backorders wait for), then
     * from each date an open purchase order line is expected (late ones count from today). Never below 0. For
     * promising delivery dates: reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<PromisableStock> availableToPromise(String sku) {
        StockStatus stock = inventory.stock(sku);
        return availableToPromise(sku, stock.available(), stock.incoming());
    }

    /**
     * The same from what the caller has read already: what is available of the SKU now, over all locations, and what
     * is expected to come in. Reads only the backorders waiting for it.
     */
    public List<PromisableStock> availableToPromise(String sku, long availableNow, List<ExpectedReceipt> expected) {
        LocalDate today = LocalDate.now(clock);
        long running = availableNow - orders.backordered(List.of(sku)).getOrDefault(sku, 0L);
        TreeMap<LocalDate, Long> incoming = new TreeMap<>();
        for (ExpectedReceipt e : expected) {
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
}
