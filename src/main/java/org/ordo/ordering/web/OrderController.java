package org.ordo.ordering.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.HoldKind;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderQuery;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderSummary;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.MultiLine;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/orders")
@Tag(name = "Orders", description = "The order queue, order detail and cancellation")
class OrderController {

    private final OrderManagement orders;
    private final OrderLifecycle lifecycle;
    private final org.ordo.ordering.OrderChanges changes;
    private final int maxPageSize;

    OrderController(OrderManagement orders, OrderLifecycle lifecycle, org.ordo.ordering.OrderChanges changes,
            OrdoProperties properties) {
        this.changes = changes;
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.maxPageSize = properties.api().maxPageSize();
    }

    @GetMapping
    @Operation(operationId = "listOrders", summary = "The order queue", description = """
            Every order from every channel. Filters combine; repeat a parameter for several values
            (status=OPEN&status=ON_HOLD). q matches the external reference, part of the order number or of the customer's e-mail,
            the start of the customer's first name or surname, or the start of an ordered SKU (case-insensitive).
            sort=deadline (default: earliest promised date first) or newest. Keyset paging: pass `next` as `after`.""")
    Slice<OrderSummary> queue(@RequestParam(required = false) List<OrderStatus> status,
            @RequestParam(required = false) List<PaymentStatus> paymentStatus,
            @RequestParam(required = false) List<FulfillmentStatus> fulfillmentStatus,
            @io.swagger.v3.oas.annotations.Parameter(array = @io.swagger.v3.oas.annotations.media.ArraySchema(
                    schema = @Schema(allowableValues = {"web", "api", "marketplace",
                            "edi", "email", "phone", "shopify", "woocommerce", "shopware", "file", "paper"})))
            @RequestParam(required = false) List<String> channel,
            @RequestParam(required = false) UUID customer,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) Instant createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) String q,
            @io.swagger.v3.oas.annotations.Parameter(schema = @Schema(
                    allowableValues = {"deadline", "newest"}, defaultValue = "deadline"))
            @RequestParam(defaultValue = "deadline") String sort,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        Slice.checkLimit(limit, maxPageSize);
        OrderQuery.Sort order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "deadline" -> OrderQuery.Sort.DEADLINE;
            case "newest" -> OrderQuery.Sort.NEWEST;
            default -> throw new InvalidInputException("sort", Wording.of("ordering.must_be_deadline_or_newest"));
        };
        return orders.queue(new OrderQuery(named("status", status), named("paymentStatus", paymentStatus),
                named("fulfillmentStatus", fulfillmentStatus), channel, customer, createdFrom, createdTo, q, order, after,
                limit));
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getOrder", summary = "One order with lines, reservations and timeline",
            description = "The id, or the order number (SO-100001). The ETag is the order's version: send it as "
                    + "If-Match to change the order.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "the order",
            headers = @io.swagger.v3.oas.annotations.headers.Header(name = "ETag",
                    description = "the order's version, e.g. \"1\"", schema = @Schema(type = "string")),
            content = @io.swagger.v3.oas.annotations.media.Content(schema = @Schema(implementation = OrderView.class)))
    org.springframework.http.ResponseEntity<OrderView> order(@PathVariable String id) {
        OrderView order = orders.require(orders.idOf(id));
        return org.springframework.http.ResponseEntity.ok().eTag("\"" + order.version() + "\"").body(order);
    }

    @GetMapping("/{id}/changes")
    @Operation(operationId = "listOrderChanges", summary = "The changes made to an order, oldest first",
            description = "Each change is a version (2 onwards; 1 is the order as placed): who, when, why, and "
                    + "each difference before and after.")
    List<org.ordo.ordering.OrderChange> changes(@PathVariable String id) {
        return changes.of(orders.idOf(id));
    }

    record Reason(@Schema(requiredMode = Schema.RequiredMode.REQUIRED,
            maxLength = TextInput.MAX_REASON) @MultiLine String reason) {
    }

    record HoldRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            HoldKind kind,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                    maxLength = TextInput.MAX_REASON) @MultiLine String reason) {
    }

    @PostMapping("/{id}/cancel")
    @Operation(operationId = "cancelOrder", summary = "Cancel an order that has not shipped", description = """
            Releases its reservations, voids or refunds its payment and records who and why in the timeline.
            409 when it is cancelled or completed, when picking has started, or when it has shipped (use a
            return then).""")
    OrderView cancel(@PathVariable String id, @RequestBody Reason request) {
        return orders.cancel(orders.idOf(id), request.reason());
    }

    @PostMapping("/{id}/hold")
    @Operation(operationId = "holdOrder", summary = "Put an order on hold", description = """
            kind: FRAUD, ADDRESS, PAYMENT or MANUAL. A held order never reaches a pick list; a released one is
            taken back from the warehouse unless picking has started (409).""")
    OrderView hold(@PathVariable String id, @RequestBody HoldRequest request) {
        UUID orderId = orders.idOf(id);
        lifecycle.hold(orderId, request.kind(), request.reason());
        return orders.require(orderId);
    }

    @PostMapping("/{id}/release-hold")
    @Operation(operationId = "releaseOrderHold", summary = "Release a hold", description = "The order goes to the warehouse at once if its payment allows.")
    OrderView releaseHold(@PathVariable String id, @RequestBody Reason request) {
        UUID orderId = orders.idOf(id);
        lifecycle.releaseHold(orderId, request.reason());
        return orders.require(orderId);
    }

    /** A blank value (status=, or a control character) converts to null: refuse it instead of filtering by nothing. */
    private static <E extends Enum<E>> List<E> named(String field, List<E> values) {
        if (values != null && values.contains(null)) {
            throw new InvalidInputException(field, Wording.of("ordering.must_not_be_blank"));
        }
        return values;
    }
}
