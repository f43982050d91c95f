package org.ordo.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.Warehouse;
import org.ordo.platform.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Invoices and credit notes: issued when an order ships (or is refunded), numbered without gaps per series and
 * year, even under concurrency.
 */
@IntegrationTest
class BillingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Billing billing;
    @Autowired
    TransactionTemplate transaction;

    Api api;
    Fixtures fixtures;
    String location;
    String sku;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("19.99", "EUR", "19");
        fixtures.receive(sku, location, 1000);
    }

    private UUID placed() {
        return UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", sku, 1)), 201).json().get("id").asString());
    }

    @Test
    void fiftyConcurrentInvoicingsAndCreditsGetFiftyConsecutiveNumbersEach() throws Exception {
        String series = "T" + Fixtures.unique("S").replace("-", "").substring(0, 8);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            orders.add(placed());
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Invoice>> futures = new ArrayList<>();
        for (UUID order : orders) {
            futures.add(pool.submit((Callable<Invoice>) () -> {
                start.await();
                return billing.invoice(order, series);
            }));
        }
        start.countDown();
        List<Long> numbers = new ArrayList<>();
        for (var f : futures) {
            String number = f.get().number();
            assertThat(number).startsWith(series + "-" + Year.now(ZoneOffset.UTC).getValue() + "-");
            numbers.add(Long.parseLong(number.substring(number.lastIndexOf('-') + 1)));
        }
        assertThat(numbers).doesNotHaveDuplicates();
        assertThat(numbers.stream().sorted().toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        // Asking again gives the same invoice, no new number.
        assertThat(billing.invoice(orders.get(0), series).number()).isEqualTo(futures.get(0).get().number());

        // Credit notes have their own series, just as gap-free: 50 concurrent refunds (each cause twice)
        String credits = "C" + series.substring(1);
        List<Future<CreditNote>> notes = new ArrayList<>();
        CountDownLatch again = new CountDownLatch(1);
        for (UUID order : orders) {
            for (int twice = 0; twice < 2; twice++) {
                notes.add(pool.submit((Callable<CreditNote>) () -> {
                    again.await();
                    return billing.credit(order, "TEST-REFUND:" + order, CreditNote.Reason.REFUND,
                            new Money(new BigDecimal("5.00"), "EUR"), null, credits).orElseThrow();
                }));
            }
        }
        again.countDown();
        Map<UUID, String> byOrder = new HashMap<>();
        for (var f : notes) {
            CreditNote note = f.get();
            assertThat(note.gross().amount()).isEqualByComparingTo("5.00");
            String first = byOrder.putIfAbsent(note.orderId(), note.number());
            assertThat(first == null || first.equals(note.number())).as("one note per cause").isTrue();
        }
        pool.shutdown();
        assertThat(byOrder.values().stream().map(n -> Long.parseLong(n.substring(n.lastIndexOf('-') + 1))).sorted()
                .toList()).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void aRolledBackInvoiceLeavesNoGap() {
        String series = "R" + Fixtures.unique("S").replace("-", "").substring(0, 8);
        UUID first = placed();
        UUID second = placed();
        assertThatThrownBy(() -> transaction.executeWithoutResult(tx -> {
            billing.invoice(first, series);
            throw new IllegalStateException("the caller fails after numbering");
        })).hasMessageContaining("caller fails");

        assertThat(billing.invoice(second, series).number()).endsWith("-000001");
        assertThat(billing.invoice(first, series).number()).endsWith("-000002");
    }

    @Test
    void anOrderIsInvoicedWhenItShipsWithItsLinesAndTotals() {
        Api warehouse = api.withNewKey("WAREHOUSE");
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", sku, 2));
        body.put("paymentMethod", "marketplace");
        String id = expect(api.placeOrder(body), 201).json().get("id").asString();
        assertThat(api.get("/api/v1/orders/" + id + "/invoices").json()).isEmpty();

        Warehouse floor = new Warehouse(warehouse);
        floor.pickAll(floor.pickListAt(location));
        floor.packAndShip(id, location, "DHL", Map.of(1, 2L));

        JsonNode invoice = await().atMost(Duration.ofSeconds(20))
                .until(() -> api.get("/api/v1/orders/" + id + "/invoices").json(), list -> list.size() == 1).get(0);
        assertThat(invoice.get("number").asString()).matches("INV-\\d{4}-\\d{6}");
        assertThat(invoice.get("gross").get("amount").asString()).isEqualTo("47.58"); // 2 x 19.99 + 19 %
        assertThat(invoice.get("lines").get(0).get("sku").asString()).isEqualTo(sku);
        expect(api.get("/api/v1/invoices/" + invoice.get("number").asString()), 200);
        assertThat(api.withNewKey("WAREHOUSE").get("/api/v1/invoices/" + invoice.get("number").asString()).status())
                .isEqualTo(403);
        // The invoice carries the customer's addresses and money: the warehouse that shipped the order and the shop
        // that placed it do not get it through the order either (see docs/security.md).
        assertThat(warehouse.get("/api/v1/orders/" + id + "/invoices").status()).isEqualTo(403);
        assertThat(api.withNewKey("INTEGRATION").get("/api/v1/orders/" + id + "/invoices").status()).isEqualTo(403);
        assertThat(api.withNewKey("AGENT").get("/api/v1/orders/" + id + "/invoices").json()).hasSize(1);
    }
}
