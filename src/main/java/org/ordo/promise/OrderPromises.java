package org.ordo.promise;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.catalog.Catalog;
import org.ordo.ordering.DeliveryPromise;
import org.ordo.ordering.OrderCancelled;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.promise.internal.Bookings;
import org.ordo.promise.internal.CalendarCache;
import org.ordo.promise.internal.DeliveryOptions;
import org.ordo.promise.internal.Destinations;
import org.ordo.promise.internal.PromiseContext;
import org.ordo.promise.internal.Schedule;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The promises of orders, booked against their warehouses' daily capacity: made at placement (through
 * {@link PromiseManagement}, ordering's {@link DeliveryPromise}), made again when an order changes, and given back
 * when it is cancelled (docs/promise.md).
 */
@Component
class OrderPromises {

    private final CalendarCache cache;
    private final Bookings bookings;
    private final DeliveryOptions deliveries;
    private final Catalog catalog;
    private final Schedule schedule;
    private final java.time.Clock clock;

    OrderPromises(CalendarCache cache, Bookings bookings, DeliveryOptions deliveries, Catalog catalog,
            Schedule schedule, java.time.Clock clock) {
        this.cache = cache;
        this.bookings = bookings;
        this.deliveries = deliveries;
        this.catalog = catalog;
        this.schedule = schedule;
        this.clock = clock;
    }

    /**
     * The promise of a new order, in the placement's transaction: the reserved units ship from where they are
     * reserved, backordered ones from what is incoming or from the supplier; the carrier service with the earliest
     * delivery is chosen, and each shipment's day is booked against its warehouse's capacity (a full day moves it
     * to the next ship day). Records one promise per shipment.
     */
    Optional<DeliveryPromise.Promised> promise(DeliveryPromise.Demand demand) {
        if (demand.country() == null || demand.lines().isEmpty()) {
            return Optional.empty();
        }
        PromiseContext context = cache.context(demand.placedAt());
        List<DeliveryOptions.Need> needs = new ArrayList<>();
        for (DeliveryPromise.Line line : demand.lines()) {
            for (DeliveryPromise.Reserved r : line.reserved()) {
                needs.add(DeliveryOptions.Need.inStock(line.sku(), r.location()));
            }
            if (line.backordered() > 0) {
                needs.addAll(deliveries.backordered(line.sku(), line.backordered(),
                        catalog.find(line.sku()).orElse(null), context));
            }
        }
        Schedule.Destination to = Destinations.of(demand.country(), demand.postalCode(), demand.region());
        List<PromiseOption> options = deliveries.options(needs, to, null, demand.placedAt(), context);
        if (options.isEmpty()) {
            return Optional.empty();
        }
        PromiseOption best = options.get(0);
        List<Bookings.Promised> promised = new ArrayList<>();
        Instant mustShipAt = null;
        LocalDate shipBy = null;
        LocalDate deliverBy = null;
        // Booking rows are locked until the placement commits: by warehouse code, so two placements that ship from
        // the same two warehouses cannot wait for each other the other way round
        List<PromiseOption.Shipment> byCode = best.shipments().stream()
                .sorted(Comparator.comparing(PromiseOption.Shipment::warehouse)).toList();
        for (PromiseOption.Shipment s : byCode) {
            Schedule.Warehouse w = context.warehouse(s.warehouse());
            Schedule.Service service = context.service(best.carrier(), best.service(), s.warehouse(), to).orElseThrow();
            LocalDate day = schedule.shipBy(demand.placedAt(), s.expectedOn(), w, service,
                    context.booking(s.warehouse()));
            LocalDate arrives = schedule.deliverBy(day, service, to);
            promised.add(new Bookings.Promised(demand.orderId(), s.warehouse(), best.carrier(), best.service(),
                    s.source().name(), day, arrives));
            if (shipBy == null || day.isAfter(shipBy)) {
                shipBy = day;
                mustShipAt = Schedule.cutOffOn(day, w, service);
            }
            deliverBy = deliverBy == null || arrives.isAfter(deliverBy) ? arrives : deliverBy;
        }
        bookings.record(promised, demand.orderNumber(), clock.instant());
        return Optional.of(new DeliveryPromise.Promised(shipBy, deliverBy, mustShipAt, promised.stream()
                .sorted(Comparator.comparing(Bookings.Promised::shipBy).thenComparing(Bookings.Promised::location))
                .map(OrderPromises::shipment).toList()));
    }

    /**
     * A cancelled order gives its booked ship days back, so that the capacity it held is promised to the next
     * orders (docs/promise.md). Handled once even when the event comes twice.
     */
    @ApplicationModuleListener
    void on(OrderCancelled cancelled) {
        bookings.release(cancelled.orderId(), clock.instant());
    }

    /**
     * A changed order is promised again from now, as a new order would be (docs/promise.md, "Changed orders"): its
     * open shipments give their booked days back and the changed lines book theirs, in one transaction after the
     * change committed. Returns the new promise; empty when the order keeps the one it has: it has no computed
     * promise, something of it shipped already, it is closed, or the change set a date the caller agreed.
     */
    @Transactional
    Optional<DeliveryPromise.Promised> promiseAgain(OrderView order) {
        bookings.lockOrder(order.id());
        List<Bookings.Promised> before = bookings.of(order.id());
        if (before.isEmpty() || order.fulfillmentStatus().hasShipped() || order.shippingAddress() == null
                || (order.status() != OrderStatus.OPEN && order.status() != OrderStatus.ON_HOLD)
                || !order.promisedAt().equals(mustShipAt(before, order))) {
            return Optional.empty();
        }
        bookings.forget(order.id());
        List<DeliveryPromise.Line> lines = new ArrayList<>();
        for (OrderView.Line line : order.lines()) {
            if ("PHYSICAL".equals(line.type())) {
                lines.add(new DeliveryPromise.Line(line.sku(), line.quantity(), order.reservations().stream()
                        .filter(r -> r.lineNo() == line.lineNo() && "ACTIVE".equals(r.status()) && r.quantity() > 0)
                        .map(r -> new DeliveryPromise.Reserved(r.location(), r.quantity())).toList(),
                        line.backordered()));
            }
        }
        return promise(new DeliveryPromise.Demand(order.id(), order.number(), clock.instant(),
                order.shippingAddress().country(), order.shippingAddress().postalCode(),
                order.shippingAddress().region(), lines));
    }

    /** The cut-off of an order's latest promised shipment: its promisedAt, unless a caller set another. */
    private Instant mustShipAt(List<Bookings.Promised> shipments, OrderView order) {
        PromiseContext context = cache.context(clock.instant());
        Bookings.Promised last = shipments.stream().max(Comparator.comparing(Bookings.Promised::shipBy)).orElseThrow();
        return context.mustShipAt(last.shipBy(), last.carrier(), last.service(), last.location())
                .orElse(order.promisedAt());
    }

    /** The promise of each shipment of an order, as recorded when it was placed, earliest first. */
    List<DeliveryPromise.ShipmentPromise> promisedShipments(UUID orderId) {
        return bookings.of(orderId).stream().map(OrderPromises::shipment).toList();
    }

    private static DeliveryPromise.ShipmentPromise shipment(Bookings.Promised p) {
        return new DeliveryPromise.ShipmentPromise(p.location(), p.carrier(), p.service(), p.source(), p.shipBy(),
                p.deliverBy());
    }
}
