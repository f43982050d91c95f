package org.ordo.party.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.party.Customer;
import org.ordo.party.CustomerDraft;
import org.ordo.party.PartyManagement;
import org.ordo.party.Supplier;
import org.ordo.party.SupplierDraft;
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
@Tag(name = "Customers and suppliers", description = "Customers (B2C and B2B, with credit limits) and suppliers")
class PartyController {

    private final PartyManagement parties;

    PartyController(PartyManagement parties) {
        this.parties = parties;
    }

    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerCustomer", summary = "Register a customer", description = "409 when the e-mail address is taken.")
    Customer registerCustomer(@RequestBody CustomerDraft draft) {
        return parties.registerCustomer(draft);
    }

    @PutMapping("/customers/{id}")
    @Operation(operationId = "changeCustomer", summary = "Change a customer")
    Customer changeCustomer(@PathVariable UUID id, @RequestBody CustomerDraft draft) {
        return parties.changeCustomer(id, draft);
    }

    @GetMapping("/customers/{id}")
    @Operation(operationId = "getCustomer", summary = "One customer")
    Customer customer(@PathVariable UUID id) {
        return parties.requireCustomer(id);
    }

    @GetMapping("/customers")
    @Operation(operationId = "listCustomers", summary = "List customers, newest first", description = "q matches e-mail or name; keyset paging.")
    Slice<Customer> customers(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @jakarta.validation.constraints.Max(200) int limit) {
        return parties.listCustomers(q, after, Slice.checkLimit(limit, 200));
    }

    @PostMapping("/suppliers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "registerSupplier", summary = "Register a supplier")
    Supplier registerSupplier(@RequestBody SupplierDraft draft) {
        return parties.registerSupplier(draft);
    }

    @PutMapping("/suppliers/{id}")
    @Operation(operationId = "changeSupplier", summary = "Change a supplier")
    Supplier changeSupplier(@PathVariable UUID id, @RequestBody SupplierDraft draft) {
        return parties.changeSupplier(id, draft);
    }

    @GetMapping("/suppliers/{id}")
    @Operation(operationId = "getSupplier", summary = "One supplier")
    Supplier supplier(@PathVariable UUID id) {
        return parties.requireSupplier(id);
    }

    @GetMapping("/suppliers")
    @Operation(operationId = "listSuppliers", summary = "All suppliers by code")
    List<Supplier> suppliers() {
        return parties.listSuppliers();
    }
}
