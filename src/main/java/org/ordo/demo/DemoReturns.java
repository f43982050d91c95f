package org.ordo.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.fulfillment.FulfillmentManagement;
import org.ordo.fulfillment.PackRequest;
import org.ordo.fulfillment.Parcel;
import org.ordo.fulfillment.PickList;
import org.ordo.fulfillment.ShipRequest;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.party.CustomerDraft;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Backdating;
import org.ordo.platform.Json;
import org.ordo.platform.MoneyInput;
import org.ordo.returns.ReceiveReturn;
import org.ordo.returns.RequestReturn;
import org.ordo.returns.ReturnManagement;
import org.ordo.returns.ReturnView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Demo returns in several states, so that a first start shows them: orders that were paid, picked, packed and
 * shipped from Berlin through the modules' own services, then returned: one announced, one received with a
 * damaged unit and refunded, one withdrawn. Each plays on past days (shipped, returned three days later, received
 * or withdrawn two days after that), so the returns carry the dates a real shop's would.
 */
@Component
class DemoReturns {

    private static final Logger log = LoggerFactory.getLogger(DemoReturns.class);
    private static final String LOCATION = "BER";

    private final Intake intake;
    private final OrderManagement orders;
    private final PaymentManagement payments;
    private final FulfillmentManagement fulfillment;
    private final ReturnManagement returns;
    private final Json json;
    private final Clock clock;

    DemoReturns(Intake intake, OrderManagement orders, PaymentManagement payments, FulfillmentManagement fulfillment,
            ReturnManagement returns, Json json, Clock clock) {
        this.intake = intake;
        this.orders = orders;
        this.payments = payments;
        this.fulfillment = fulfillment;
        this.returns = returns;
        this.json = json;
        this.clock = clock;
    }

    /** Places, ships and returns the demo orders; returns how many returns it made. */
    int load(List<CustomerDraft> customers, List<String> skus) {
        int made = 0;
        for (int i = 0; i < 3 && i < skus.size(); i++) {
            int index = i;
            Instant shippedAt = clock.instant().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20 - 6L * i))
                    .plus(Duration.ofHours(10));
            try {
                OrderView order = Backdating.at(shippedAt, () -> shipped(customers.get(index), skus.get(index), index));
                if (order == null) {
                    continue;
                }
                ReturnView r = Backdating.at(shippedAt.plus(Duration.ofDays(3)), () -> returns.request(order.id(),
                        new RequestReturn(List.of(new RequestReturn.Line(1, 2L, index == 1 ? "DAMAGED" : "WRONG_SIZE",
                                index == 1 ? "arrived with a cracked lid" : null)), "REFUND", List.of(),
                                index == 1 ? "DE89370400440532013000" : null, null, null)));
                Instant later = shippedAt.plus(Duration.ofDays(5));
                if (i == 1) {
                    Backdating.at(later, () -> returns.receive(r.id(), new ReceiveReturn(LOCATION, List.of(
                            new ReceiveReturn.Line(1, 1L, "RESELLABLE", false),
                            new ReceiveReturn.Line(1, 1L, "DAMAGED", false)))));
                } else if (i == 2) {
                    Backdating.at(later, () -> returns.cancel(r.id(), "the customer kept the goods after all"));
                }
                made++;
            } catch (RuntimeException e) {
                log.info("Demo return {} not made: {}", i, e.getMessage());
            }
        }
        return made;
    }

    /** A prepaid order of two units, paid, picked, packed and shipped from Berlin; null when it went elsewhere. */
    private OrderView shipped(CustomerDraft customer, String sku, int i) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("channel", "web");
        order.put("externalRef", "DEMO-RETURN-" + (1 + i));
        order.put("customer", Map.of("email", customer.email(), "name", customer.name(), "locale",
                customer.locale()));
        order.put("shippingAddress", customer.addresses().get(0));
        order.put("currency", "EUR");
        order.put("paymentMethod", "prepayment");
        order.put("lines", List.of(Map.of("sku", sku, "quantity", 2)));
        Intake.Answer placed = intake.takeApiOrder("demo", "system", "demo-return-" + i, "application/json",
                json.write(order).getBytes(StandardCharsets.UTF_8));
        OrderView view = orders.require(placed.orderId());
        if (view.reservations().stream().anyMatch(r -> !r.location().equals(LOCATION))) {
            return null;
        }
        payments.recordBankTransfer(new BankTransfer(view.number(), new MoneyInput(
                view.totals().gross().amount().toPlainString(), "EUR"), view.number(), null));
        PickList wave = fulfillment.createPickList(LOCATION, null, 50);
        for (PickList.Line line : wave.lines()) {
            fulfillment.pick(wave.id(), line.lineNo(), line.sku(), line.quantity());
        }
        List<Parcel> parcels = fulfillment.pack(view.id(), new PackRequest(LOCATION, List.of(
                new PackRequest.ParcelSpec(900, 300, 200, 100, List.of(new PackRequest.Item(1, 2L))))));
        List<UUID> ids = new ArrayList<>(parcels.stream().map(Parcel::id).toList());
        fulfillment.ship(view.id(), new ShipRequest(ids, "DHL", "Paket", "00340434" + (1000000000L + i)));
        return orders.require(view.id());
    }
}
