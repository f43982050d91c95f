package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingInput.lineOf;
import static org.ordo.purchasing.PurchasingInput.quantity;
import static org.ordo.purchasing.PurchasingInput.text;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Receipt;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.ordo.purchasing.internal.PurchaseOrders;
import org.ordo.purchasing.internal.StockPolicies;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving goods against purchase order lines (docs/purchasing.md#receiving-against-a-purchase-order): within ordered
 * + tolerance, checked in one conditional UPDATE, each receipt a ledger movement that names the line.
 */
@Service
class PurchaseReceiving {

    private final StockPolicies policies;
    private final PurchaseOrders purchaseOrders;
    private final SupplierOrders orders;
    private final InventoryManagement inventory;
    private final Clock clock;

    PurchaseReceiving(StockPolicies policies, PurchaseOrders purchaseOrders, SupplierOrders orders,
            InventoryManagement inventory, Clock clock) {
        this.policies = policies;
        this.purchaseOrders = purchaseOrders;
        this.orders = orders;
        this.inventory = inventory;
        this.clock = clock;
    }

    /**
     * Receives goods against a line: adds to the line's received quantity only within ordered + tolerance (a
     * conditional UPDATE, so concurrent receipts cannot pass it together). Beyond it, 409 {@code over-delivery}, or,
     * when the SKU's stock policy there says RECORD, the line is filled to its limit and the rest recorded as a
     * discrepancy of the line; either way all the goods taken in are put on hand at the order's location as one
     * RECEIPT movement referencing the line ({@code PO-2026-000001/1}), which fills backorders as every receipt does. The
     * goods go into the bin the command names (422 {@code bin} unknown, 409 {@code bin-full} when they do not fit it;
     * nothing is booked then), else where putaway by space puts them. The order is RECEIVED when every line is.
     * Locks the order; 409 once it is closed.
     */
    @Transactional
    public PurchaseOrder receive(UUID id, ReceivePurchase command) {
        PurchaseOrders.Head head = orders.lock(id);
        List<PurchaseOrders.Line> lines = purchaseOrders.lines(id);
        List<FieldError> errors = new ArrayList<>();
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_line_and_quantity"));
        }
        PurchaseOrders.Line line = lineOf(errors, "line", command.line(), lines);
        quantity(errors, "quantity", command.quantity(), 1, true);
        String note = text(errors, "note", command.note(), MAX_NOTE);
        text(errors, "bin", command.bin(), PurchasingInput.MAX_BIN);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!head.status().isOpen()) {
            throw SupplierOrders.illegal(head, "purchasing.purchase_order_is_no_longer_received");
        }
        if (purchaseOrders.shipsToCustomer(id)) {
            // the goods go from the supplier to the customer: a receipt here would book stock that is not here
            throw new ConflictException("dropship-order", "Shipped to the customer",
                    Wording.of("purchasing.purchase_order_is_shipped_by_the", head.number()),
                    Map.of("purchaseOrder", head.number()));
        }
        long beyond = 0;
        if (!purchaseOrders.receive(id, line.lineNo(), command.quantity())) {
            long allowed = line.ordered() + line.tolerance() - line.received();
            boolean record = policies.find(line.sku(), head.location())
                    .map(p -> p.overDelivery() == OverDelivery.RECORD).orElse(false);
            if (!record) {
                throw new ConflictException("over-delivery", "More than ordered",
                        Wording.of("purchasing.line_of_may_receive_at_most", line.lineNo(), head.number(), allowed,
                                line.ordered(), line.tolerance(), line.received()),
                        Map.of("line", line.lineNo(), "allowed", allowed));
            }
            // The order row is locked, so the line still has exactly `allowed` room: fill it, record the rest.
            if (allowed > 0 && !purchaseOrders.receive(id, line.lineNo(), allowed)) {
                throw new IllegalStateException("Line " + line.lineNo() + " of " + head.number()
                        + " received more under a lock");
            }
            beyond = command.quantity() - Math.max(0, allowed);
            purchaseOrders.recordOverDelivery(id, line.lineNo(), beyond, note, Actor.current(), clock.instant());
        }
        inventory.receive(new Receipt(line.sku(), head.location(), command.quantity(),
                head.number() + "/" + line.lineNo(), note != null ? note : beyond > 0 ? "received against "
                        + head.number() + ", " + beyond + " beyond the order recorded as a discrepancy"
                        : "received against " + head.number()), PurchasingManagement.DOCUMENT_TYPE,
                command.bin() == null || command.bin().isBlank() ? null : command.bin().trim());
        orders.settle(id);
        return orders.require(id);
    }

    /** Lines that received more than ordered + tolerance (or less than 0); empty when all is well. */
    @Transactional(readOnly = true)
    public List<String> receivedBeyondTolerance() {
        return purchaseOrders.receivedBeyondTolerance();
    }
}
