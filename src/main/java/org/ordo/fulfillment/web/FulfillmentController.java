package org.ordo.fulfillment.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PackRequest;
import org.ordo.fulfillment.Parcel;
import org.ordo.fulfillment.PickList;
import org.ordo.fulfillment.ShipRequest;
import org.ordo.ordering.OrderManagement;
import org.ordo.shipping.Shipment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/fulfillment")
@Tag(name = "Fulfillment", description = "Pick lists, picking, packing and shipping per warehouse")
class FulfillmentController {

    private final FulfillmentManagement fulfillment;
    private final OrderManagement orders;

    FulfillmentController(FulfillmentManagement fulfillment, OrderManagement orders) {
        this.fulfillment = fulfillment;
        this.orders = orders;
    }

    record NewPickList(@Schema(example = "BER", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 16) String location,
            @Schema(description = "only orders due before this") Instant promisedBefore,
            @Schema(example = "20", minimum = "1", maximum = "500", description = "default 20") Integer maxOrders) {
    }

    @PostMapping("/pick-lists")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPickList", summary = "Make a pick list (wave) for a location", description = """
            Released orders with reserved stock there, earliest promise first (promisedBefore: only those due
            before a carrier cutoff), up to maxOrders (default 20). 409 when there is nothing to pick.""")
    PickList create(@RequestBody NewPickList request) {
        return fulfillment.createPickList(request.location(), request.promisedBefore(),
                request.maxOrders() == null ? 20 : request.maxOrders());
    }

    @GetMapping("/pick-lists")
    @Operation(operationId = "listOpenPickLists", summary = "Open pick lists, optionally of one location")
    List<PickList> open(@RequestParam(required = false) String location) {
        return fulfillment.openPickLists(location);
    }

    @GetMapping("/pick-lists/{id}")
    @Operation(operationId = "getPickList", summary = "One pick list")
    PickList pickList(@PathVariable UUID id) {
        return fulfillment.pickList(id);
    }

    record Pick(@Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 64, description = "the SKU scanned") String sku,
            @Schema(example = "2", requiredMode = Schema.RequiredMode.REQUIRED, minimum = "0", maximum = "1000000000",
                    description = "at most what the line asks for; fewer is a short pick") Long quantity) {
    }

    @PostMapping("/pick-lists/{id}/lines/{lineNo}/pick")
    @Operation(operationId = "pickLine", summary = "Confirm a pick with the scanned SKU and the quantity found", description = """
            A SKU that does not match the line is refused (422). Fewer than the line asks for is a short pick:
            the rest is written off and reserved again elsewhere or backordered.""")
    PickList pick(@PathVariable UUID id, @PathVariable @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(Integer.MAX_VALUE) int lineNo,
            @RequestBody Pick request) {
        return fulfillment.pick(id, lineNo, request.sku(), request.quantity());
    }

    @PostMapping("/orders/{orderId}/parcels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "packParcels", summary = "Pack picked goods of an order into parcels (weight, dimensions)")
    List<Parcel> pack(@PathVariable String orderId, @RequestBody PackRequest request) {
        return fulfillment.pack(orders.idOf(orderId), request);
    }

    @GetMapping("/orders/{orderId}/parcels")
    @Operation(operationId = "listParcels", summary = "Parcels of an order")
    List<Parcel> parcels(@PathVariable String orderId) {
        return fulfillment.parcelsOf(orders.idOf(orderId));
    }

    @PostMapping("/orders/{orderId}/shipments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "shipParcels", summary = "Hand packed parcels to a carrier", description = """
            Records carrier, service and tracking number (the tracking link comes from the carrier's template)
            and marks the order PARTIALLY_SHIPPED or SHIPPED. Without a service, the parcels go with the carrier
            service agreed with the customer (the order's carrierService); another service than that one is
            refused (409 carrier-service-differs).""")
    Shipment ship(@PathVariable String orderId, @RequestBody ShipRequest request) {
        return fulfillment.ship(orders.idOf(orderId), request);
    }
}
