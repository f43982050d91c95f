package org.ordo.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.ModuleIntegrationTest;
import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.ArticleType;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.LocationDraft;
import org.ordo.inventory.Receipt;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderReleased;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Json;
import org.ordo.platform.MoneyInput;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The notification module with only the modules it needs (docs/architecture.md, module tests): an order placed
 * through ordering's service publishes {@link OrderPlaced}, and notification answers it after commit by queueing
 * the confirmation in its outbox; a bank transfer booked by payment that pays the order in full releases it to the
 * warehouse ({@link OrderReleased}). The scenarios wait for each hand-off instead of sleeping.
 */
@ModuleIntegrationTest
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class NotificationModuleIntegrationTests {

    @Autowired
    OrderManagement orders;
    @Autowired
    Catalog catalog;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    Json json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PaymentManagement payments;

    @Test
    void anOrderPlacedQueuesItsConfirmation(Scenario scenario) {
        PlaceOrder command = orderOfStock();
        AtomicReference<UUID> placed = new AtomicReference<>();

        scenario.stimulate(() -> placed.updateAndGet(none -> orders.place(command, new PlaceOrder.Source(null,
                "test")).id()))
                .andWaitForStateChange(() -> confirmations(placed.get()), n -> n > 0)
                .andVerify(n -> assertThat(n).as("one confirmation queued").isEqualTo(1L));
    }

    @Test
    void aBankTransferThatPaysTheOrderReleasesItToTheWarehouse(Scenario scenario) {
        OrderView order = orders.place(orderOfStock(), new PlaceOrder.Source(null, "test"));
        assertThat(order.releasedAt()).as("prepayment: not before the money is there").isNull();

        scenario.stimulate(() -> payments.recordBankTransfer(new BankTransfer(order.number(), new MoneyInput(
                order.totals().gross().amount().toPlainString(), "EUR"), "PAY-" + order.number(), null)))
                .andWaitForEventOfType(OrderReleased.class)
                .matching(released -> released.orderId().equals(order.id()))
                .toArrive();
    }

    /** An order of one unit of a new article in stock at a new location. */
    private PlaceOrder orderOfStock() {
        String sku = Fixtures.unique("MOD");
        String location = Fixtures.unique("L").replace("-", "").substring(0, 8).toUpperCase();
        catalog.register(new ArticleDraft(sku, ArticleType.PHYSICAL, Map.of("en", "Module test mug"),
                new MoneyInput("9.90", "EUR"), "19", null, null, null, null, null, null));
        inventory.registerLocation(read(Map.of("code", location, "name", "Module test", "priority", 1),
                LocationDraft.class));
        inventory.receive(new Receipt(sku, location, 5L, null, null));
        return read(Fixtures.order("EUR", sku, 1), PlaceOrder.class);
    }

    private long confirmations(UUID orderId) {
        return jdbc.sql("SELECT count(*) FROM message WHERE order_id = :order AND kind = 'ORDER_CONFIRMATION'")
                .param("order", orderId).query(Long.class).single();
    }

    private <T> T read(Map<String, Object> body, Class<T> type) {
        return json.readRequest(Api.JSON.writeValueAsBytes(body), type);
    }

}
