package org.ordo.billing.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.billing.Billing;
import org.ordo.billing.Invoice;
import org.ordo.ordering.OrderManagement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Invoices", description = "Invoices with gap-free numbers per series and year")
class BillingController {

    private final Billing billing;
    private final OrderManagement orders;

    BillingController(Billing billing, OrderManagement orders) {
        this.billing = billing;
        this.orders = orders;
    }

    @GetMapping("/api/v1/orders/{id}/invoices")
    @Tag(name = "Orders")
    @Operation(operationId = "listInvoicesOfOrder", summary = "Invoices of an order")
    List<Invoice> invoices(@PathVariable String id) {
        return billing.invoicesOf(orders.idOf(id));
    }

    @GetMapping("/api/v1/invoices/{number}")
    @Operation(operationId = "getInvoice", summary = "One invoice by its number (INV-2026-000001)")
    Invoice invoice(@PathVariable String number) {
        return billing.byNumber(number);
    }
}
