package org.ordo.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.ModuleFixtures;
import org.ordo.ModuleIntegrationTest;
import org.ordo.billing.Billing;
import org.ordo.billing.CreditNote;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.payment.BankTransfer;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.ordo.platform.MoneyInput;
import org.ordo.shipping.ShipOrder;
import org.ordo.shipping.ShippingManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The returns module with the modules it needs (docs/architecture.md, module tests): the goods of a return are
 * received and inspected (each unit's condition), and after that commits the module answers its own
 * {@link ReturnReceived} by refunding the return: the money goes back through payment (for a prepaid order a
 * refund a person pays, named by the RMA number) and billing credits the invoice. The scenario waits for the
 * return to be refunded instead of sleeping. Its own data directory: the notification module test's context,
 * still cached, runs its server on the shared one.
 */
@ModuleIntegrationTest
@TestPropertySource(properties = "ordo.data-dir=target/it-data-module-returns")
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class ReturnsModuleIntegrationTests {

    @Autowired
    ReturnManagement returns;
    @Autowired
    OrderManagement orders;
    @Autowired
    PaymentManagement payments;
    @Autowired
    ShippingManagement shipping;
    @Autowired
    Billing billing;
    @Autowired
    Catalog catalog;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    Json json;

    ModuleFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new ModuleFixtures(catalog, inventory, json);
    }

    @Test
    void aReturnReceivedAndInspectedIsRefundedAndItsInvoiceCredited(Scenario scenario) {
        ModuleFixtures.Stock stock = fixtures.stock(5, null);
        OrderView order = shippedAndInvoiced(stock, 2);
        ReturnView authorized = returns.request(order.id(), fixtures.read(Map.of("resolution", "REFUND",
                "lines", List.of(Map.of("lineNo", 1, "quantity", 2, "reason", "WRONG_SIZE"))), RequestReturn.class));
        // one unit comes back as new, the other damaged: both were sent back, both are paid back
        ReceiveReturn inspected = fixtures.read(Map.of("location", stock.location(), "lines", List.of(
                Map.of("lineNo", 1, "quantity", 1, "condition", "RESELLABLE"),
                Map.of("lineNo", 1, "quantity", 1, "condition", "DAMAGED"))), ReceiveReturn.class);
        Money paidForTheLine = order.lines().get(0).gross();

        scenario.stimulate(() -> returns.receive(authorized.id(), inspected))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> returns.require(authorized.id()),
                        r -> r.status() == ReturnStatus.REFUNDED)
                .andVerify(refunded -> {
                    assertThat(refunded.refund().total().amount()).isEqualByComparingTo(paidForTheLine.amount());
                    // the money: a refund of that amount for a person to pay back, named by the RMA number
                    assertThat(payments.summary(order.id()).payments()).filteredOn(p -> p.kind().equals("REFUND"))
                            .singleElement().satisfies(refund -> {
                                assertThat(refund.amount().amount()).isEqualByComparingTo(paidForTheLine.amount());
                                assertThat(refund.reference()).isEqualTo(authorized.number());
                                assertThat(refund.status()).isEqualTo("REQUESTED");
                            });
                    // the books: the invoice credited by the same amount
                    assertThat(billing.creditNotesOf(order.id())).singleElement().satisfies(note -> {
                        assertThat(note.reason()).isEqualTo(CreditNote.Reason.REFUND);
                        assertThat(note.gross().amount()).isEqualByComparingTo(paidForTheLine.amount());
                    });
                });
    }

    /** A prepaid order, paid by bank transfer, shipped whole, and invoiced by billing after the shipment. */
    private OrderView shippedAndInvoiced(ModuleFixtures.Stock stock, long units) {
        OrderView order = orders.place(fixtures.order(stock, units, "de"), new PlaceOrder.Source(null, "test"));
        payments.recordBankTransfer(new BankTransfer(order.number(), new MoneyInput(
                order.totals().gross().amount().toPlainString(), "EUR"), "PAY-" + order.number(), null));
        await().until(() -> orders.require(order.id()).releasedAt() != null);
        shipping.ship(new ShipOrder(order.id(), stock.location(), "DHL", null, Fixtures.unique("TRK").replace("-", ""),
                List.of(new ShipOrder.Line(1, stock.sku(), units))));
        await().atMost(Duration.ofSeconds(30)).until(() -> !billing.invoicesOf(order.id()).isEmpty());
        return orders.require(order.id());
    }
}
