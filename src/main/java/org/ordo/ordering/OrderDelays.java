package org.ordo.ordering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordo.ordering.internal.FollowUps;
import org.ordo.ordering.internal.Orders;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order's promise moved to a later date because it can no longer be kept (docs/promise.md, "Delay notice"):
 * the order takes the new ship-by and deliver-by dates, its timeline says why, and the customer is told the new
 * date through {@link OrderDelayed}, once per new deliver-by date.
 */
@Service
public class OrderDelays {

    private static final String SYSTEM = "system";

    private final FollowUps followUps;
    private final Orders orders;
    private final ApplicationEventPublisher events;

    OrderDelays(FollowUps followUps, Orders orders, ApplicationEventPublisher events) {
        this.followUps = followUps;
        this.orders = orders;
        this.events = events;
    }

    /** Why a promise moved, as the timeline and the staff read it. */
    public enum Cause {
        /** The work ahead no longer fits before the ship-by cut-off. */
        AT_RISK,
        /** The ship-by cut-off passed and the goods had not left. */
        MISSED,
        /** The goods it waits for come later: a purchase order's date changed or passed. */
        SUPPLY,
        /** The order was changed and promised again. */
        CHANGED
    }

    /**
     * A changed order's new promise (the promise module computed it again): a later deliver-by date moves it as
     * {@link #delay} does, and the customer is told; an earlier or equal one is only recorded. Runs in the caller's
     * transaction; nothing for an order that is closed or whose caller set its date.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void promiseAgain(UUID orderId, LocalDate shipBy, LocalDate deliverBy, Instant mustShipAt) {
        if (!delay(orderId, shipBy, deliverBy, mustShipAt, Cause.CHANGED)) {
            followUps.setPromise(orderId, shipBy, deliverBy, mustShipAt);
        }
    }

    /**
     * Moves an open order's promise to later dates (one conditional update: nothing when the order is closed or
     * already promised for {@code deliverBy} or later). When it moved, records it on the timeline and, for an order
     * released to the warehouse (one that waits for us, not for the customer), publishes {@link OrderDelayed} with
     * the new dates. Returns whether it moved. Runs in the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean delay(UUID orderId, LocalDate shipBy, LocalDate deliverBy, Instant mustShipAt, Cause cause) {
        return followUps.movePromise(orderId, shipBy, deliverBy, mustShipAt).map(moved -> {
            orders.record(orderId, SYSTEM, "fulfillment", moved.fulfillmentStatus(), moved.fulfillmentStatus(),
                    TimelineReason.of("promise-moved-" + cause.name().toLowerCase().replace('_', '-'),
                            "promise moved: ships by " + shipBy + ", arrives by " + deliverBy, shipBy, deliverBy));
            if (moved.released()) {
                List<String> backordered = followUps.backorderedNames(List.of(orderId)).getOrDefault(orderId,
                        List.of());
                events.publishEvent(new OrderDelayed(orderId, moved.number(), moved.previousPromisedAt(), backordered,
                        shipBy, deliverBy));
            }
            return true;
        }).orElse(false);
    }
}
