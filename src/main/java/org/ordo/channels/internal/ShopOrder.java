package org.ordo.channels.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ordo.platform.Address;
import tools.jackson.databind.JsonNode;

/**
 * A shop's order as read from its webhook, whatever the platform: what placing it needs, and the problems that
 * keep it from being placed with certainty (then it goes to the review queue with them).
 *
 * @param platformOrderId the shop's own id of the order (idempotency, and the id its API knows)
 * @param number the order number the shop shows (the external reference)
 * @param createdAt when the shop created it, from the signed body (a replay guard)
 * @param payment what the shop says about the money
 * @param paymentMethod Ordo's payment method for an order not paid at the shop
 * @param deliveryId Shopware: the order delivery to move to shipped; null elsewhere
 */
public record ShopOrder(String platformOrderId, String number, Instant createdAt, String email, String customerName,
        String locale, String currency, List<Line> lines, Address shipping, Address billing, Payment payment,
        String paymentMethod, String deliveryId, List<String> problems) {

    /** The same order, paid at the shop (a payment's own event says so, whatever the payload holds). */
    ShopOrder paid() {
        return new ShopOrder(platformOrderId, number, createdAt, email, customerName, locale, currency, lines, shipping,
                billing, Payment.PAID, paymentMethod, deliveryId, problems);
    }

    /**
     * A line: our SKU (null when the shop sent none), quantity, the unit price the shop sold it at, and the shop's
     * own id of the line item (null when it sent none).
     */
    public record Line(String sku, long quantity, BigDecimal unitPrice, String title, String platformLineId) {
    }

    public enum Payment {
        /** the shop took the money: the order is PAID in Ordo (booked as paid at the shop) */
        PAID,
        /** the shop holds an authorization it captures itself: AUTHORIZED, released to the warehouse */
        AUTHORIZED,
        /** nothing received yet: PENDING, waits at the payment gate */
        PENDING
    }

    /** How a platform writes a line's unit price: read from the item, knowing the quantity already read. */
    @FunctionalInterface
    interface UnitPrice {
        BigDecimal read(JsonNode item, long quantity, String line, List<String> problems);
    }

    /** The unit price at one field of the item, exactly as written. */
    static UnitPrice priceAt(String field) {
        return (item, quantity, line, problems) -> price(item.path(field), line, problems);
    }

    /**
     * The goods lines of a shop's order, one loop for every platform: a label for problems, the SKU (a problem when
     * missing), the quantity and the unit price exactly as written. The platforms differ only in field names.
     *
     * @param items the platform's line items (those {@code goods} refuses are skipped: promotions, credits)
     * @param nameField the field with the line's title
     * @param skuPath where the SKU is
     * @param price how the unit price is read
     */
    static List<Line> lines(JsonNode items, java.util.function.Predicate<JsonNode> goods, String nameField,
            String[] skuPath, UnitPrice price, List<String> problems) {
        return lines(items, goods, nameField, skuPath, item -> item.path("quantity"), price, problems);
    }

    /** {@link #lines} with the quantity where {@code quantityOf} finds it (Shopify: what is left after edits). */
    static List<Line> lines(JsonNode items, java.util.function.Predicate<JsonNode> goods, String nameField,
            String[] skuPath, java.util.function.Function<JsonNode, JsonNode> quantityOf, UnitPrice price,
            List<String> problems) {
        List<Line> lines = new java.util.ArrayList<>();
        int n = 0;
        for (JsonNode item : items) {
            if (!goods.test(item)) {
                continue;
            }
            String title = text(item, nameField);
            String line = "line " + ++n + " (" + shorten(title, 60) + ")";
            String sku = text(item, skuPath);
            if (sku == null) {
                String field = skuPath[skuPath.length - 1];
                problems.add(line + ": no " + (field.equals("sku") ? "SKU" : field));
            }
            long quantity = quantity(quantityOf.apply(item), line, problems);
            String id = text(item, "id");
            lines.add(new Line(sku, quantity, price.read(item, quantity, line, problems), title,
                    id != null && id.length() <= 100 ? id : null));
        }
        return lines;
    }

    /** Text at a path, null when missing, null or blank. */
    static String text(JsonNode node, String... path) {
        JsonNode at = node;
        for (String step : path) {
            at = at.path(step);
        }
        if (at.isNull() || at.isMissingNode() || at.isContainer()) {
            return null;
        }
        String value = at.asString("").strip();
        return value.isEmpty() ? null : value;
    }

    static String shorten(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** A whole quantity of at least one, exactly as written, or a problem. */
    static long quantity(JsonNode value, String line, List<String> problems) {
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 1) {
            problems.add(line + ": quantity must be a whole number of at least 1");
            return 0;
        }
        return value.longValue();
    }

    /** A price exactly as the shop wrote it (string or number), or null with a problem. */
    static BigDecimal price(JsonNode value, String line, List<String> problems) {
        try {
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString()) {
                return new BigDecimal(value.asString().strip());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add(line + ": no readable unit price");
        return null;
    }

    /** The locale Ordo speaks to the customer in, when the shop's is one of them. */
    static String locale(String shopLocale) {
        if (shopLocale == null || shopLocale.length() < 2) {
            return null;
        }
        String language = shopLocale.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
        return org.ordo.platform.Locales.isSupported(language) ? language : null;
    }

    static String name(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }
}
