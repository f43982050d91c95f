package org.ordo.edi.internal;

import static org.ordo.edi.internal.Interchange.INVALID_VALUE;
import static org.ordo.edi.internal.Interchange.MISSING;
import static org.ordo.edi.internal.Interchange.NOT_SUPPORTED_IN_POSITION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.ordo.edi.internal.Interchange.Message;
import org.ordo.edi.internal.Interchange.Segment;
import org.ordo.edi.internal.Interchange.SyntaxError;
import org.ordo.platform.Address;

/**
 * An EANCOM {@code ORDERS} message (D.96A or D.01B) read segment by segment: BGM, DTM, NAD (BY, DP, IV, SU), CUX,
 * LIN with the GTIN or PIA with the buyer's or supplier's article number, QTY, PRI, UNS and CNT. Other segments of
 * the message are passed over. What breaks a rule is a syntax error with its EDIFACT code: the message is rejected
 * in CONTRL and the partner must send it again.
 */
public record OrdersMessage(String ref, String orderNumber, LocalDate deliveryDate, String currency,
        Address deliveryAddress, String deliveryParty, List<Line> lines, List<SyntaxError> errors) {

    static final Set<String> RELEASES = Set.of("96A", "01B");

    /** An order line: exactly one of the article numbers is what the partner's setting asks for. */
    public record Line(int lineNo, int segmentPosition, String gtin, String buyerNumber, String supplierNumber,
            long quantity, BigDecimal unitPrice) {

        /** The article number the partner names the article by, as its setting says (null: the line has none). */
        public String number(org.ordo.edi.TradingPartner.ArticleNumbers kind) {
            return switch (kind) {
                case GTIN -> gtin;
                case PARTNER -> buyerNumber;
                case SKU -> supplierNumber;
            };
        }
    }

    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    public static OrdersMessage read(Message message) {
        List<SyntaxError> errors = new ArrayList<>(message.errors());
        Segment unh = message.segments().get(0);
        if (!"ORDERS".equals(message.type()) || !"D".equals(message.version())
                || !RELEASES.contains(message.release()) || !"UN".equals(message.agency())) {
            errors.add(error(unh, 2, INVALID_VALUE, "message type must be ORDERS:D:96A:UN or ORDERS:D:01B:UN"));
        }
        String orderNumber = null;
        LocalDate deliveryDate = null;
        String currency = null;
        Address delivery = null;
        String deliveryParty = null;
        List<Line> lines = new ArrayList<>();
        Segment lin = null;
        String gtin = null, buyerNumber = null, supplierNumber = null;
        Long quantity = null;
        BigDecimal price = null;
        boolean summary = false;
        Integer declaredLines = null;
        Segment cnt = null;
        for (Segment s : message.segments()) {
            if (lin != null && (s.tag().equals("LIN") || s.tag().equals("UNS"))) {
                lines.add(line(lines.size() + 1, lin, gtin, buyerNumber, supplierNumber, quantity, price, errors));
                lin = null;
            }
            switch (s.tag()) {
                case "BGM" -> {
                    orderNumber = s.value(2);
                    if (orderNumber.isEmpty() || orderNumber.length() > 35) {
                        errors.add(error(s, 2, MISSING, "BGM must carry the order number (1-35 characters)"));
                    }
                }
                case "DTM" -> {
                    if (s.value(1, 1).equals("2") || s.value(1, 1).equals("64")) {
                        deliveryDate = date(s, errors);
                    } else if (s.value(1, 1).equals("137")) {
                        date(s, errors);
                    }
                }
                case "NAD" -> {
                    if (s.value(1).equals("DP")) {
                        deliveryParty = s.value(2, 1).isEmpty() ? null : s.value(2, 1);
                        if (!s.value(4).isEmpty()) {
                            delivery = new Address(s.value(4), null, s.value(5), null, s.value(8), s.value(6),
                                    s.value(7).isEmpty() ? null : s.value(7), s.value(9), null);
                        }
                    }
                }
                case "CUX" -> currency = s.value(1, 2).isEmpty() ? null : s.value(1, 2);
                case "LIN" -> {
                    if (summary) {
                        errors.add(error(s, 0, NOT_SUPPORTED_IN_POSITION, "LIN after UNS"));
                    }
                    lin = s;
                    gtin = s.value(3, 1).isEmpty() ? null : s.value(3, 1);
                    buyerNumber = null;
                    supplierNumber = null;
                    quantity = null;
                    price = null;
                }
                case "PIA" -> {
                    for (int e = 2; e <= s.elements().size(); e++) {
                        if (s.value(e, 2).equals("BP")) {
                            buyerNumber = s.value(e, 1);
                        } else if (s.value(e, 2).equals("SA")) {
                            supplierNumber = s.value(e, 1);
                        }
                    }
                }
                case "QTY" -> {
                    if (lin != null && s.value(1, 1).equals("21")) {
                        quantity = quantity(s, errors);
                    }
                }
                case "PRI" -> {
                    if (lin != null && s.value(1, 1).equals("AAA")) {
                        price = decimal(s, errors);
                    }
                }
                case "UNS" -> summary = true;
                case "CNT" -> {
                    if (s.value(1, 1).equals("2")) {
                        cnt = s;
                        try {
                            declaredLines = Integer.valueOf(s.value(1, 2));
                        } catch (NumberFormatException e) {
                            errors.add(error(s, 1, INVALID_VALUE, "CNT 2 must be a whole number"));
                        }
                    }
                }
                default -> {
                }
            }
        }
        if (lin != null) {
            lines.add(line(lines.size() + 1, lin, gtin, buyerNumber, supplierNumber, quantity, price, errors));
        }
        if (orderNumber == null) {
            errors.add(new SyntaxError("BGM", 0, 0, 0, MISSING, "BGM is missing"));
        }
        if (lines.isEmpty()) {
            errors.add(new SyntaxError("LIN", 0, 0, 0, MISSING, "the message has no LIN"));
        }
        if (declaredLines != null && declaredLines != lines.size()) {
            errors.add(error(cnt, 1, INVALID_VALUE, "CNT says " + declaredLines + " lines, the message has "
                    + lines.size()));
        }
        return new OrdersMessage(message.ref(), orderNumber, deliveryDate, currency, delivery, deliveryParty,
                List.copyOf(lines), List.copyOf(errors));
    }

    private static Line line(int lineNo, Segment lin, String gtin, String buyerNumber, String supplierNumber,
            Long quantity, BigDecimal price, List<SyntaxError> errors) {
        if (quantity == null) {
            errors.add(new SyntaxError("QTY", lin.position(), 0, 0, MISSING,
                    "line " + lin.value(1) + " has no ordered quantity (QTY+21)"));
        }
        if (gtin == null && buyerNumber == null && supplierNumber == null) {
            errors.add(error(lin, 3, MISSING, "line " + lin.value(1) + " names no article (LIN or PIA)"));
        }
        return new Line(lineNo, lin.position(), gtin, buyerNumber, supplierNumber, quantity == null ? 0 : quantity,
                price);
    }

    private static long quantity(Segment s, List<SyntaxError> errors) {
        String value = s.value(1, 2);
        if (!value.matches("[0-9]{1,9}") || Long.parseLong(value) == 0) {
            errors.add(new SyntaxError(s.tag(), s.position(), 1, 2, INVALID_VALUE,
                    "quantity must be a whole number above 0: " + value));
            return 0;
        }
        return Long.parseLong(value);
    }

    /** Either decimal mark is taken (ISO 9735 allows both); an exponent or grouping is not. */
    private static BigDecimal decimal(Segment s, List<SyntaxError> errors) {
        String value = s.value(1, 2);
        if (!value.matches("[0-9]{1,15}([.,][0-9]{1,6})?")) {
            errors.add(new SyntaxError(s.tag(), s.position(), 1, 2, INVALID_VALUE, "price is not a decimal: " + value));
            return null;
        }
        return new BigDecimal(value.replace(',', '.'));
    }

    private static LocalDate date(Segment s, List<SyntaxError> errors) {
        String format = s.value(1, 3);
        String value = s.value(1, 2);
        try {
            if (format.equals("102") && value.length() == 8) {
                return LocalDate.parse(value, CCYYMMDD);
            }
            if (format.equals("203") && value.length() == 12) {
                return LocalDate.parse(value.substring(0, 8), CCYYMMDD);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new SyntaxError(s.tag(), s.position(), 1, 2, INVALID_VALUE,
                "date must be a calendar date in format 102 (CCYYMMDD) or 203 (CCYYMMDDHHMM): " + value));
        return null;
    }

    private static SyntaxError error(Segment s, int element, int code, String text) {
        return new SyntaxError(s.tag(), s.position(), element, 0, code, text);
    }
}
