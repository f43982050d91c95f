package org.ordo.edi;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.ordo.edi.internal.ControlReport;
import org.ordo.edi.internal.WarehouseShippingOrder;
import org.ordo.platform.Address;
import org.springframework.stereotype.Component;

/**
 * Warehouse shipping orders for 3PL warehouses that want EDI: an X12 {@code 940} per fulfilment request, written
 * with the module's interchange writer (docs/outsourced-fulfilment.md). Both parties are named by mutually defined
 * interchange identifiers (qualifier ZZ), which also serve as the GS application codes.
 */
@Component
public class WarehouseShippingOrders {

    /** The X12 interchange identifier rule: 1-15 letters, digits, '-', '.' or '_' (no separator characters). */
    public static final String INTERCHANGE_ID = "^[A-Za-z0-9._-]{1,15}$";

    /** A line to ship: our SKU, its name and the quantity reserved at the 3PL. */
    public record Line(int lineNo, String sku, String name, long quantity) {
    }

    /**
     * The 940 as X12 text: ISA/GS (OW)/ST 940 … SE/GE/IEA, with {@code controlNumber} as interchange and group
     * control number (the same request written again carries the same number).
     */
    public String x12(String senderId, String receiverId, long controlNumber, Instant at, String orderNumber,
            String customerOrderNumber, Address shipTo, List<Line> lines) {
        return WarehouseShippingOrder.x12(new ControlReport.Party(senderId, "ZZ"),
                new ControlReport.Party(receiverId, "ZZ"), controlNumber, at.atZone(ZoneOffset.UTC),
                new WarehouseShippingOrder.Order(orderNumber, customerOrderNumber, shipTo, lines.stream()
                        .map(l -> new WarehouseShippingOrder.Line(l.lineNo(), l.sku(), l.name(), l.quantity()))
                        .toList()));
    }
}
