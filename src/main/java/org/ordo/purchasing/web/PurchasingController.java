package org.ordo.purchasing.web;

import java.net.URI;
import java.util.List;

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
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.ordo.purchasing.ChangePurchaseOrder;
import org.ordo.purchasing.ConfirmPurchaseOrder;
import org.ordo.purchasing.PlacePurchaseOrder;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchaseOrderStatus;
import org.ordo.purchasing.PurchasingManagement;
import org.ordo.purchasing.ReceivePurchase;
import org.ordo.purchasing.ReorderAlert;
import org.ordo.purchasing.StockPolicy;
import org.ordo.purchasing.StockPolicyDraft;
import org.ordo.purchasing.Suggestion;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Purchasing", description = "Stock policies, replenishment suggestions and reorder alerts, purchase orders to suppliers and receiving against them")
class PurchasingController {

    private final PurchasingManagement purchasing;
    private final Intake intake;
    private final Json json;

    PurchasingController(PurchasingManagement purchasing, Intake intake, Json json) {
        this.purchasing = purchasing;
        this.intake = intake;
        this.json = json;
    }

    @PutMapping("/inventory/{sku}/policy")
    @Operation(operationId = "setStockPolicy", summary = "Set the stock policy of a SKU at a location", description = """
            Reorder point, target level or reorder quantity (exactly one), safety stock, preferred supplier and its
            article number, purchase price, pack size, minimum order and lead time (empty: the supplier's). Replaces
            the policy the SKU had at that location.""")
    @ApiResponse(responseCode = "200", description = "the policy as stored")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    StockPolicy setPolicy(@PathVariable String sku, @RequestBody StockPolicyDraft draft) {
        return purchasing.setPolicy(sku, draft);
    }

    @GetMapping("/inventory/{sku}/policy")
    @Operation(operationId = "getStockPolicies", summary = "The stock policies of a SKU, one per location")
    List<StockPolicy> policies(@PathVariable String sku) {
        return purchasing.policies(sku);
    }

    @GetMapping("/purchasing/suggestions")
    @Operation(operationId = "listReplenishmentSuggestions", summary = "What to buy now, by supplier and location", description = """
            Every SKU whose stock position (available + on order - backordered) is below its reorder point, with the
            quantity that brings it back, rounded to the minimum order and whole packs; each line shows its inputs.""")
    List<Suggestion> suggestions(@RequestParam(required = false) String supplier,
            @RequestParam(required = false) String location) {
        return purchasing.suggestions(supplier, location);
    }

    @GetMapping("/purchasing/alerts")
    @Operation(operationId = "listReorderAlerts", summary = "Reorder alerts, newest first", description = "One per fall below the reorder point; `open=true` keeps those not cleared yet.")
    List<ReorderAlert> alerts(@RequestParam(defaultValue = "false") boolean open,
            @RequestParam(required = false) String sku, @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(500) int limit) {
        return purchasing.alerts(open, sku, Slice.checkLimit(limit, 500));
    }

