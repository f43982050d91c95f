package org.ordo.promise;

import java.util.List;

import org.ordo.ordering.OrderDelays;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.promise.internal.Bookings;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShipmentDelivered;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps promises or flags them early (docs/promise.md, "At risk"): a shipment that left its warehouse is marked
 * shipped, and a scheduled check, on one node at a time, flags every open shipment whose work ahead no longer fits
 * before its ship-by cut-off, once, publishing {@link ShipmentAtRisk} for the staff alert.
 */
@Service
public class PromiseWatch {

    private static final Logger log = LoggerFactory.getLogger(PromiseWatch.class);

    private final PromiseMoves promises;
    private final OrderPromises promised;
    private final java.time.Clock clock;
    private final Bookings bookings;
    private final ShippingManagement shipping;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final OrderManagement orders;
    private final OrderDelays delays;

    PromiseWatch(PromiseMoves promises, OrderPromises promised, java.time.Clock clock, Bookings bookings,
            ShippingManagement shipping,
            ApplicationEventPublisher events, TransactionTemplate transaction, OrderManagement orders,
            OrderDelays delays) {
        this.orders = orders;
        this.delays = delays;
        this.promises = promises;
        this.promised = promised;
        this.clock = clock;
        this.bookings = bookings;
        this.shipping = shipping;
        this.events = events;
        this.transaction = transaction;
    }

