package org.ordo.channels.internal;

import static org.ordo.channels.internal.ShopOrder.text;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ordo.platform.Address;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import tools.jackson.databind.JsonNode;

/** Shopify's {@code orders/create} webhook body (the REST Admin API's order resource) read into a {@link ShopOrder}. */
final class ShopifyOrders {

    private ShopifyOrders() {
    }

    static ShopOrder read(JsonNode order) {
        String id = text(order, "id");
        if (id == null || !id.matches("\\d{1,30}")) {
            throw new InvalidInputException("id", Wording.of("channels.must_be_the_shopify_order_id"));
        }
        java.time.Instant created;
        try {
            created = OffsetDateTime.parse(String.valueOf(text(order, "created_at"))).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("created_at", Wording.of("channels.must_be_an_iso_8601_time"));
        }
        List<String> problems = new ArrayList<>();
        JsonNode items = order.path("line_items");
        if (!items.isArray() || items.isEmpty()) {
            problems.add("no line_items");
        }
        // an edited order keeps its lines; current_quantity is what is left of each (0: removed)
        List<ShopOrder.Line> lines = ShopOrder.lines(items, item -> !item.has("current_quantity")
                || !item.path("current_quantity").isIntegralNumber() || item.path("current_quantity").longValue() != 0,
                "title", new String[] {"sku"}, item -> item.has("current_quantity") ? item.path("current_quantity")
                        : item.path("quantity"), ShopOrder.priceAt("price"), problems);
        JsonNode customer = order.path("customer");
        String email = text(order, "email") != null ? text(order, "email")
                : text(order, "contact_email") != null ? text(order, "contact_email") : text(customer, "email");
        Address shipping = address(order.path("shipping_address"));
        Address billing = address(order.path("billing_address"));
        String status = String.valueOf(text(order, "financial_status")).toLowerCase(Locale.ROOT);
        ShopOrder.Payment payment = switch (status) {
            case "paid" -> ShopOrder.Payment.PAID;
            case "authorized" -> ShopOrder.Payment.AUTHORIZED;
            default -> ShopOrder.Payment.PENDING;
        };
        JsonNode gateways = order.path("payment_gateway_names");
        String gateway = gateways.isArray() && !gateways.isEmpty() ? gateways.get(0).asString("") : "";
        String method = payment == ShopOrder.Payment.AUTHORIZED ? "card"
                : gateway.toLowerCase(Locale.ROOT).contains("cash on delivery")
                        || gateway.toLowerCase(Locale.ROOT).contains("cod") ? "cash_on_delivery" : "prepayment";
        String name = ShopOrder.name(text(customer, "first_name"), text(customer, "last_name"));
        return new ShopOrder(id, text(order, "name") != null ? text(order, "name") : id, created, email,
                name != null ? name : shipping != null ? shipping.name() : null,
                ShopOrder.locale(text(order, "customer_locale")), text(order, "currency"), lines, shipping, billing,
                payment, method, null, problems);
    }

    /**
     * What {@code orders/updated}, {@code orders/cancelled} or {@code orders/paid} reports: cancelled when
     * {@code cancelled_at} is set; the lines and address as they are now; the time of the change ({@code updated_at}).
     */
    static ShopWebhooks.Update update(String topic, JsonNode order) {
        java.time.Instant at;
        try {
            at = OffsetDateTime.parse(String.valueOf(text(order, "updated_at"))).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("updated_at", Wording.of("channels.must_be_an_iso_8601_time"));
        }
        java.util.List<ShopWebhooks.Refund> refunds = new java.util.ArrayList<>();
        int n = 0;
        for (JsonNode refund : order.path("refunds")) {
            ShopWebhooks.Refund read = refund(refund, "refunds[" + n++ + "]");
            if (read != null) {
                refunds.add(read);
            }
        }
        return new ShopWebhooks.Update(topic, text(order, "cancelled_at") != null,
                ShopOrder.shorten(text(order, "cancel_reason"), 60), true, at, refunds, null);
    }

    /** A {@code refunds/create} webhook: the order it is about (known only by its id) and the refund as an update. */
    record RefundOf(ShopOrder order, ShopWebhooks.Update update) {
    }

    /**
     * {@code refunds/create}: the body is the refund ({@code id}, {@code order_id}, {@code created_at},
     * {@code transactions}); the money paid back is what its successful {@code refund} transactions add up to (a
     * refund that only restocks pays nothing back).
     */
    static RefundOf refund(JsonNode body) {
        String orderId = text(body, "order_id");
        if (orderId == null || !orderId.matches("\\d{1,20}")) {
            throw new InvalidInputException("order_id", Wording.of("channels.must_be_the_shopify_order_id"));
        }
        java.time.Instant at;
        try {
            at = OffsetDateTime.parse(String.valueOf(text(body, "created_at"))).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("created_at", Wording.of("channels.must_be_an_iso_8601_time"));
        }
        ShopWebhooks.Refund refund = refund(body, "body");
        ShopOrder order = new ShopOrder(orderId, orderId, at, null, null, null,
                refund == null ? null : refund.currency(), List.of(), null, null, null, null, null, List.of());
        return new RefundOf(order, new ShopWebhooks.Update("refunds/create", false, null, false, at,
                refund == null ? List.of() : List.of(refund), null));
    }

    /** One Shopify refund object: null when no money went back (only restocked, or its transaction failed). */
    private static ShopWebhooks.Refund refund(JsonNode refund, String field) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        String currency = null;
        int n = 0;
        for (JsonNode t : refund.path("transactions")) {
            String at = field + ".transactions[" + n++ + "]";
            if (!"refund".equals(text(t, "kind")) || !"success".equals(text(t, "status"))) {
                continue;
            }
            ShopWebhooks.Refund one = ShopWebhooks.refund(at, text(refund, "id"), t.path("amount"),
                    text(t, "currency"));
            if (currency != null && !currency.equals(one.currency())) {
                throw new InvalidInputException(at + ".currency",
                        Wording.of("channels.differs_from_the_refund_s_other"));
            }
            currency = one.currency();
            total = total.add(one.amount());
        }
        return total.signum() == 0 ? null : new ShopWebhooks.Refund(text(refund, "id"), total, currency);
    }

    private static Address address(JsonNode a) {
        if (!a.isObject()) {
            return null;
        }
        String name = text(a, "name") != null ? text(a, "name") : ShopOrder.name(text(a, "first_name"),
                text(a, "last_name"));
        return new Address(name, text(a, "company"), text(a, "address1"), text(a, "address2"), text(a, "zip"),
                text(a, "city"), text(a, "province_code") != null ? text(a, "province_code") : text(a, "province"),
                text(a, "country_code"), text(a, "phone"));
    }
}
