package org.ordo.ordering;

import java.util.List;
import java.util.UUID;

/** Event: an order may now be fulfilled: picked where stock is reserved, delivered where goods are digital. */
public record OrderReleased(UUID orderId, String number, String locale, String customerEmail,
        List<DigitalLine> digitalLines) {

    public record DigitalLine(int lineNo, String sku, String name, long quantity) {
    }
}
