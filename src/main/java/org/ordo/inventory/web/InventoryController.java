package org.ordo.inventory.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.LocationDraft;
import org.ordo.inventory.Movement;
import org.ordo.inventory.Receipt;
import org.ordo.inventory.StockStatus;
import org.ordo.platform.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Inventory", description = "Locations, stock levels, receipts, adjustments and the stock ledger")
class InventoryController {

    private final InventoryManagement inventory;

    InventoryController(InventoryManagement inventory) {
        this.inventory = inventory;
    }

    @PostMapping("/locations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerLocation", summary = "Register a location (warehouse)", description = "Lower priority ships first.")
    Location registerLocation(@RequestBody LocationDraft draft) {
        return inventory.registerLocation(draft);
    }

    @PutMapping("/locations/{code}")
    @Operation(operationId = "changeLocation", summary = "Change a location", description = "Inactive locations take no new reservations.")
    Location changeLocation(@PathVariable String code, @RequestBody LocationDraft draft) {
        return inventory.changeLocation(code, draft);
    }

    @GetMapping("/locations")
    @Operation(operationId = "listLocations", summary = "All locations by priority")
    List<Location> locations() {
        return inventory.locations();
    }

    @GetMapping("/locations/{code}")
    @Operation(operationId = "getLocation", summary = "One location")
    Location location(@PathVariable String code) {
        return inventory.location(code);
    }

    @PostMapping("/inventory/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "receiveStock", summary = "Receive goods", description = "Adds to on hand; the answer is the ledger movement.")
    Movement receive(@RequestBody Receipt receipt) {
        return inventory.receive(receipt);
    }

    // POST /inventory/adjustments is taken by intake's StockAdjustmentController, for its Idempotency-Key.

    @PostMapping("/inventory/quarantine/releases")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "releaseFromQuarantine", summary = "Move units out of quarantine with a reason", description = """
            action RELEASE makes quarantined units (returned damaged or incomplete) available again; WRITE_OFF
            takes them off on hand. Only people (ADMIN, WAREHOUSE) may do this, and a reason is required.""")
    Movement releaseFromQuarantine(@RequestBody org.ordo.inventory.QuarantineRelease release) {
        return inventory.releaseFromQuarantine(release);
    }

    @GetMapping("/inventory/{sku}/quarantine")
    @Operation(operationId = "getQuarantinedStock", summary = "Quarantined units of a SKU per location", description = "Counted in on hand, never available.")
    java.util.Map<String, Long> quarantined(@PathVariable String sku) {
        return inventory.quarantined(sku);
    }

    @GetMapping("/inventory/{sku}")
    @Operation(operationId = "getStock", summary = "Stock of a SKU per location and available to promise")
    StockStatus stock(@PathVariable String sku) {
        return inventory.stock(sku);
    }

    @GetMapping("/inventory/{sku}/movements")
    @Operation(operationId = "listStockMovements", summary = "The stock ledger of a SKU, oldest first", description = "Keyset paging: pass `next` as `after`.")
    Slice<Movement> movements(@PathVariable String sku, @RequestParam(required = false) String location,
            @RequestParam(required = false) @jakarta.validation.constraints.Min(0)
            @jakarta.validation.constraints.Max(Long.MAX_VALUE) Long after,
            @RequestParam(defaultValue = "100") @jakarta.validation.constraints.Max(500) int limit) {
        return inventory.movements(sku, location, after, Slice.checkLimit(limit, 500));
    }
}
