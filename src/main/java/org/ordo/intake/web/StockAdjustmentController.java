package org.ordo.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.Intake;
import org.ordo.inventory.Adjustment;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Movement;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.Wording;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stock adjustments through the API, taken like every booking (docs/order-changes.md#bookings-count-once): with an
 * Idempotency-Key the first answer is kept with the key and a retry gets it again, so a count sent twice over a
 * bad connection takes stock out once. It lives here, not in inventory, because the idempotency keys are
 * intake's and inventory is below intake.
 */
@RestController
class StockAdjustmentController {

    private final Intake intake;
    private final InventoryManagement inventory;
    private final Json json;

    StockAdjustmentController(Intake intake, InventoryManagement inventory, Json json) {
        this.intake = intake;
        this.inventory = inventory;
        this.json = json;
    }

    @PostMapping(path = "/api/v1/inventory/adjustments", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Tag(name = "Inventory")
    @Operation(operationId = "adjustStock", summary = "Adjust on-hand stock with a reason", description = """
            Negative quantities take stock out; reserved stock cannot be adjusted away (409). With an
            Idempotency-Key header (optional), a retry with the same key and body gets the first answer again
            (header Idempotent-Replayed: true) and adjusts nothing twice; the same key with another body is
            refused (422). The body is then stored as received.""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = Adjustment.class)))
    @ApiResponse(responseCode = "201", description = "adjusted: the ledger movement",
            content = @Content(schema = @Schema(implementation = Movement.class)))
    @ApiResponse(responseCode = "409", description = "the stock is reserved for orders or not there")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[], or the Idempotency-Key was "
            + "used for another request")
    ResponseEntity<String> adjust(
            @Parameter(description = "a unique key per adjustment, reused on retries (1-255 visible ASCII characters)",
                    schema = @Schema(type = "string", maxLength = 255))
            @RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("intake.is_required_the_adjustment_as_json"));
        }
        Adjustment adjustment = json.readRequest(body, Adjustment.class);
        if (adjustment == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        if (key == null) {
            return IdempotentAnswer.first(201, json.write(inventory.adjust(adjustment))).answer();
        }
        ApiClient client = Actor.client();
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, "POST /api/v1/inventory/adjustments", "adjustment", contentType, body,
                documentId -> new Intake.Produced(201, json.write(inventory.adjust(adjustment)), "ADJUSTMENT",
                        null));
        return taken.answer();
    }
}
