package org.ordo.shipping.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.Actor;
import org.ordo.shipping.Carrier;
import org.ordo.shipping.Shipment;
import org.ordo.shipping.ShippingManagement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Shipping", description = "Carriers, shipments and tracking")
class ShippingController {

    private final ShippingManagement shipping;
    private final OrderManagement orders;

    ShippingController(ShippingManagement shipping, OrderManagement orders) {
        this.shipping = shipping;
        this.orders = orders;
    }

    @GetMapping("/api/v1/shipping/carriers")
    @Operation(operationId = "listCarriers", summary = "Carriers and their tracking URL templates")
    List<Carrier> carriers() {
        return shipping.carriers();
    }

    record CarrierRequest(@Schema(example = "DHL Paket", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String name,
            @Schema(example = "https://www.dhl.de/track?id={tracking}", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 500,
                    pattern = "^https://.*\\{tracking\\}.*$") String trackingUrl,
            Boolean active) {
    }

    @PutMapping("/api/v1/shipping/carriers/{code}")
    @Operation(operationId = "saveCarrier", summary = "Add or change a carrier", description = "trackingUrl must contain {tracking}.")
    Carrier saveCarrier(@PathVariable String code, @RequestBody CarrierRequest request) {
        return shipping.saveCarrier(new Carrier(code, request.name(), request.trackingUrl(),
                request.active() == null || request.active()));
    }

    @GetMapping("/api/v1/orders/{id}/shipments")
    @Tag(name = "Orders")
    @Operation(operationId = "listShipmentsOfOrder", summary = "Shipments of an order with tracking links and events")
    List<Shipment> shipments(@PathVariable String id) {
        return shipping.shipmentsOf(orders.idOf(id));
    }

    @PostMapping("/api/v1/shipping/webhooks/tracking")
    @Operation(operationId = "receiveTrackingWebhook", summary = "Tracking events from carriers (signed)", description = """
            Body: {"eventId","carrier","trackingNumber","status":"in_transit|out_for_delivery|delivered|exception",
            "at","description"}. Header X-Ordo-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "t.body">. No API key.""")
    ShippingManagement.TrackingOutcome tracking(
            @RequestHeader(name = "X-Ordo-Signature", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        return Actor.as("webhook:tracking",
                () -> shipping.handleTrackingEvent(signature, body == null ? new byte[0] : body));
    }
}
