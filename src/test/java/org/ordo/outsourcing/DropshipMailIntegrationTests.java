package org.ordo.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.Mails;
import org.ordo.inventory.InventoryManagement;
import org.ordo.notification.internal.Dispatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A dropship supplier without an endpoint (delivery MAIL): the order's fulfilment request becomes a purchase order
 * to the supplier, mailed through a real SMTP server (GreenMail) with its PDF in the supplier's language and the
 * customer's address on it; the request sent again orders and mails nothing more; the supplier's shipment notice
 * brings the tracking number to the customer. Its own application and database, because the shared test
 * application has no SMTP server; the test runs the dispatcher itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ordo.data-dir=target/it-dropship-mail-data",
        "ordo.db.embedded-clean=true",
        "ordo.demo-data=false",
        "ordo.bootstrap-api-key=" + Api.ADMIN_KEY,
        "ordo.notification.smtp.from=shop@ordo.test",
        "ordo.notification.dispatch-every=PT1H",
        "ordo.outsourcing.send-every=PT1H",
        "logging.level.org.ordo.platform.web=WARN"})
class DropshipMailIntegrationTests {

    private static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void smtpServer(DynamicPropertyRegistry registry) {
        registry.add("ordo.notification.smtp.host", () -> "127.0.0.1");
        registry.add("ordo.notification.smtp.port", () -> SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Dispatcher dispatcher;
    @Autowired
    OutsourcingManagement outsourcing;
    @Autowired
    InventoryManagement inventory;
    @Autowired
    JdbcClient jdbc;

    Api api;
    Fixtures fixtures;
    GreenMail smtp;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void tearDown() {
        smtp.stop();
    }

    @Test
    void aSupplierWithoutEndpointGetsThePurchaseOrderAsPdfByMailOnceAndItsTrackingReachesTheCustomer()
            throws Exception {
        String location = fixtures.location(900);
        String secret = "supplier-secret-" + UUID.randomUUID();
        String sku = fixtures.article("20.00", "EUR", "19");
        String supplier = Fixtures.unique("LAMP");
        String supplierMail = supplier.toLowerCase() + "@supplier.example";
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lampen " + supplier, "email",
                supplierMail, "leadTimeDays", 3, "currency", "EUR", "locale", "de")), 201);
        assertThat(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "DROPSHIP_SUPPLIER", "name",
                "Lampen", "delivery", "MAIL", "secret", secret)).errorFields()).as("MAIL names its supplier")
                .containsExactly("supplier");
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "DROPSHIP_SUPPLIER", "name",
                "Lampen", "delivery", "MAIL", "supplier", supplier, "secret", secret)), 200);
        expect(signed(location, "stock-reports", secret, """
                {"reference":"FEED-%s","lines":[{"sku":"%s","onHand":5,"unitCost":"7.40","currency":"EUR"}]}"""
                .formatted(UUID.randomUUID(), sku)), 200);

        JsonNode order = new DeliveredOrders(api, api.withNewKey("WAREHOUSE")).placedAndPaid(sku, 2);
        String orderId = order.get("id").asString();
        String number = order.get("number").asString();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outsourcing.sendRequests();
            return request(orderId).get("status").asString().equals("SENT");
        });
        String deliveredTo = request(orderId).get("deliveredTo").asString();
        assertThat(deliveredTo).matches("PO-\\d{4}-\\d{6} to " + supplier);
        String po = deliveredTo.substring(0, deliveredTo.indexOf(' '));

        // sent again (a node died before it recorded the answer): the same purchase order, no second mail
        jdbc.sql("UPDATE fulfilment_request SET status = 'PENDING', next_attempt_at = now() - interval '1 minute' "
                + "WHERE order_id = :order").param("order", UUID.fromString(orderId)).update();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            outsourcing.sendRequests();
            return request(orderId).get("status").asString().equals("SENT");
        });
        assertThat(request(orderId).get("deliveredTo").asString()).isEqualTo(deliveredTo);
        JsonNode purchase = expect(api.get("/api/v1/purchase-orders/" + po), 200).json();
        assertThat(purchase.get("shipTo").get("name").asString()).isEqualTo("Erika Muster");
        assertThat(purchase.get("note").asString()).isEqualTo(number);
        assertThat(purchase.get("lines").get(0).get("unitPrice").get("amount").asString()).isEqualTo("7.40");
        assertThat(inventory.expected(sku)).as("goods that go to the customer are not on order for us").isEmpty();
        Api.Response receipt = api.post("/api/v1/purchase-orders/" + purchase.get("id").asString() + "/receipts",
                Map.of("line", 1, "quantity", 2));
        assertThat(receipt.status()).as("goods that go to the customer never arrive here").isEqualTo(409);
        assertThat(receipt.body()).contains("dropship-order");
        assertThat(expect(api.get("/api/v1/purchase-orders/" + po), 200).json().get("lines").get(0).get("received")
                .asLong()).isZero();

        dispatchUntilNoneDue();
        List<MimeMessage> toSupplier = to(supplierMail);
        assertThat(toSupplier).hasSize(1);
        MimeMessage mail = toSupplier.get(0);
        assertThat(mail.getSubject()).startsWith("Bestellung " + po);
        assertThat(Mails.text(mail)).contains("Lieferanschrift: Erika Muster, Hauptstr. 1, 10115 Berlin, DE");
        List<Mails.Attachment> attachments = Mails.attachments(mail);
        assertThat(attachments).extracting(Mails.Attachment::fileName).containsExactly("purchase-order-" + po + ".pdf");
        String pdf = Mails.pdfText(attachments.get(0).content());
        assertThat(pdf).contains("Bestellung " + po, "Lieferanschrift", "14,80");
        assertThat(pdf.replaceAll("\\s", "")).as("the customer's address and order, however wrapped")
                .contains("ErikaMuster,Hauptstr.1,10115Berlin,DE", "Streckengeschäft", number);

        // the supplier's shipment notice: the customer gets the tracking number by mail
        String tracking = Fixtures.unique("DS").replace("-", "");
        expect(signed(location, "shipments", secret, """
                {"reference":"ASN-%s","order":"%s","carrier":"DHL","trackingNumber":"%s","lines":[{"sku":"%s","quantity":2}]}"""
                .formatted(tracking, number, tracking, sku)), 201);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            dispatchUntilNoneDue();
            return to(order.get("customer").get("email").asString()).stream().anyMatch(m -> {
                try {
                    return Mails.text(m).contains(tracking);
                } catch (Exception e) {
                    return false;
                }
            });
        });
        assertThat(to(supplierMail)).as("still one purchase order mail").hasSize(1);
    }

    private JsonNode request(String orderId) {
        JsonNode all = expect(api.get("/api/v1/orders/" + orderId + "/fulfilment-requests"), 200).json();
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    private Api.Response signed(String location, String what, String secret, String body) {
        return api.webhook("/api/v1/fulfilment-partners/" + location + "/" + what, "X-Ordo-Signature", secret,
                Instant.now().getEpochSecond(), body);
    }

    private List<MimeMessage> to(String recipient) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equalsIgnoreCase(recipient)) {
                found.add(m);
            }
        }
        return found;
    }

    private void dispatchUntilNoneDue() {
        while (dispatcher.dispatchDue() > 0) {
            // next batch
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
