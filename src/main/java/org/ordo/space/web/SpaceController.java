package org.ordo.space.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.space.ArticleDimensions;
import org.ordo.space.Bin;
import org.ordo.space.BinDraft;
import org.ordo.space.BinSetup;
import org.ordo.space.DimensionsDraft;
import org.ordo.space.PutawaySuggestion;
import org.ordo.space.SpaceForecast;
import org.ordo.space.SpaceManagement;
import org.ordo.space.Utilisation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
@Tag(name = "Warehouse space", description = "Article dimensions, bins with capacities, putaway by space, utilisation and the space forecast")
class SpaceController {

    private final SpaceManagement space;

    SpaceController(SpaceManagement space) {
        this.space = space;
    }

    @PutMapping("/articles/{sku}/dimensions")
    @Operation(operationId = "setArticleDimensions", summary = "Set what one unit of an article measures", description = """
            Length, width and height in millimetres, units per carton and cartons per pallet; the weight is the
            article's. Putaway, utilisation and the space forecast count the article's room from these.""")
    @ApiResponse(responseCode = "200", description = "the dimensions as stored")
    ArticleDimensions measure(@PathVariable String sku, @RequestBody DimensionsDraft draft) {
        return space.measure(sku, draft);
    }

    @GetMapping("/articles/{sku}/dimensions")
    @Operation(operationId = "getArticleDimensions", summary = "What one unit of an article measures")
    ArticleDimensions dimensions(@PathVariable String sku) {
        return space.dimensions(sku);
    }

    @PutMapping("/locations/{code}/bins/{bin}")
    @Operation(operationId = "setUpBin", summary = "Set up or change a bin of a location", description = """
            Its place on the pick path and its capacities (volume from inner dimensions, maximum weight, pallet
            places, units per SKU; each optional), and optionally the SKU whose own bin it is. The first bin of a
            location also creates its OVERFLOW bin and puts the stock already there away. A change its stock would
            not fit is refused with 409.""")
    @ApiResponse(responseCode = "200", description = "the bin as stored")
    @ApiResponse(responseCode = "409", description = "the bin's stock would not fit the new capacities",
            content = @Content(mediaType = "application/problem+json"))
    Bin setUpBin(@PathVariable String code, @PathVariable String bin, @RequestBody BinDraft draft) {
        return space.setUpBin(code, bin, draft);
    }

    @PutMapping("/locations/{code}/bins")
    @Operation(operationId = "setUpBins", summary = "Set up or change many bins of a location at once", description = """
            Up to 1,000 bins, each as for a single bin with its code; bins not named stay as they are. All or nothing:
            a wrong field of any bin (422, naming bins[i].field) or a bin its stock would no longer fit (409) and
            none is stored. Answers every bin of the location.""")
    @ApiResponse(responseCode = "200", description = "every bin of the location, as stored")
    @ApiResponse(responseCode = "409", description = "a bin's stock would not fit its new capacities; nothing stored",
            content = @Content(mediaType = "application/problem+json"))
    List<Bin> setUpBins(@PathVariable String code, @RequestBody BinSetup setup) {
        return space.setUpBins(code, setup);
    }

    @GetMapping("/locations/{code}/bins")
    @Operation(operationId = "listBins", summary = "The bins of a location along the pick path, the overflow bin last")
    List<Bin> bins(@PathVariable String code) {
        return space.bins(code);
    }

    @GetMapping("/locations/{code}/putaway")
    @Operation(operationId = "suggestPutaway", summary = "Where received goods would go", description = """
            The SKU's own bin, else the nearest bin on the pick path with room for all of them; when no bin has room
            for all, split over the bins with room in that order (reason SPLIT, every bin in shares), the rest to the
            OVERFLOW bin. A receipt (API, purchase order, scanner) puts the goods where this says at that moment.""")
    PutawaySuggestion putaway(@PathVariable String code, @RequestParam String sku, @RequestParam @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(org.ordo.inventory.InventoryManagement.MAX_QUANTITY) Long quantity) {
        return space.suggestPutaway(code, sku, quantity);
    }

    @GetMapping("/locations/{code}/utilisation")
    @Operation(operationId = "getUtilisation", summary = "How full a warehouse and each of its bins are", description = """
            Per bin: units, used volume, weight and pallet places against its capacities. For the warehouse:
            on hand, reserved and incoming (open purchase order lines) as volume against the bins' capacity, and
            the open overflow alerts.""")
    Utilisation utilisation(@PathVariable String code) {
        return space.utilisation(code);
    }

    @PostMapping("/locations/{code}/overflow-alerts/{alert}/acknowledgement")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(operationId = "acknowledgeOverflowAlert", summary = "Acknowledge an overflow alert", description = """
            A person has seen that goods went to the OVERFLOW bin (and moved them or made room); the alert leaves the
            open alerts of the utilisation. Acknowledging it again changes nothing.""")
    @ApiResponse(responseCode = "204", description = "acknowledged")
    @ApiResponse(responseCode = "404", description = "the location has no such overflow alert",
            content = @Content(mediaType = "application/problem+json"))
    void acknowledgeAlert(@PathVariable String code,
            @PathVariable @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(Long.MAX_VALUE) long alert) {
        space.acknowledgeAlert(code, alert);
    }

    @GetMapping("/locations/{code}/space-forecast")
    @Operation(operationId = "getSpaceForecast", summary = "The space a warehouse will need in the next 12 weeks", description = """
            Per week: receipts expected from open purchase orders, expected demand (the same weeks last year, else
            the recent rate times the calendar's peak factors) and the most volume needed on a day, against the
            bins' capacity; firstFullDay is the first day it runs full.""")
    SpaceForecast forecast(@PathVariable String code) {
        return space.forecast(code);
    }

    @GetMapping(path = "/locations/{code}/space-forecast/csv", produces = "text/csv")
    @Operation(operationId = "exportSpaceForecast", summary = "The space forecast as CSV", description = "One line per week, volumes in litres.")
    @ApiResponse(responseCode = "200", description = "the forecast", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string")))
    ResponseEntity<byte[]> forecastCsv(@PathVariable String code) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"space-forecast-" + code + ".csv\"")
                .body(space.forecastCsv(code).getBytes(StandardCharsets.UTF_8));
    }
}
