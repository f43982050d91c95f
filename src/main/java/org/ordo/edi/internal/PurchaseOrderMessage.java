package org.ordo.edi.internal;

import static org.ordo.edi.internal.Interchange.INVALID_VALUE;
import static org.ordo.edi.internal.Interchange.MISSING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;

import org.ordo.edi.internal.Interchange.Message;
import org.ordo.edi.internal.Interchange.Segment;
import org.ordo.edi.internal.Interchange.SyntaxError;
import org.ordo.platform.Address;

/**
 * An X12 004010 {@code 850} purchase order read segment by segment into the same shape as an EDIFACT ORDERS
 * message: BEG (the buyer's order number), DTM 002 (delivery requested), CUR, the N1 loop of the ship-to party
 * (N1 ST, N2, N3, N4), PO1 (quantity, unit price, and the article as UP/EN/UK for a GTIN, BP for the buyer's
 * number, VP for ours) and CTT (number of lines). Other segments are passed over.
 */
public final class PurchaseOrderMessage {

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private PurchaseOrderMessage() {
    }

    public static OrdersMessage read(Message message) {
        List<SyntaxError> errors = new ArrayList<>(message.errors());
        Segment st = message.segments().get(0);
        if (!"850".equals(st.value(1))) {
            errors.add(new SyntaxError("ST", 1, 1, 0, INVALID_VALUE, "transaction set must be 850"));
        }
        String orderNumber = null;
        LocalDate deliveryDate = null;
        String currency = null;
        boolean inShipTo = false;
        String name = null, name2 = null, street = null, street2 = null, city = null, region = null, postalCode = null,
                country = null, shipToId = null;
        List<OrdersMessage.Line> lines = new ArrayList<>();
        Segment ctt = null;
        for (Segment s : message.segments()) {
            if (s.tag().equals("N1")) {
                inShipTo = s.value(1).equals("ST");
                if (inShipTo) {
                    name = s.value(2);
                    shipToId = s.value(4).isEmpty() ? null : s.value(4);
                }
                continue;
            }
            switch (s.tag()) {
                case "BEG" -> {
                    orderNumber = s.value(3);
                    if (orderNumber.isEmpty() || orderNumber.length() > 35) {
                        errors.add(new SyntaxError("BEG", s.position(), 3, 0, MISSING,
                                "BEG must carry the purchase order number (1-35 characters)"));
                    }
                    date(s, 5, errors);
                }
                case "DTM" -> {
                    if (s.value(1).equals("002")) {
                        deliveryDate = date(s, 2, errors);
                    }
                }
                case "CUR" -> currency = s.value(2).isEmpty() ? null : s.value(2);
                case "N2" -> name2 = inShipTo ? s.value(1) : name2;
                case "N3" -> {
                    if (inShipTo) {
                        street = s.value(1);
                        street2 = s.value(2).isEmpty() ? null : s.value(2);
                    }
                }
                case "N4" -> {
                    if (inShipTo) {
                        city = s.value(1);
                        region = s.value(2).isEmpty() ? null : s.value(2);
                        postalCode = s.value(3);
                        country = s.value(4);
                    }
                }
                case "PO1" -> {
                    inShipTo = false;
                    lines.add(line(lines.size() + 1, s, errors));
                }
                case "CTT" -> ctt = s;
                default -> inShipTo = inShipTo && !s.tag().equals("PO1");
            }
        }
        if (orderNumber == null) {
            errors.add(new SyntaxError("BEG", 0, 0, 0, MISSING, "BEG is missing"));
        }
        if (lines.isEmpty()) {
            errors.add(new SyntaxError("PO1", 0, 0, 0, MISSING, "the purchase order has no PO1"));
        }
        if (ctt != null && !ctt.value(1).equals(String.valueOf(lines.size()))) {
            errors.add(new SyntaxError("CTT", ctt.position(), 1, 0, INVALID_VALUE, "CTT says " + ctt.value(1)
                    + " lines, the purchase order has " + lines.size()));
        }
        Address delivery = name == null || name.isEmpty() || street == null ? null
                : new Address(name, name2, street, street2, postalCode, city, region,
                        country == null || country.isEmpty() ? "US" : country, null);
        return new OrdersMessage(message.ref(), orderNumber, deliveryDate, currency, delivery, shipToId,
                List.copyOf(lines), List.copyOf(errors));
    }

    private static OrdersMessage.Line line(int lineNo, Segment s, List<SyntaxError> errors) {
        long quantity = 0;
        if (!s.value(2).matches("[0-9]{1,9}") || Long.parseLong(s.value(2)) == 0) {
            errors.add(new SyntaxError("PO1", s.position(), 2, 0, INVALID_VALUE,
                    "quantity must be a whole number above 0: " + s.value(2)));
        } else {
            quantity = Long.parseLong(s.value(2));
        }
        BigDecimal price = null;
        if (!s.value(4).isEmpty()) {
            if (s.value(4).matches("[0-9]{1,15}(\\.[0-9]{1,6})?")) {
                price = new BigDecimal(s.value(4));
            } else {
                errors.add(new SyntaxError("PO1", s.position(), 4, 0, INVALID_VALUE, "unit price is not a decimal: "
                        + s.value(4)));
            }
        }
        String gtin = null, buyer = null, vendor = null;
        for (int e = 6; e + 1 <= s.elements().size(); e += 2) {
            String id = s.value(e + 1);
            switch (s.value(e)) {
                case "UP", "EN", "UK" -> gtin = id;
                case "BP" -> buyer = id;
                case "VP" -> vendor = id;
                default -> {
                }
            }
        }
        if (gtin == null && buyer == null && vendor == null) {
            errors.add(new SyntaxError("PO1", s.position(), 6, 0, MISSING,
                    "line " + s.value(1) + " names no article (UP, EN, UK, BP or VP)"));
        }
        return new OrdersMessage.Line(lineNo, s.position(), gtin, buyer, vendor, quantity, price);
    }

    private static LocalDate date(Segment s, int element, List<SyntaxError> errors) {
        String value = s.value(element);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value, CCYYMMDD);
        } catch (DateTimeParseException e) {
            errors.add(new SyntaxError(s.tag(), s.position(), element, 0, INVALID_VALUE,
                    "date must be a calendar date CCYYMMDD: " + value));
            return null;
        }
    }
}
