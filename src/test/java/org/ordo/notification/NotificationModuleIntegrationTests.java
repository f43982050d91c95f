package org.ordo.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.ModuleFixtures;
import org.ordo.ModuleIntegrationTest;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.ChangeOrder;
import org.ordo.ordering.OrderChanged;
import org.ordo.ordering.OrderChanges;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderPlaced;
import org.ordo.ordering.OrderReleased;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Json;
import org.ordo.platform.MoneyInput;
import org.ordo.shipping.ShipOrder;
import org.ordo.shipping.ShipmentShipped;
import org.ordo.shipping.ShippingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;

/**
 * The notification module with only the modules it needs (docs/architecture.md, module tests): each scenario
 * stimulates the module that publishes an event and waits until notification has answered it with what the
 * customer gets. An order placed through ordering's service ({@link OrderPlaced}) queues the confirmation; a bank
 * transfer booked by payment that pays the order in full releases it to the warehouse ({@link OrderReleased}); a
 * shipment recorded by shipping ({@link ShipmentShipped}) queues the shipping notice with its tracking number; an
 * order changed by ordering ({@link OrderChanged}) queues the change notice. The mails are written in the
 * customer's language. The scenarios wait for each hand-off instead of sleeping.
 */
@ModuleIntegrationTest
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class NotificationModuleIntegrationTests {

    @Autowired
    OrderManagement orders;
    @Autowired
    OrderChanges changes;
    @Autowired
    Catalog catalog;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    Json json;
    @Autowired
    PaymentManagement payments;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    Notifications notifications;

    ModuleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ModuleFixtures(catalog, inventory, json);
    }

    @Test
    void anOrderPlacedQueuesItsConfirmation(Scenario scenario) {
        PlaceOrder command = fixtures.order(fixtures.stock(5, null), 1, "de");
        AtomicReference<UUID> placed = new AtomicReference<>();

        scenario.stimulate(() -> placed.updateAndGet(none -> orders.place(command, new PlaceOrder.Source(null,
                "test")).id()))
                .andWaitForStateChange(() -> messages(placed.get(), MessageKind.ORDER_CONFIRMATION), m -> !m.isEmpty())
                .andVerify(m -> assertThat(m).as("one confirmation queued").hasSize(1));
    }

    @Test
    void aBankTransferThatPaysTheOrderReleasesItToTheWarehouse(Scenario scenario) {
        OrderView order = orders.place(fixtures.order(fixtures.stock(5, null), 1, "de"),
                new PlaceOrder.Source(null, "test"));
        assertThat(order.releasedAt()).as("prepayment: not before the money is there").isNull();

        scenario.stimulate(() -> pay(order))
                .andWaitForEventOfType(OrderReleased.class)
                .matching(released -> released.orderId().equals(order.id()))
                .toArrive();
    }

    @Test
    void aShipmentRecordedQueuesTheShippingNoticeWithItsTrackingNumberInTheCustomersLanguage(Scenario scenario) {
        ModuleFixtures.Stock stock = fixtures.stock(5, null);
        OrderView order = orders.place(fixtures.order(stock, 2, "es"), new PlaceOrder.Source(null, "test"));
        pay(order);
        await().until(() -> orders.require(order.id()).releasedAt() != null);
        String tracking = Fixtures.unique("TRK").replace("-", "");

        scenario.stimulate(() -> shipping.ship(new ShipOrder(order.id(), stock.location(), "DHL", null, tracking,
                List.of(new ShipOrder.Line(1, stock.sku(), 2)))))
                .andWaitForStateChange(() -> messages(order.id(), MessageKind.SHIPPING_NOTICE), m -> !m.isEmpty())
                .andVerify(notices -> assertThat(notices).singleElement().satisfies(notice -> {
                    assertThat(notice.recipient()).isEqualTo(order.customer().email());
                    assertThat(notice.locale()).isEqualTo("es");
                    assertThat(notice.subject()).isEqualTo("Su pedido " + order.number() + " ha sido enviado");
                    assertThat(notice.body()).contains("Número de seguimiento: " + tracking)
                            .contains("piececode=" + tracking);
                }));
    }

    @Test
    void anOrderChangedTellsTheCustomerWhatItHoldsNowInTheirLanguage(Scenario scenario) {
        ModuleFixtures.Stock stock = fixtures.stock(5, null);
        OrderView order = orders.place(fixtures.order(stock, 1, "ko"), new PlaceOrder.Source(null, "test"));
        ChangeOrder oneMore = fixtures.read(Map.of("reason", "customer called: one more",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 2))), ChangeOrder.class);

        scenario.stimulate(() -> changes.change(order.id(), order.version(), oneMore, null))
                .andWaitForStateChange(() -> messages(order.id(), MessageKind.ORDER_CHANGED), m -> !m.isEmpty())
                .andVerify(notices -> assertThat(notices).singleElement().satisfies(notice -> {
                    assertThat(notice.locale()).isEqualTo("ko");
                    assertThat(notice.subject()).isEqualTo("주문 " + order.number() + "이(가) 변경되었습니다");
                    // the order as it is now: two units of the line (Korean puts the article first)
                    assertThat(notice.body()).contains("Module test mug × 2");
                }));
    }

    /** Pays the whole order by bank transfer, as payment books one from the statement. */
    private void pay(OrderView order) {
        payments.recordBankTransfer(new BankTransfer(order.number(), new MoneyInput(
                order.totals().gross().amount().toPlainString(), "EUR"), "PAY-" + order.number(), null));
    }

    private List<Message> messages(UUID orderId, MessageKind kind) {
        return orderId == null ? List.of()
                : notifications.ofOrder(orderId).stream().filter(m -> m.kind() == kind).toList();
    }
}
