package org.ordo.intake.web;

import java.net.URI;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.Intake;
import org.ordo.ordering.ChangeOrder;
import org.ordo.ordering.ChangedOrder;
import org.ordo.ordering.OrderChanges;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.PreconditionException;
import org.ordo.platform.Wording;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes to placed orders, taken like every creating request: the body is stored as received and the
 * Idempotency-Key makes a retry give the first answer (docs/order-changes.md).
 */
@RestController
class OrderChangeController {

    /** An ETag as Ordo gives it for an order: its version in quotes; a weak one is taken too. */
    private static final Pattern VERSION_TAG = Pattern.compile("^(?:W/)?\"([1-9][0-9]{0,8})\"$");

    private final Intake intake;
    private final OrderChanges changes;
    private final OrderManagement orders;
    private final Json json;

    OrderChangeController(Intake intake, OrderChanges changes, OrderManagement orders, Json json) {
        this.intake = intake;
        this.changes = changes;
        this.orders = orders;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/orders/{id}/changes", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Orders")
    @Operation(operationId = "changeOrder", summary = "Change an order before it is picked", description = """
            Add, remove (quantity 0) or change lines, swap a line's SKU, change the shipping address, the
            carrier service or the promised date; only what changes is sent, with a reason. Needs If-Match with
            the order's ETag (its version, from GET /api/v1/orders/{id}): 428 without it, 412 when someone changed
            the order meanwhile. 409 when the order is cancelled, completed, shipped or being picked (the problem
            says which), or when a changed line cannot be reserved and its article is not backorderable
            (shortages[] names it). One transaction: kept lines keep their price, swapped and added lines take
            today's (each difference says pricedToday), totals and tax are computed again, reservations follow,
            an amount due puts a paid order behind the payment gate again and a surplus is booked as a refund to
            pay out, once. Needs an Idempotency-Key header: a retry with the same key, If-Match and body gets the
            first answer again (header Idempotent-Replayed: true). The body is stored as received.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = ChangeOrder.class)))
    @ApiResponse(responseCode = "201", description = "changed: the new version and the order as it is now",
            headers = @Header(name = "ETag", description = "the order's new version, for the next If-Match",
                    schema = @Schema(type = "string")),
            content = @Content(schema = @Schema(implementation = ChangedOrder.class)))
    @ApiResponse(responseCode = "409", description = "the order's state no longer allows the change, or stock is short")
    @ApiResponse(responseCode = "412", description = "the order is at another version than If-Match names; "
            + "currentVersion says which")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    @ApiResponse(responseCode = "428", description = "If-Match is missing")
    ResponseEntity<String> change(@PathVariable String id,
            @RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @Parameter(description = "the order's ETag (its version) as read, e.g. \"1\"", required = true,
                    schema = @Schema(type = "string", example = "\"1\""))
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("intake.is_required_the_change_as_json"));
        }
        UUID orderId = orders.idOf(id);
        Integer version = version(ifMatch);
        ChangeOrder command = json.readRequest(body, ChangeOrder.class);
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        ApiClient client = Actor.client();
        String clientId = client == null ? "anonymous" : client.id().toString();
        Intake.Taken taken = intake.takeApiRequest(clientId, Actor.current(), key,
                "POST /api/v1/orders/" + orderId + "/changes If-Match " + version, "change", contentType, body,
                documentId -> {
                    ChangedOrder changed = changes.change(orderId, version, command, documentId);
                    return new Intake.Produced(201, json.write(changed), "ORDER_CHANGE", changed.change().id());
                });
        ChangedOrder answer = json.read(taken.body(), ChangedOrder.class);
        return taken.answer(URI.create("/api/v1/orders/" + orderId + "/changes"),
                "\"" + answer.change().version() + "\"");
    }

    /** The version If-Match names; 428 without one, 422 for something that is no ETag Ordo gave. */
    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw PreconditionException.required(Wording.of("intake.send_the_order_s_version_as"));
        }
        Matcher m = VERSION_TAG.matcher(ifMatch.trim());
        if (!m.matches()) {
            throw new InvalidInputException("If-Match", Wording.of("intake.must_be_the_order_s_etag"));
        }
        return Integer.valueOf(m.group(1));
    }
}
