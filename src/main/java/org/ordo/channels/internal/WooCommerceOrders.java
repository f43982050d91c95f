package org.ordo.channels.internal;

import static org.ordo.channels.internal.ShopOrder.text;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ordo.platform.Address;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import tools.jackson.databind.JsonNode;

/** WooCommerce's {@code order.created} webhook body (the REST API v3 order) read into a {@link ShopOrder}. */
final class WooCommerceOrders {

    private WooCommerceOrders() {
    }

    static ShopOrder read(JsonNode order) {
        String id = text(order, "id");
        if (id == null || !id.matches("\\d{1,20}")) {
            throw new InvalidInputException("id", Wording.of("channels.must_be_the_woocommerce_order_id"));
        }
        java.time.Instant created;
        try {
            // date_created_gmt is UTC without an offset, e.g. 2025-03-22T19:28:02
            created = LocalDateTime.parse(String.valueOf(text(order, "date_created_gmt"))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date_created_gmt", Wording.of("channels.must_be_an_iso_8601_local"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode items = order.path("line_items");
        if (!items.isArray() || items.isEmpty()) {
            problems.add("no line_items");
        }
        List<ShopOrder.Line> lines = ShopOrder.lines(items, item -> true, "name", new String[] {"sku"},
                WooCommerceOrders::unitPrice, problems);
        JsonNode billing = order.path("billing");
        Address shipping = address(order.path("shipping"));
        Address billingAddress = address(billing);
        String method = String.valueOf(text(order, "payment_method")).toLowerCase(Locale.ROOT);
        // WooCommerce sets date_paid when the payment is complete (for cheque, bank transfer and cash on delivery
        // only when the shop marks it so)
        ShopOrder.Payment payment = text(order, "date_paid_gmt") != null ? ShopOrder.Payment.PAID
                : ShopOrder.Payment.PENDING;
        String ordoMethod = switch (method) {
            case "cod" -> "cash_on_delivery";
            case "paypal", "ppcp-gateway", "ppec_paypal" -> "paypal";
            default -> "prepayment";
        };
        return new ShopOrder(id, text(order, "number") != null ? text(order, "number") : id, created,
                text(billing, "email"), ShopOrder.name(text(billing, "first_name"), text(billing, "last_name")),
                null, text(order, "currency"), lines, shipping != null ? shipping : billingAddress, billingAddress,
                payment, ordoMethod, null, problems);
    }

    /**
     * What {@code order.updated} reports: cancelled when the status is {@code cancelled}; the lines and address as
     * they are now; the time of the change ({@code date_modified_gmt}, UTC without an offset).
     */
    static ShopWebhooks.Update update(JsonNode order) {
        java.time.Instant at;
        try {
            at = LocalDateTime.parse(String.valueOf(text(order, "date_modified_gmt"))).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("date_modified_gmt", Wording.of("channels.must_be_an_iso_8601_local"));
        }
        // each refund the shop made is listed with its id and a negative total; a status "refunded" without one
        // names no amount, so a person books it
        java.util.List<ShopWebhooks.Refund> refunds = new java.util.ArrayList<>();
        int n = 0;
        for (JsonNode refund : order.path("refunds")) {
            String field = "refunds[" + n++ + "]";
            refunds.add(ShopWebhooks.refund(field, text(refund, "id"), refund.path("total"), text(order, "currency")));
        }
        String problem = "refunded".equals(text(order, "status")) && refunds.isEmpty()
                ? "refunded at the shop, but the webhook lists no refund with its amount" : null;
        return new ShopWebhooks.Update("order.updated", "cancelled".equals(text(order, "status")), null, true, at,
                refunds, problem);
    }

    /** {@code price} is a float that may carry more digits than the currency; subtotal / quantity is the list price. */
    private static java.math.BigDecimal unitPrice(JsonNode item, long quantity, String line, List<String> problems) {
        java.math.BigDecimal unit = ShopOrder.price(item.path("subtotal"), line, problems);
        if (unit != null && quantity > 0) {
            try {
                return unit.divide(java.math.BigDecimal.valueOf(quantity));
            } catch (ArithmeticException e) {
                return ShopOrder.price(item.path("price"), line, problems);
            }
        }
        return unit;
    }

    /** An address, or null when the shop left it empty (WooCommerce sends empty strings for a missing shipping). */
    private static Address address(JsonNode a) {
        if (!a.isObject() || text(a, "address_1") == null) {
            return null;
        }
        return new Address(ShopOrder.name(text(a, "first_name"), text(a, "last_name")), text(a, "company"),
                text(a, "address_1"), text(a, "address_2"), text(a, "postcode"), text(a, "city"), text(a, "state"),
                text(a, "country"), text(a, "phone"));
    }
}
