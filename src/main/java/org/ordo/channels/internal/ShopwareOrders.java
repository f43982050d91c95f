package org.ordo.channels.internal;

import static org.ordo.channels.internal.ShopOrder.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.ordo.platform.Address;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import tools.jackson.databind.JsonNode;

/**
 * A Shopware 6 app webhook of {@code checkout.order.placed} read into a {@link ShopOrder}: the body is
 * {@code {"data":{"payload":{"order":{…}},"event":…},"source":{"url","shopId","appVersion","eventId"},"timestamp"}}.
 */
final class ShopwareOrders {

    private ShopwareOrders() {
    }

    static ShopOrder read(JsonNode body) {
        JsonNode order = body.path("data").path("payload").path("order");
        if (!order.isObject()) {
            throw new InvalidInputException("data.payload.order",
                    Wording.of("channels.is_required_for_checkout_order_placed"));
        }
        String id = text(order, "id");
        if (id == null || !id.matches("[0-9a-fA-F]{32}")) {
            throw new InvalidInputException("data.payload.order.id",
                    Wording.of("channels.must_be_the_shopware_order_id"));
        }
        JsonNode timestamp = body.path("timestamp");
        if (!timestamp.isIntegralNumber() || !timestamp.canConvertToLong()) {
            throw new InvalidInputException("timestamp", Wording.of("channels.must_be_the_time_of_the"));
        }
        List<String> problems = new ArrayList<>();
        // promotions, credits and custom lines are the shop's arithmetic, not goods to ship
        List<ShopOrder.Line> lines = ShopOrder.lines(order.path("lineItems"),
                item -> "product".equals(text(item, "type")), "label", new String[] {"payload", "productNumber"},
                ShopOrder.priceAt("unitPrice"), problems);
        if (lines.isEmpty()) {
            problems.add("no product lineItems");
        }
        JsonNode delivery = order.path("deliveries").path(0);
        JsonNode customer = order.path("orderCustomer");
        Address billing = address(order.path("billingAddress"));
        if (billing == null) {
            for (JsonNode a : order.path("addresses")) {
                if (String.valueOf(text(a, "id")).equals(text(order, "billingAddressId"))) {
                    billing = address(a);
                }
            }
        }
        JsonNode transactions = order.path("transactions");
        JsonNode transaction = transactions.isArray() && !transactions.isEmpty()
                ? transactions.get(transactions.size() - 1) : transactions;
        String state = String.valueOf(text(transaction, "stateMachineState", "technicalName"));
        ShopOrder.Payment payment = switch (state) {
            case "paid" -> ShopOrder.Payment.PAID;
            case "authorized" -> ShopOrder.Payment.AUTHORIZED;
            default -> ShopOrder.Payment.PENDING;
        };
        String method = String.valueOf(text(transaction, "paymentMethod", "technicalName")).toLowerCase(Locale.ROOT);
        String ordoMethod = payment == ShopOrder.Payment.AUTHORIZED ? "card"
                : method.contains("cash") ? "cash_on_delivery" : method.contains("invoice") ? "invoice"
                : "prepayment";
        JsonNode currency = order.path("currency");
        return new ShopOrder(id.toLowerCase(Locale.ROOT), text(order, "orderNumber") != null
                ? text(order, "orderNumber") : id, Instant.ofEpochSecond(timestamp.longValue()),
                text(customer, "email"), ShopOrder.name(text(customer, "firstName"), text(customer, "lastName")),
                null, text(currency, "isoCode"), lines, address(delivery.path("shippingOrderAddress")), billing,
                payment, ordoMethod, text(delivery, "id"), problems);
    }

    private static Address address(JsonNode a) {
        if (!a.isObject()) {
            return null;
        }
        return new Address(ShopOrder.name(text(a, "firstName"), text(a, "lastName")), text(a, "company"),
                text(a, "street"), text(a, "additionalAddressLine1"), text(a, "zipcode"), text(a, "city"),
                text(a, "countryState", "shortCode"), text(a, "country", "iso"), text(a, "phoneNumber"));
    }

    /**
     * A payment's transition to {@code refunded}: the whole transaction went back to the buyer, booked once under
     * the transaction's id. {@code refunded_partially} names no amount (Shopware's event carries the order, not the
     * refund), so a person books it.
     */
    static ShopWebhooks.Update refund(JsonNode body, String event, boolean partly, ShopOrder order) {
        if (partly) {
            return new ShopWebhooks.Update(event, false, null, false, order.createdAt(), List.of(),
                    "partly refunded at the shop; the event names no amount");
        }
        JsonNode orderJson = body.path("data").path("payload").path("order");
        JsonNode transactions = orderJson.path("transactions");
        JsonNode transaction = transactions.isArray() && !transactions.isEmpty()
                ? transactions.get(transactions.size() - 1) : transactions;
        JsonNode amount = transaction.path("amount").path("totalPrice");
        if (amount.isMissingNode()) {
            amount = orderJson.path("amountTotal");
        }
        ShopWebhooks.Refund refund = ShopWebhooks.refund("data.payload.order.transactions",
                text(transaction, "id") != null ? text(transaction, "id") : order.platformOrderId(), amount,
                order.currency());
        return new ShopWebhooks.Update(event, false, null, false, order.createdAt(), List.of(refund), null);
    }
}