    /**
     * A parcel left: once the order has nothing left to ship from that warehouse, its promise there is kept (or
     * late) as of the last parcel, and no longer work ahead of the others.
     */
    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        Shipment shipment = shipping.requireShipment(shipped.shipmentId());
        if (nothingLeftToShip(orders.require(shipped.orderId()), shipment.location())) {
            bookings.shipped(shipped.orderId(), shipment.location(), shipped.shippedAt() != null ? shipped.shippedAt()
                    : shipment.shippedAt() != null ? shipment.shippedAt() : clock.instant());
        }
    }

    /**
     * A parcel arrived: once every parcel of the order from that warehouse has arrived and nothing is left to ship
     * there, whether the last one came by its deliver-by day counts in {@link PromiseManagement#kept}.
     */
    @ApplicationModuleListener
    void on(ShipmentDelivered delivered) {
        String location = shipping.requireShipment(delivered.shipmentId()).location();
        List<Shipment> parcels = shipping.shipmentsOf(delivered.orderId()).stream()
                .filter(p -> location.equals(p.location())).toList();
        if (parcels.stream().allMatch(p -> p.deliveredAt() != null)
                && nothingLeftToShip(orders.require(delivered.orderId()), location)) {
            bookings.delivered(delivered.orderId(), location, parcels.stream().map(Shipment::deliveredAt)
                    .max(java.util.Comparator.naturalOrder()).orElseGet(clock::instant));
        }
    }

    /**
     * Nothing of the order is left to ship from the warehouse: its parcels from there hold every unit allotted there
     * (reserved, picked or not), and no backordered units wait for a promise from there.
     */
    private boolean nothingLeftToShip(OrderView order, String location) {
        long allotted = order.reservations().stream().filter(r -> location.equals(r.location())
                && ("ACTIVE".equals(r.status()) || "ISSUED".equals(r.status())))
                .mapToLong(org.ordo.inventory.ReservationView::quantity).sum();
        long shipped = shipping.shipmentsOf(order.id()).stream().filter(p -> location.equals(p.location()))
                .flatMap(p -> p.lines().stream()).mapToLong(Shipment.Line::quantity).sum();
        boolean awaited = order.lines().stream().anyMatch(l -> l.backordered() > 0)
                && bookings.of(order.id()).stream().anyMatch(p -> location.equals(p.location())
                        && !SupplySource.STOCK.name().equals(p.source()));
        return shipped >= allotted && !awaited;
    }

    /**
     * A changed order is promised again from now ({@link OrderPromises#promiseAgain}), in one transaction after
     * the change: its booked days move with it, and the order takes the new dates (a later one tells the customer).
     */
    @ApplicationModuleListener
    void on(org.ordo.ordering.OrderChanged changed) {
        promised.promiseAgain(orders.require(changed.orderId())).ifPresent(p -> delays.promiseAgain(
                changed.orderId(), p.shipBy(), p.deliverBy(), p.mustShipAt()));
    }

    @Scheduled(initialDelayString = "${ordo.promise.risk-check-every:PT5M}",
            fixedDelayString = "${ordo.promise.risk-check-every:PT5M}")
    void onSchedule() {
        try {
            int flagged = checkRisks();
            if (flagged > 0) {
                log.info("Promise: {} shipments at risk", flagged);
            }
        } catch (RuntimeException e) {
            log.warn("The promise's risk check failed; the next round retries: {}", e.toString());
        }
    }

    @Scheduled(initialDelayString = "${ordo.promise.move-every:PT5M}",
            fixedDelayString = "${ordo.promise.move-every:PT5M}")
    void onMoveSchedule() {
        try {
            int moved = movePromises();
            if (moved > 0) {
                log.info("Promise: {} orders' promises moved to a later date", moved);
            }
        } catch (RuntimeException e) {
            log.warn("Moving promises failed; the next round retries: {}", e.toString());
        }
    }

    /**
     * Flags the open shipments that are at risk now and were not before, each once, and publishes
     * {@link ShipmentAtRisk} for each in the same transaction. Returns how many; 0 when another node checks now.
     */
    public int checkRisks() {
        Integer flagged = transaction.execute(tx -> {
            if (!bookings.lockRiskCheck()) {
                return 0;
            }
            java.time.Instant now = clock.instant();
            int n = 0;
            for (Bookings.Open s : promises.atRisk(bookings.open(), now)) {
                if (s.atRiskSince() == null && bookings.flagAtRisk(s.orderId(), s.location(), now)) {
                    events.publishEvent(new ShipmentAtRisk(s.orderId(), s.orderNumber(), s.location(), s.carrier(),
                            s.service(), s.shipBy(), s.deliverBy(), now));
                    n++;
                }
            }
            return n;
        });
        return flagged == null ? 0 : flagged;
    }

    /**
     * Moves every promise that can no longer be kept (missed, at risk, or waiting for goods that come later; see
     * {@link PromiseMoves#moves}) to the day it can ship, and gives each order its new dates through
     * {@link OrderDelays}, which tells the customer once per new date. Returns how many orders' promises moved; 0
     * when another node checks now.
     */
    public int movePromises() {
        Integer moved = transaction.execute(tx -> {
            if (!bookings.lockRiskCheck()) {
                return 0;
            }
            int n = 0;
            for (PromiseMoves.Moved m : promises.moves(bookings.open(), clock.instant(), orders::require)) {
                if (delays.delay(m.orderId(), m.shipBy(), m.deliverBy(), m.mustShipAt(), m.cause())) {
                    n++;
                }
            }
            return n;
        });
        return moved == null ? 0 : moved;
    }

    /** The shipments flagged at risk and not shipped yet, earliest ship-by first (the back office's list). */
    public List<AtRisk> atRisk(int limit) {
        return bookings.atRisk(limit).stream().map(s -> new AtRisk(s.orderId(), s.orderNumber(), s.location(),
                s.carrier(), s.service(), s.shipBy(), s.deliverBy(), s.atRiskSince())).toList();
    }

    /**
     * Of these orders, those with a computed promise, each with whether one of its open shipments is flagged at
     * risk (the order queue's mark); an order without a promise is not in the answer.
     */
    public java.util.Map<java.util.UUID, Boolean> promisedAtRisk(java.util.Collection<java.util.UUID> orderIds) {
        return orderIds.isEmpty() ? java.util.Map.of() : bookings.atRiskOf(orderIds);
    }

    /** A shipment at risk, as staff see it. */
    public record AtRisk(java.util.UUID orderId, String orderNumber, String warehouse, String carrier, String service,
            java.time.LocalDate shipBy, java.time.LocalDate deliverBy, java.time.Instant since) {
    }
}
