package org.ordo.shipping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.WebhookSignature;
import org.ordo.platform.Wording;
import org.ordo.shipping.internal.Shipments;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Carriers, shipments and tracking. */
@Service
public class ShippingManagement {

    private static final Set<String> TRACKING_STATUSES = Set.of("IN_TRANSIT", "OUT_FOR_DELIVERY", "DELIVERED",
            "EXCEPTION");

    private final Shipments shipments;
    private final OrderLifecycle lifecycle;
    private final OrderManagement orders;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final OrdoProperties.Shipping settings;
    private final Clock clock;

    ShippingManagement(Shipments shipments, OrderLifecycle lifecycle, OrderManagement orders,
            ApplicationEventPublisher events, JsonMapper json, OrdoProperties properties, Clock clock) {
        this.clock = clock;
        this.shipments = shipments;
        this.lifecycle = lifecycle;
        this.orders = orders;
        this.events = events;
        this.json = json;
        this.settings = properties.shipping();
    }

    /**
     * Records that parcels left with a carrier: the shipment with its tracking number and link, the shipped
     * units on the order (its fulfillment status follows), and {@link ShipmentShipped}. Refuses an unknown or
     * inactive carrier (422) and a tracking number the carrier already used (409).
     */
    @Transactional
    public Shipment ship(ShipOrder command) {
        List<FieldError> errors = new ArrayList<>();
        Carrier carrier = command.carrier() == null ? null : shipments.carrier(command.carrier()).orElse(null);
        if (carrier == null || !carrier.active()) {
            errors.add(new FieldError("carrier", Wording.of("shipping.must_be_an_active_carrier",
                    shipments.carriers().stream() .filter(Carrier::active).map(Carrier::code).toList())));
        }
        if (command.trackingNumber() == null || !command.trackingNumber().matches("[A-Za-z0-9-]{4,40}")) {
            errors.add(new FieldError("trackingNumber", Wording.of("shipping.is_required_4_40_letters_digits")));
        }
        if (command.service() != null && command.service().length() > 50) {
            errors.add(new FieldError("service", Wording.of("shipping.must_be_at_most_50_characters")));
        }
        if (command.lines().isEmpty()) {
            errors.add(new FieldError("parcels", Wording.of("shipping.nothing_to_ship")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (shipments.trackingNumberTaken(carrier.code(), command.trackingNumber())) {
            throw new ConflictException("duplicate-tracking-number", "Duplicate tracking number",
                    Wording.of("shipping.tracking_number_is_already_used", carrier.name(), command.trackingNumber()),
                    Map.of("field", "trackingNumber"));
        }
        String url = carrier.trackingUrl().replace("{tracking}",
                URLEncoder.encode(command.trackingNumber(), StandardCharsets.UTF_8));
        Map<Integer, Long> quantities = new LinkedHashMap<>();
        Map<Integer, String> skus = new LinkedHashMap<>();
        command.lines().forEach(l -> {
            quantities.merge(l.lineNo(), l.quantity(), Long::sum);
            skus.put(l.lineNo(), l.sku());
        });
        // The service agreed with the customer (set by an order change) is the one the parcels go with unless the
        // shipment names its own (docs/order-changes.md).
        String service = command.service() != null ? command.service()
                : orders.require(command.orderId()).carrierService();
        UUID id = shipments.insert(command.orderId(), command.location(), carrier.code(), service,
                command.trackingNumber(), url, quantities, skus, Actor.current());
        lifecycle.markShipped(command.orderId(), quantities, carrier.name() + " " + command.trackingNumber());
        Shipment shipment = shipments.find(id).orElseThrow();
        events.publishEvent(new ShipmentShipped(id, command.orderId(), carrier.code(), command.trackingNumber(), url,
                shipment.shippedAt()));
        return shipment;
    }

    /** One shipment by its id; 404 when there is none. */
    public Shipment requireShipment(UUID shipmentId) {
        return shipments.find(shipmentId).orElseThrow(() -> new NotFoundException("Shipment", shipmentId));
    }

    public List<Shipment> shipmentsOf(UUID orderId) {
        return shipments.ofOrder(orderId);
    }

    public List<Carrier> carriers() {
        return shipments.carriers();
    }

    /** Adds or changes a carrier; its tracking URL must hold {tracking}. */
    @Transactional
    public Carrier saveCarrier(Carrier carrier) {
        List<FieldError> errors = new ArrayList<>();
        if (carrier.code() == null || !carrier.code().matches("[A-Z0-9_]{2,30}")) {
            errors.add(new FieldError("code", Wording.of("shipping.2_30_capital_letters_digits_or")));
        }
        if (carrier.name() == null || carrier.name().isBlank() || carrier.name().length() > 100) {
            errors.add(new FieldError("name", Wording.of("shipping.is_required_at_most_100_characters")));
        }
        if (carrier.trackingUrl() == null || !carrier.trackingUrl().startsWith("https://")
                || !carrier.trackingUrl().contains("{tracking}") || carrier.trackingUrl().length() > 500) { // the OpenAPI document states 500 (CarrierRequest)
            errors.add(new FieldError("trackingUrl", Wording.of("shipping.must_be_an_https_url_containing")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        shipments.saveCarrier(carrier);
        return shipments.carrier(carrier.code()).orElseThrow();
    }

    /** What a tracking webhook came to. */
    public record TrackingOutcome(String status, String eventId) {
    }

    /**
     * A carrier's tracking event, signed like payment webhooks ({@code X-Ordo-Signature: t=…,v1=…}). Updates the
     * shipment; when the last shipment of a fully shipped order is delivered, the order is DELIVERED. Forged or
     * stale calls change nothing; an event seen before is acknowledged as a duplicate.
     */
    @Transactional
    public TrackingOutcome handleTrackingEvent(String signatureHeader, byte[] body) {
        String secret = settings.webhookSecret();
        if (secret == null || secret.isBlank()) {
            throw new ConflictException("webhooks-not-configured", "Webhooks not configured",
                    Wording.of("shipping.set_ordo_shipping_webhook_secret_to"));
        }
        WebhookSignature.verify("X-Ordo-Signature", signatureHeader, body, secret, settings.webhookTolerance(),
                clock);
        JsonNode event = json.readTree(body);
        Instant at = null;
        if (event.hasNonNull("at")) {
            try {
                at = Instant.parse(event.path("at").asString());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("at", Wording.of("shipping.must_be_an_iso_8601_instant"));
            }
        }
        return recordTracking(new TrackingReport(event.path("eventId").asString(null),
                event.path("carrier").asString(null), event.path("trackingNumber").asString(null),
                event.path("status").asString(""), at, event.path("description").asString(null)));
    }

    /** A carrier's report on a shipment; {@code at} null means now. */
    public record TrackingReport(String eventId, String carrier, String trackingNumber, String status, Instant at,
            String description) {
    }

    /**
     * Records a tracking report from a sender already trusted (the signed webhook above, or the demo data): the
     * same outcome as {@link #handleTrackingEvent} without the signature.
     */
    @Transactional
    public TrackingOutcome recordTracking(TrackingReport report) {
        String eventId = report.eventId();
        String carrier = report.carrier();
        String tracking = report.trackingNumber();
        String status = report.status() == null ? "" : report.status().toUpperCase(Locale.ROOT);
        List<FieldError> errors = new ArrayList<>();
        if (eventId == null || eventId.isBlank() || eventId.length() > 100) {
            errors.add(new FieldError("eventId", Wording.of("platform.is_required")));
        }
        if (carrier == null || tracking == null) {
            errors.add(new FieldError("trackingNumber",
                    Wording.of("shipping.carrier_and_trackingnumber_are_required")));
        }
        if (!TRACKING_STATUSES.contains(status)) {
            errors.add(new FieldError("status", Wording.of("shipping.must_be_one_of_in_transit")));
        }
        Instant at = report.at() != null ? report.at() : clock.instant();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID shipmentId = shipments.lockByTracking(carrier, tracking)
                .orElseThrow(() -> new NotFoundException("Shipment", carrier + " " + tracking));
        String description = report.description();
        if (!shipments.recordEvent(shipmentId, eventId, status, at,
                description == null ? null : description.substring(0, Math.min(500, description.length())))) {
            return new TrackingOutcome("duplicate", eventId);
        }
        Shipment shipment = shipments.find(shipmentId).orElseThrow();
        if (!"DELIVERED".equals(shipment.status())) {
            shipments.changeStatus(shipmentId, status);
        }
        if ("DELIVERED".equals(status)) {
            events.publishEvent(new ShipmentDelivered(shipmentId, shipment.orderId()));
            if (shipments.allDelivered(shipment.orderId())
                    && orders.require(shipment.orderId()).fulfillmentStatus() == FulfillmentStatus.SHIPPED) {
                lifecycle.markDelivered(shipment.orderId(), carrier + " " + tracking);
            }
        }
        return new TrackingOutcome("processed", eventId);
    }
}
