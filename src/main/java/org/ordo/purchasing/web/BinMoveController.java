package org.ordo.purchasing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.intake.Intake;
import org.ordo.platform.Actor;
import org.ordo.platform.ApiClient;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.Wording;
import org.ordo.space.BinContents;
import org.ordo.space.BinMove;
import org.ordo.space.MoveBetweenBins;
import org.ordo.space.SpaceManagement;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves between the bins of a warehouse, and what one bin holds. Bins are the space module's; the move takes an
 * Idempotency-Key through intake's one key table, as transfers and cycle counts do (space itself cannot reach intake:
 * intake reads bin files into space).
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bin moves", description = "Moving stock between the bins of a warehouse, and what one bin holds")
class BinMoveController {

    private final SpaceManagement space;
    private final Intake intake;
    private final Json json;

    BinMoveController(SpaceManagement space, Intake intake, Json json) {
        this.space = space;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/locations/{code}/bins/moves", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "moveBetweenBins", summary = "Move stock from one bin to another", description = """
            Never more than the source bin holds of the SKU (409 not-in-bin), never beyond the target bin's
            capacities or into another SKU's own bin (409 bin-full); both bins are locked, so moves and receipts at
            once cannot overfill a bin. On hand at the location does not change; the bin ledger gets two MOVE rows
            (document BIN_MOVE, the move's id). Needs an Idempotency-Key header: a retry with the same key and body
            gets the first answer again (Idempotent-Replayed: true) and moves nothing more; the same key with
            another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = MoveBetweenBins.class)))
    @ApiResponse(responseCode = "201", description = "moved",
            content = @Content(schema = @Schema(implementation = BinMove.class)))
    @ApiResponse(responseCode = "409", description = "the source bin holds less, or the goods do not fit the target bin")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<String> move(@PathVariable String code,
            @RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_sku_from_to_and"));
        }
        MoveBetweenBins command = json.readRequest(body, MoveBetweenBins.class);
        ApiClient client = Actor.client();
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, "POST /api/v1/locations/" + code + "/bins/moves", "move", contentType, body,
                documentId -> {
                    BinMove moved = space.moveBetweenBins(code, command, documentId);
                    return new Intake.Produced(201, json.write(moved), "BIN_MOVE", moved.id());
                });
        return taken.answer();
    }

    @GetMapping("/locations/{code}/bins/{bin}/contents")
    @Operation(operationId = "getBinContents", summary = "What one bin holds, per SKU", description = "What a person counting the bin counts against.")
    BinContents contents(@PathVariable String code, @PathVariable String bin) {
        return space.contents(code, bin);
    }
}
