package org.ordo.promise.web;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Numbers;
import org.ordo.platform.Wording;
import org.ordo.promise.CarrierService;
import org.ordo.promise.ClosingDay;
import org.ordo.promise.PromiseAnswer;
import org.ordo.promise.PromiseManagement;
import org.ordo.promise.PromiseQuery;
import org.ordo.promise.WarehouseCalendar;
import org.ordo.promise.WarehouseCalendarDraft;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/promise")
@Tag(name = "Promise", description = "Delivery promises (ship-by and deliver-by) for checkouts, and the warehouse "
        + "calendars, carrier services and closing days they are computed from")
class PromiseController {

    private final PromiseManagement promises;
    private final org.ordo.promise.PromiseCalendars calendars;

    PromiseController(PromiseManagement promises, org.ordo.promise.PromiseCalendars calendars) {
        this.promises = promises;
        this.calendars = calendars;
    }

    @GetMapping
    @Operation(operationId = "promiseDelivery", summary = "When one SKU would ship and arrive, per carrier service",
            description = """
                    For a product page: the options to deliver `quantity` units of `sku` to the destination, earliest
                    delivery first, each with the warehouse(s) it ships from, `shipBy`, `deliverBy` and the source
                    (`STOCK`, `INCOMING` with the purchase order's expected date, `BACKORDER` with the supplier's
                    lead time). Reads only: books no capacity.""")
    PromiseAnswer promise(
            @Parameter(required = true, example = "TSHIRT-M") @RequestParam(required = false) String sku,
            @Parameter(required = true, example = "1", description = "whole units, at least 1",
                    schema = @io.swagger.v3.oas.annotations.media.Schema(type = "integer", format = "int64",
                            minimum = "1", maximum = "" + org.ordo.promise.PromiseManagement.MAX_QUANTITY))
            @RequestParam(required = false) String quantity,
            @Parameter(required = true, example = "DE", description = "ISO 3166-1 alpha-2")
            @RequestParam(required = false) String country,
            @Parameter(example = "01067", description = "the destination's postal code (here: Dresden)")
            @RequestParam(required = false) String postalCode,
            @Parameter(example = "SN", description = "ISO 3166-2 subdivision, for regional holidays")
            @RequestParam(required = false) String region,
            @Parameter(example = "DHL") @RequestParam(required = false) String carrier,
            @Parameter(example = "web", description = "the channel the order would come from: its routing rule applies")
            @RequestParam(required = false) String channel) {
        List<FieldError> errors = new ArrayList<>();
        Long units = null;
        if (sku == null) {
            errors.add(new FieldError("sku", Wording.of("platform.is_required")));
        }
        if (quantity == null) {
            errors.add(new FieldError("quantity", Wording.of("platform.is_required")));
        } else {
            try {
                units = Numbers.whole("quantity", quantity, false);
                if (units < 1 || units > org.ordo.promise.PromiseManagement.MAX_QUANTITY) {
                    errors.add(new FieldError("quantity", Wording.of("promise.must_be_from_1_to",
                            org.ordo.promise.PromiseManagement.MAX_QUANTITY)));
                }
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return promises.promise(new PromiseQuery(country, postalCode, region, carrier, channel,
                List.of(new PromiseQuery.Line(sku, units))));
    }

    @PostMapping
    @Operation(operationId = "promiseDeliveryOfLines", summary = "When several lines would ship and arrive, per carrier service",
            description = """
                    For a checkout: the options to deliver every line to the destination, earliest delivery first;
                    lines that leave one warehouse together form one shipment, each with its own `shipBy` and
                    `deliverBy`, and the option's dates are the latest of its shipments. Reads only.""")
    PromiseAnswer promise(@RequestBody PromiseQuery query) {
        return promises.promise(query);
    }

    @GetMapping("/warehouses")
    @Operation(operationId = "listWarehouseCalendars", summary = "Every warehouse's calendar, its own or the defaults")
    List<WarehouseCalendar> warehouses() {
        return calendars.warehouses();
    }

    @PutMapping("/warehouses/{location}")
    @Operation(operationId = "setWarehouseCalendar", summary = "Set a warehouse's calendar",
            description = "Time zone, working days, holidays (country and region), handling days, daily capacity and "
                    + "its own cut-offs per carrier service; replaces what it had. Promises made before keep their dates.")
    WarehouseCalendar setWarehouse(@PathVariable String location, @RequestBody WarehouseCalendarDraft draft) {
        return calendars.setWarehouse(location, draft);
    }

    @GetMapping("/carrier-services")
    @Operation(operationId = "listCarrierServices", summary = "Every carrier service with its delivery and transit days")
    List<CarrierService> services() {
        return calendars.services();
    }

    @PutMapping("/carrier-services/{carrier}/{service}")
    @Operation(operationId = "setCarrierService", summary = "Create or change a carrier service",
            description = "Delivery days, cut-off and transit days per destination country (zone `*`: every other); "
                    + "replaces what it had.")
    CarrierService setService(@PathVariable String carrier, @PathVariable String service,
            @RequestBody CarrierService.Draft draft) {
        return calendars.setService(carrier, service, draft);
    }

    @GetMapping("/closing-days")
    @Operation(operationId = "listClosingDays", summary = "Closing days from today on")
    List<ClosingDay> closingDays() {
        return calendars.closingDays();
    }

    @PostMapping("/closing-days")
    @Operation(operationId = "addClosingDay", summary = "Close the company (`*`) or one warehouse on a day",
            description = "Nothing ships on it; the same day again changes its reason.")
    ClosingDay close(@RequestBody ClosingDay day) {
        return calendars.close(day);
    }
}
