package org.ordo.promise;

import java.util.List;

import org.ordo.promise.internal.Bookings;
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

    private final PromiseManagement promises;
    private final Bookings bookings;
    private final ShippingManagement shipping;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    PromiseWatch(PromiseManagement promises, Bookings bookings, ShippingManagement shipping,
            ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.promises = promises;
        this.bookings = bookings;
        this.shipping = shipping;
        this.events = events;
        this.transaction = transaction;
    }

    /** A shipment left: its promise is kept (or late) and no longer work ahead of the others. */
    @ApplicationModuleListener
    void on(ShipmentShipped shipped) {
        String location = shipping.requireShipment(shipped.shipmentId()).location();
        bookings.shipped(shipped.orderId(), location,
                shipped.shippedAt() != null ? shipped.shippedAt() : promises.now());
    }

    /** A shipment arrived: whether it came by its deliver-by day counts in {@link PromiseManagement#kept}. */
    @ApplicationModuleListener
    void on(ShipmentDelivered delivered) {
        String location = shipping.requireShipment(delivered.shipmentId()).location();
        bookings.delivered(delivered.orderId(), location, promises.now());
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

    /**
     * Flags the open shipments that are at risk now and were not before, each once, and publishes
     * {@link ShipmentAtRisk} for each in the same transaction. Returns how many; 0 when another node checks now.
     */
    public int checkRisks() {
        Integer flagged = transaction.execute(tx -> {
            if (!bookings.lockRiskCheck()) {
                return 0;
            }
            java.time.Instant now = promises.now();
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

    /** The shipments flagged at risk and not shipped yet, earliest ship-by first (the back office's list). */
    public List<AtRisk> atRisk(int limit) {
        return bookings.atRisk(limit).stream().map(s -> new AtRisk(s.orderId(), s.orderNumber(), s.location(),
                s.carrier(), s.service(), s.shipBy(), s.deliverBy(), s.atRiskSince())).toList();
    }

    /** A shipment at risk, as staff see it. */
    public record AtRisk(java.util.UUID orderId, String orderNumber, String warehouse, String carrier, String service,
            java.time.LocalDate shipBy, java.time.LocalDate deliverBy, java.time.Instant since) {
    }
}
