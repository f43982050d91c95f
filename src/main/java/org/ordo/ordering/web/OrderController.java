package org.ordo.ordering.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.ordering.FulfillmentStatus;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderQuery;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderSummary;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Slice;
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
    private final int maxPageSize;

    OrderController(OrderManagement orders, OrdoProperties properties) {
        this.orders = orders;
        this.maxPageSize = properties.api().maxPageSize();
    }

    @GetMapping
    @Operation(summary = "The order queue", description = """
            Every order from every channel. Filters combine; repeat a parameter for several values
            (status=OPEN&status=ON_HOLD). q matches order number, external reference or customer e-mail.
            sort=deadline (default: earliest promised date first) or newest. Keyset paging: pass `next` as `after`.""")
    Slice<OrderSummary> queue(@RequestParam(required = false) List<OrderStatus> status,
            @RequestParam(required = false) List<PaymentStatus> paymentStatus,
            @RequestParam(required = false) List<FulfillmentStatus> fulfillmentStatus,
            @RequestParam(required = false) List<String> channel,
            @RequestParam(required = false) UUID customer,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false) Instant createdFrom,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "deadline") String sort,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > maxPageSize) {
            throw new InvalidInputException("limit", "must be between 1 and " + maxPageSize);
        }
        OrderQuery.Sort order = switch (sort.toLowerCase(Locale.ROOT)) {
            case "deadline" -> OrderQuery.Sort.DEADLINE;
            case "newest" -> OrderQuery.Sort.NEWEST;
            default -> throw new InvalidInputException("sort", "must be deadline or newest");
        };
        return orders.queue(new OrderQuery(named("status", status), named("paymentStatus", paymentStatus),
                named("fulfillmentStatus", fulfillmentStatus), channel, customer, createdFrom, createdTo, q, order, after,
                limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with lines, reservations and timeline",
            description = "The id, or the order number (SO-100001).")
    OrderView order(@PathVariable String id) {
        UUID uuid = parse(id);
        return uuid != null ? orders.require(uuid) : orders.requireByNumber(id);
    }

    record CancelRequest(String reason) {
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an order that has not shipped", description = """
            Releases its reservations and records who and why in the timeline. 409 when it is cancelled,
            completed or shipped (use a return then).""")
    OrderView cancel(@PathVariable UUID id, @RequestBody CancelRequest request) {
        return orders.cancel(id, request.reason());
    }

    /** A blank value (status=, or a control character) converts to null: refuse it instead of filtering by nothing. */
    private static <E extends Enum<E>> List<E> named(String field, List<E> values) {
        if (values != null && values.contains(null)) {
            throw new InvalidInputException(field, "must not be blank");
        }
        return values;
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
