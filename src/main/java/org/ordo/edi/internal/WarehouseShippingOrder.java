package org.ordo.edi.internal;

import java.time.ZonedDateTime;
import java.util.List;

import io.xlate.edi.stream.EDIStreamException;
import org.ordo.platform.Address;

/**
 * An X12 004010 {@code 940} warehouse shipping order to a 3PL, in an interchange of its own (GS functional
 * identifier OW): W05 with our order number, the N1 loop of the ship-to party (N1 ST, N2, N3, N4), one LX/W01 per
 * line with the quantity in each (EA) and our SKU (SK), G69 its name, and W76 the total quantity. X12 has no release
 * character, so the separators (* ~ > ^) are replaced by spaces in every text taken from the order.
 */
public final class WarehouseShippingOrder {

    /** What the 3PL is to ship: the order, where to, and the lines as reserved at its warehouse. */
    public record Order(String orderNumber, String customerOrderNumber, Address shipTo, List<Line> lines) {
    }

    public record Line(int lineNo, String sku, String name, long quantity) {
    }

    private WarehouseShippingOrder() {
    }

    public static String x12(ControlReport.Party from, ControlReport.Party to, long controlNumber, ZonedDateTime at,
            Order order) {
        try {
            OutgoingInterchange o = OutgoingInterchange.x12(from, to, "OW", controlNumber, at, "940");
            // W05 N original: the depositor's (our) order number and the customer's purchase order number
            o.segment("W05").writeElement("N").writeElement(text(order.orderNumber(), 22))
                    .writeElement(text(order.customerOrderNumber() == null ? order.orderNumber()
                            : order.customerOrderNumber(), 22)).writeEndSegment();
            Address a = order.shipTo();
            if (a != null) {
                o.segment("N1").writeElement("ST").writeElement(text(a.name(), 60)).writeEndSegment();
                if (a.company() != null && !a.company().isBlank()) {
                    o.segment("N2").writeElement(text(a.company(), 60)).writeEndSegment();
                }
                o.segment("N3").writeElement(text(a.street(), 55));
                if (a.street2() != null && !a.street2().isBlank()) {
                    o.writerOf().writeElement(text(a.street2(), 55));
                }
                o.writerOf().writeEndSegment();
                o.segment("N4").writeElement(text(a.city(), 30)).writeElement(text(a.region(), 2))
                        .writeElement(text(a.postalCode(), 15)).writeElement(text(a.country(), 3)).writeEndSegment();
            }
            // G62 10: ship on (requested ship date), today
            o.segment("G62").writeElement("10").writeElement(OutgoingInterchange.date(at)).writeEndSegment();
            long total = 0;
            for (Line line : order.lines()) {
                o.segment("LX").writeElement(String.valueOf(line.lineNo())).writeEndSegment();
                o.segment("W01").writeElement(String.valueOf(line.quantity())).writeElement("EA").writeEmptyElement()
                        .writeElement("SK").writeElement(text(line.sku(), 48)).writeEndSegment();
                if (line.name() != null && !line.name().isBlank()) {
                    o.segment("G69").writeElement(text(line.name(), 45)).writeEndSegment();
                }
                total += line.quantity();
            }
            o.segment("W76").writeElement(String.valueOf(total)).writeEndSegment();
            return o.finish();
        } catch (EDIStreamException e) {
            throw new IllegalStateException("940 could not be written: " + e.getMessage(), e);
        }
    }

    /** A text as an X12 element: the separators replaced by spaces, cut to the element's maximum length. */
    static String text(String value, int max) {
        if (value == null) {
            return "";
        }
        String clean = value.replaceAll("[*~>^\\r\\n]", " ").strip();
        return clean.length() > max ? clean.substring(0, max) : clean;
    }
}