    @PostMapping(path = "/purchase-orders", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "placePurchaseOrder", summary = "Place a purchase order, by hand or from the suggestions", description = """
            Numbered gap-free (PO-2026-000001) and mailed to the supplier as PDF in the supplier's language. With
            `fromSuggestions: true` and no lines, the lines are the current suggestions for the supplier and
            location. Prices and the supplier's article numbers default to the stock policy's. Needs an
            Idempotency-Key header: a retry with the same key and body gets the first answer again (header
            Idempotent-Replayed: true) and places nothing, so the supplier never gets an order twice; the same key
            with another body is refused (422).""")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
            content = @Content(schema = @Schema(implementation = PlacePurchaseOrder.class)))
    @ApiResponse(responseCode = "201", description = "placed and queued for mailing",
            content = @Content(schema = @Schema(implementation = PurchaseOrder.class)))
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    ResponseEntity<String> place(@RequestHeader(name = Intake.IDEMPOTENCY_HEADER, required = false) String key,
            @RequestHeader(name = "Content-Type", required = false) String contentType,
            @RequestBody(required = false) byte[] body) {
        if (body == null || body.length == 0) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_purchase_order_as"));
        }
        PlacePurchaseOrder command = json.readRequest(body, PlacePurchaseOrder.class);
        ApiClient client = Actor.client();
        Intake.Taken taken = intake.takeApiRequest(client == null ? "anonymous" : client.id().toString(),
                Actor.current(), key, "POST /api/v1/purchase-orders", "purchase order", contentType, body,
                documentId -> {
                    PurchaseOrder placed = purchasing.place(command);
                    return new Intake.Produced(201, json.write(placed), "PURCHASE_ORDER", placed.id());
                });
        return taken.answer(URI.create("/api/v1/purchase-orders/" + taken.producedId()));
    }

    @GetMapping("/purchase-orders")
    @Operation(operationId = "listPurchaseOrders", summary = "Purchase orders, newest first", description = "Keyset paging: pass `next` as `after`.")
    Slice<PurchaseOrder> list(@RequestParam(required = false) PurchaseOrderStatus status,
            @RequestParam(required = false) String supplier, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return purchasing.list(status, supplier, after, Slice.checkLimit(limit, 200));
    }

    @GetMapping("/purchase-orders/{id}")
    @Operation(operationId = "getPurchaseOrder", summary = "One purchase order, by id or number", description = "Each line: ordered, confirmed, received, open.")
    PurchaseOrder one(@PathVariable String id) {
        return purchasing.require(purchasing.idOf(id));
    }

    @PostMapping("/purchase-orders/{id}/confirmation")
    @Operation(operationId = "confirmPurchaseOrder", summary = "Record the supplier's confirmation", description = "Confirmed quantity and delivery date per line; the date becomes the expected date.")
    @ApiResponse(responseCode = "200", description = "confirmed")
    @ApiResponse(responseCode = "409", description = "the order is closed")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    PurchaseOrder confirm(@PathVariable String id, @RequestBody ConfirmPurchaseOrder command) {
        return purchasing.confirm(purchasing.idOf(id), command);
    }

    @PostMapping("/purchase-orders/{id}/change")
    @Operation(operationId = "changePurchaseOrder", summary = "Change quantities or dates, with a reason", description = "A new revision, mailed to the supplier; a quantity never goes below what was received.")
    @ApiResponse(responseCode = "200", description = "changed and queued for mailing")
    @ApiResponse(responseCode = "409", description = "the order is closed")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    PurchaseOrder change(@PathVariable String id, @RequestBody ChangePurchaseOrder command) {
        return purchasing.change(purchasing.idOf(id), command);
    }

    /** Named apart from the orders' Reason schema: the same simple name would merge both into one schema. */
    @Schema(name = "PurchaseOrderReason")
    record Reason(@Schema(example = "the supplier cannot deliver", requiredMode = Schema.RequiredMode.REQUIRED,
            maxLength = PurchasingManagement.MAX_REASON) String reason) {
    }

    @PostMapping("/purchase-orders/{id}/cancel")
    @Operation(operationId = "cancelPurchaseOrder", summary = "Cancel before anything arrived, with a reason", description = "The supplier gets the cancelled revision; 409 once goods were received (close it short instead).")
    @ApiResponse(responseCode = "200", description = "cancelled")
    @ApiResponse(responseCode = "409", description = "goods were received, or the order is closed")
    @ApiResponse(responseCode = "422", description = "the reason is missing")
    PurchaseOrder cancel(@PathVariable String id, @RequestBody(required = false) Reason reason) {
        return purchasing.cancel(purchasing.idOf(id), reason == null ? null : reason.reason());
    }

    @PostMapping("/purchase-orders/{id}/close")
    @Operation(operationId = "closePurchaseOrderShort", summary = "Close a partly received order short, with a reason", description = "Nothing more is expected from it.")
    @ApiResponse(responseCode = "200", description = "closed short")
    @ApiResponse(responseCode = "409", description = "not partly received")
    @ApiResponse(responseCode = "422", description = "the reason is missing")
    PurchaseOrder closeShort(@PathVariable String id, @RequestBody(required = false) Reason reason) {
        return purchasing.closeShort(purchasing.idOf(id), reason == null ? null : reason.reason());
    }

    @PostMapping("/purchase-orders/{id}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "receivePurchase", summary = "Receive goods against a purchase order line", description = """
            Puts the goods on hand at the order's location (one RECEIPT movement referencing PO-2026-000001/1),
            filling backorders. Up to ordered + tolerance; more is refused with 409 over-delivery. With `bin` the
            goods go into that bin of the location (every booking a row of the bin ledger naming the bin); a bin they
            do not fit is refused with 409 bin-full, an unknown bin with 422; without it, where putaway by space puts
            them.""")
    @ApiResponse(responseCode = "201", description = "received; the order as it is now")
    @ApiResponse(responseCode = "409", description = "over-delivery beyond the tolerance, the order is closed, the goods do not fit the bin named, or a dropship order (dropship-order): its goods go to the customer")
    @ApiResponse(responseCode = "422", description = "invalid fields, named in errors[]")
    PurchaseOrder receive(@PathVariable String id, @RequestBody ReceivePurchase command) {
        return purchasing.receive(purchasing.idOf(id), command);
    }
}
