package org.ordo.promise.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.ordo.catalog.Article;
import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.FulfilmentRouting;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.StockLevel;
import org.ordo.promise.CarrierService;
import org.ordo.promise.PromiseOption;
import org.ordo.promise.SupplySource;
import org.ordo.purchasing.PromisableStock;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.SupplyLeadTime;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where the goods of a promise come from and the options to deliver them: the one computation behind the
 * checkout's answer and the promise of a new order (docs/promise.md). Goods in stock ship from the warehouses
 * allocation would take them from (the routing rules' rank, then priority); goods not in stock from what
 * purchasing can promise (INCOMING) or from the supplier (BACKORDER).
 */
@Component
public class DeliveryOptions {

    private final InventoryManagement inventory;
    private final PurchasingManagement purchasing;
    private final PromiseSettings settings;
    private final ObjectProvider<FulfilmentRouting> routing;
    private final Schedule schedule;

    DeliveryOptions(InventoryManagement inventory, PurchasingManagement purchasing, PromiseSettings settings,
            ObjectProvider<FulfilmentRouting> routing, Schedule schedule) {
        this.inventory = inventory;
        this.purchasing = purchasing;
        this.settings = settings;
        this.routing = routing;
        this.schedule = schedule;
    }

    /** Goods of a line, and where and from when they can ship. */
    public record Need(String sku, String location, SupplySource source, LocalDate readyOn, LocalDate expectedOn,
            Integer leadTimeDays) {

        public static Need inStock(String sku, String location) {
            return new Need(sku, location, SupplySource.STOCK, null, null, null);
        }
    }

    /** The order in which allocation would take warehouses for these SKUs from this channel; null without rules. */
    public FulfilmentRouting.Ranks ranks(String channel, Collection<String> skus) {
        return routing.orderedStream().findFirst().map(r -> r.ranks(channel, skus)).orElse(null);
    }

    /** The stock levels of these SKUs with stock available, per SKU, in one read. */
    public Map<String, List<StockLevel>> available(Collection<String> skus) {
        Map<String, List<StockLevel>> bySku = new LinkedHashMap<>();
        for (StockLevel level : inventory.levelsHolding(skus)) {
            if (level.available() > 0) {
                bySku.computeIfAbsent(level.sku(), k -> new ArrayList<>()).add(level);
            }
        }
        return bySku;
    }

    /**
     * Where a quantity in stock ships from: one warehouse that has it all, else split over several as reserving
     * would; empty when the warehouses together have less.
     */
    public List<Need> fromStock(String sku, long quantity, List<StockLevel> available, FulfilmentRouting.Ranks ranks,
            PromiseContext context) {
        List<StockLevel> levels = available.stream()
                .sorted(Comparator.<StockLevel>comparingInt(l -> ranks == null ? 0 : ranks.of(sku, l.location()))
                        .thenComparingInt(l -> priority(context, l.location()))
                        .thenComparing(StockLevel::location)).toList();
        for (StockLevel l : levels) {
            if (l.available() >= quantity) {
                return List.of(Need.inStock(sku, l.location()));
            }
        }
        if (levels.stream().mapToLong(StockLevel::available).sum() < quantity) {
            return List.of();
        }
        List<Need> parts = new ArrayList<>();
        long left = quantity;
        for (StockLevel l : levels) {
            if (left > 0) {
                parts.add(Need.inStock(sku, l.location()));
                left -= l.available();
            }
        }
        return parts;
    }

    private static int priority(PromiseContext context, String location) {
        Location l = context.location(location);
        return l == null ? Integer.MAX_VALUE : l.priority();
    }

    /** Goods not in stock: the first date purchasing can promise them by (INCOMING), else the supplier (BACKORDER). */
    public List<Need> fromSupply(String sku, long quantity, Article article, PromiseContext context) {
        return fromSupply(sku, quantity, article, context, purchasing.availableToPromise(sku),
                () -> inventory.expected(sku));
    }

    /**
     * The same for a checkout's quote, which has read the stock of all its SKUs already ({@link #available}):
     * {@code availableNow} is what its warehouses have of this SKU. The purchase orders coming in are read once and
     * serve both the dates and the warehouse they come to; the article is not read again.
     */
    public List<Need> fromSupply(String sku, long quantity, long availableNow, Article article,
            PromiseContext context) {
        List<ExpectedReceipt> expected = inventory.expected(sku);
        return fromSupply(sku, quantity, article, context,
                purchasing.availableToPromise(sku, availableNow, expected), () -> expected);
    }

    private List<Need> fromSupply(String sku, long quantity, Article article, PromiseContext context,
            List<PromisableStock> promisable, Supplier<List<ExpectedReceipt>> expected) {
        for (PromisableStock step : promisable) {
            if (step.from().isAfter(context.today()) && step.quantity() >= quantity) {
                String location = expected.get().stream().filter(e -> !e.expectedOn().isAfter(step.from()))
                        .reduce((a, b) -> b).map(ExpectedReceipt::location).orElse(context.firstLocation());
                return List.of(new Need(sku, location, SupplySource.INCOMING, step.from(), step.from(), null));
            }
        }
        Optional<SupplyLeadTime> fastest = purchasing.leadTimes(sku).stream().findFirst();
        if (fastest.isPresent()) {
            return List.of(backorder(sku, fastest.get().location(), fastest.get().days(), context));
        }
        if (article != null && article.backorderable() && context.firstLocation() != null) {
            return List.of(backorder(sku, context.firstLocation(), settings.backorderLeadTimeDays(), context));
        }
        return List.of();
    }

    /** Backordered goods of a new order: from what comes in, else after the default lead time. */
    public List<Need> backordered(String sku, long quantity, Article article, PromiseContext context) {
        List<Need> supply = fromSupply(sku, quantity, article, context);
        return supply.isEmpty() ? List.of(backorder(sku, context.firstLocation(), settings.backorderLeadTimeDays(),
                context)) : supply;
    }

    private static Need backorder(String sku, String location, int leadTimeDays, PromiseContext context) {
        LocalDate ready = context.today().plusDays(leadTimeDays);
        return new Need(sku, location, SupplySource.BACKORDER, ready, ready, leadTimeDays);
    }

    /**
     * One option per active carrier service ({@code carrier}'s only, when given) that reaches the destination from
     * every warehouse involved, earliest delivery first; a day without room left moves a shipment to the next.
     */
    public List<PromiseOption> options(List<Need> needs, Schedule.Destination to, String carrier, Instant now,
            PromiseContext context) {
        Map<String, List<Need>> byWarehouse = new LinkedHashMap<>();
        needs.stream().filter(n -> n.location() != null)
                .forEach(n -> byWarehouse.computeIfAbsent(n.location(), k -> new ArrayList<>()).add(n));
        if (byWarehouse.isEmpty()) {
            return List.of();
        }
        List<PromiseOption> options = new ArrayList<>();
        for (CarrierService cs : context.services()) {
            if (!cs.active() || (carrier != null && !carrier.equals(cs.carrier()))) {
                continue;
            }
            List<PromiseOption.Shipment> shipments = new ArrayList<>();
            for (var group : byWarehouse.entrySet()) {
                String location = group.getKey();
                Schedule.Warehouse w = context.warehouse(location);
                Optional<Schedule.Service> service = context.service(cs.carrier(), cs.service(), location, to);
                if (service.isEmpty() || !Schedule.meet(w, service.get())) {
                    break;
                }
                List<Need> lines = group.getValue();
                LocalDate readyOn = lines.stream().map(Need::readyOn).filter(d -> d != null)
                        .max(Comparator.naturalOrder()).orElse(null);
                SupplySource source = lines.stream().map(Need::source).max(Comparator.naturalOrder()).orElseThrow();
                Integer lead = lines.stream().map(Need::leadTimeDays).filter(d -> d != null)
                        .max(Comparator.naturalOrder()).orElse(null);
                LocalDate shipBy = schedule.shipBy(now, readyOn, w, service.get(), context.room(location));
                shipments.add(new PromiseOption.Shipment(location, source, shipBy,
                        Schedule.cutOffOn(shipBy, w, service.get()), schedule.deliverBy(shipBy, service.get(), to),
                        readyOn, lead, lines.stream().map(Need::sku).distinct().toList()));
            }
            if (shipments.size() == byWarehouse.size()) {
                options.add(new PromiseOption(cs.carrier(), cs.service(),
                        shipments.stream().map(PromiseOption.Shipment::shipBy).max(Comparator.naturalOrder())
                                .orElseThrow(),
                        shipments.stream().map(PromiseOption.Shipment::deliverBy).max(Comparator.naturalOrder())
                                .orElseThrow(),
                        List.copyOf(shipments)));
            }
        }
        options.sort(Comparator.comparing(PromiseOption::deliverBy).thenComparing(PromiseOption::shipBy)
                .thenComparing(PromiseOption::carrier).thenComparing(PromiseOption::service));
        return options;
    }
}
