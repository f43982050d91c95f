package org.ordo.ordering;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.ordo.inventory.ReservationView;
import org.ordo.platform.Address;
import org.ordo.platform.Money;

/** An order with its lines, reservations and timeline. */
public record OrderView(UUID id, String number, String channel, String externalRef, OrderStatus status,
        PaymentStatus paymentStatus, FulfillmentStatus fulfillmentStatus, CustomerRef customer, String currency,
        String paymentMethod, Address shippingAddress, Address billingAddress, List<Line> lines, Totals totals,
        Money paid, Hold hold, Instant releasedAt, Instant promisedAt, String note, UUID inboundDocumentId,
        String createdBy, Instant createdAt, Instant updatedAt, List<ReservationView> reservations,
        List<TimelineEntry> timeline,
        @io.swagger.v3.oas.annotations.media.Schema(description = "1 as placed, one more with each change; "
                + "the ETag to send in If-Match when changing the order") int version,
        @io.swagger.v3.oas.annotations.media.Schema(description = "the carrier service agreed with the customer; "
                + "null: the shop's default") String carrierService,
        @io.swagger.v3.oas.annotations.media.Schema(example = "2026-12-07", description = "the day the order must "
                + "leave the warehouse (promisedAt is its cut-off); null for orders placed before promises or without "
                + "physical lines") LocalDate shipBy,
        @io.swagger.v3.oas.annotations.media.Schema(example = "2026-12-08", description = "the day it is promised "
                + "to arrive; null when the caller set promisedAt itself") LocalDate deliverBy,
        @io.swagger.v3.oas.annotations.media.Schema(description = "the promise of each shipment (one per warehouse "
                + "the order ships from), earliest first; empty when the caller set promisedAt or the order is older "
                + "than promises") List<DeliveryPromise.ShipmentPromise> promises) {

    /** Why the order is on hold; null when it is not. */
    public record Hold(HoldKind kind, String reason) {
    }

    public OrderView with(List<Line> lines, List<ReservationView> reservations, List<TimelineEntry> timeline) {
        return new OrderView(id, number, channel, externalRef, status, paymentStatus, fulfillmentStatus, customer,
                currency, paymentMethod, shippingAddress, billingAddress, lines, totals, paid, hold, releasedAt,
                promisedAt, note, inboundDocumentId, createdBy, createdAt, updatedAt, reservations, timeline, version,
                carrierService, shipBy, deliverBy, promises);
    }

    public OrderView withPromises(List<DeliveryPromise.ShipmentPromise> promises) {
        return new OrderView(id, number, channel, externalRef, status, paymentStatus, fulfillmentStatus, customer,
                currency, paymentMethod, shippingAddress, billingAddress, lines, totals, paid, hold, releasedAt,
                promisedAt, note, inboundDocumentId, createdBy, createdAt, updatedAt, reservations, timeline, version,
                carrierService, shipBy, deliverBy, List.copyOf(promises));
    }

    public record CustomerRef(UUID id, String email, String name, String locale) {
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "OrderLine")
    public record Line(int lineNo, String sku, String name, String type, long quantity, Money unitPrice,
            BigDecimal taxRate, boolean priceIncludesTax, Money net, Money tax, Money gross, long reserved,
            long backordered, long shipped) {
    }

    /** Sums of the lines; each line's tax is rounded on its own (see {@code rounding}). */
    public record Totals(Money net, Money tax, Money gross, String rounding) {
    }

    /**
     * One change of the order. {@code reasonCode} and {@code reasonArguments} say a reason Ordo wrote in a way a
     * screen translates ({@link TimelineReason}); the API carries the English {@code reason} only.
     */
    public record TimelineEntry(Instant at, String actor, String dimension, String from, String to,
            String reason,
            @com.fasterxml.jackson.annotation.JsonIgnore @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
            String reasonCode,
            @com.fasterxml.jackson.annotation.JsonIgnore @io.swagger.v3.oas.annotations.media.Schema(hidden = true)
            List<String> reasonArguments) {
    }
}
