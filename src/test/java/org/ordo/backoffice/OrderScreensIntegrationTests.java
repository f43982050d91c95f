package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.notification.MessageStatus;
import org.ordo.notification.Notifications;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderStatus;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentStatus;
import org.ordo.platform.security.TrackingTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The order queue, the order detail and the customer's tracking page, through their real pages and forms. */
@IntegrationTest
class OrderScreensIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    OrderManagement orders;

    @Autowired
    Notifications notifications;

    @Autowired
    TrackingTokens tokens;

    Api api;
    Fixtures fixtures;
    String sku;
    String location;
    WebSession agent;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 100);
        agent = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
    }

    private OrderView place(String customerName, Instant promisedAt, String locale) {
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", sku, 2));
        order.put("customer", Map.of("email", Fixtures.unique("c").toLowerCase() + "@example.com", "name",
                customerName, "locale", locale));
        order.put("shippingAddress", Fixtures.address(customerName, "DE"));
        order.put("promisedAt", promisedAt.toString());
        String id = expect(api.placeOrder(order), 201).json().path("id").asString();
        return orders.require(UUID.fromString(id));
    }

    private static String rowOf(String page, String number) {
        var m = Pattern.compile("<tr id=\"order-" + number + "\"[^>]*>").matcher(page);
        assertThat(m.find()).as("row of %s", number).isTrue();
        return m.group();
    }

    @Test
    void lateAndAtRiskOrdersStandOutAndComeFirst() {
        String customer = "Queue " + Fixtures.unique("K");
        OrderView later = place(customer, Instant.now().plus(Duration.ofDays(5)), "en");
        OrderView atRisk = place(customer, Instant.now().plus(Duration.ofHours(3)), "en");
        OrderView late = place(customer, Instant.now().minus(Duration.ofDays(2)), "en");

        String page = agent.get("/orders?q=" + customer.replace(" ", "+")).body();
        assertThat(rowOf(page, late.number())).contains("class=\"late\"");
        assertThat(rowOf(page, atRisk.number())).contains("class=\"at-risk\"");
        assertThat(rowOf(page, later.number())).doesNotContain("late").doesNotContain("at-risk");
        assertThat(page.indexOf(late.number())).isLessThan(page.indexOf(atRisk.number()));
        assertThat(page.indexOf(atRisk.number())).isLessThan(page.indexOf(later.number()));

        // The search also finds one order by number, e-mail or external reference, and the rows reload alone.
        assertThat(agent.get("/orders?q=" + late.number()).body()).contains(late.number())
                .doesNotContain(atRisk.number());
        assertThat(agent.get("/orders?q=" + late.customer().email()).body()).contains(late.number());
        assertThat(agent.get("/orders?q=" + late.externalRef()).body()).contains(late.number());
        assertThat(page).as("htmx requests carry the CSRF token").containsPattern(
                "hx-headers=\"\\{&quot;X-CSRF-TOKEN&quot;: &quot;[A-Za-z0-9_-]{20,}&quot;\\}\"");
        String rows = agent.get("/orders/rows?q=" + late.number()).body();
        assertThat(rows).startsWith("<tbody").contains(late.number()).doesNotContain("<html");

        // Filters: a cancelled order leaves the to-do view and shows under "all" with status CANCELLED.
        orders.cancel(later.id(), "customer changed their mind");
        assertThat(agent.get("/orders?q=" + later.number()).body()).doesNotContain("order-" + later.number());
        assertThat(agent.get("/orders?view=all&status=CANCELLED&q=" + later.number()).body())
                .contains("order-" + later.number());
        assertThat(agent.get("/orders?view=all&status=OPEN&q=" + later.number()).body())
                .doesNotContain("order-" + later.number());
        assertThat(agent.get("/orders?status=NONSENSE").body()).contains("status: NONSENSE");
    }

    @Test
    void theWarehouseFilterShowsTheOrdersWithGoodsReservedThere() {
        String customer = "Wh " + Fixtures.unique("K");
        OrderView here = place(customer, Instant.now().plus(Duration.ofDays(1)), "en");
        String elsewhere = fixtures.location(2);
        String otherSku = fixtures.article("5.00", "EUR", "19");
        fixtures.receive(otherSku, elsewhere, 10);
        Map<String, Object> order = new HashMap<>(Fixtures.order("EUR", otherSku, 1));
        order.put("customer", Map.of("email", Fixtures.unique("c").toLowerCase() + "@example.com", "name", customer,
                "locale", "en"));
        String there = expect(api.placeOrder(order), 201).json().path("number").asString();

        String q = "&q=" + customer.replace(" ", "+");
        assertThat(agent.get("/orders?warehouse=" + location + q).body()).contains("order-" + here.number())
                .doesNotContain("order-" + there);
        assertThat(agent.get("/orders?warehouse=" + elsewhere + q).body()).contains("order-" + there)
                .doesNotContain("order-" + here.number());
        assertThat(agent.get("/orders?warehouse=NOWHERE" + q).body()).contains("warehouse: NOWHERE")
                .contains("order-" + there, "order-" + here.number());
    }

    @Test
    void bulkActionsHoldReleaseAndCancelAsThePersonLoggedIn() {
        String customer = "Bulk " + Fixtures.unique("K");
        OrderView a = place(customer, Instant.now().plus(Duration.ofDays(1)), "en");
        OrderView b = place(customer, Instant.now().plus(Duration.ofDays(1)), "en");
        agent.get("/orders");

        assertThat(agent.follow(agent.post("/orders/bulk", Map.of("ids", a.id().toString(), "action", "hold",
                "reason", ""))).body()).contains("Reason: is required");
        assertThat(orders.require(a.id()).status()).isEqualTo(OrderStatus.OPEN);

        agent.get("/orders");
        bulk(List.of(a.id(), b.id()), "hold", "address looks wrong");
        assertThat(orders.require(a.id()).status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(orders.require(b.id()).status()).isEqualTo(OrderStatus.ON_HOLD);
        assertThat(orders.require(a.id()).timeline()).anySatisfy(t -> {
            assertThat(t.actor()).isEqualTo("user:admin");
            assertThat(t.to()).isEqualTo("ON_HOLD");
            assertThat(t.reason()).contains("address looks wrong");
        });

        agent.get("/orders");
        bulk(List.of(a.id()), "release", "address checked");
        assertThat(orders.require(a.id()).status()).isEqualTo(OrderStatus.OPEN);

        agent.get("/orders");
        orders.cancel(b.id(), "duplicate");
        String page = bulk(List.of(a.id(), b.id()), "cancel", "customer called");
        assertThat(page).contains("1 done, 1 refused");
        assertThat(orders.require(a.id()).status()).isEqualTo(OrderStatus.CANCELLED);
    }

    private String bulk(List<UUID> ids, String action, String reason) {
        // A form with several "ids" fields, as the browser sends the ticked boxes.
        StringBuilder body = new StringBuilder();
        ids.forEach(id -> body.append("&ids=").append(id));
        WebSession.Page answer = agent.postForm("/orders/bulk",
                "action=" + action + "&reason=" + reason.replace(" ", "+") + body);
        assertThat(answer.status()).isEqualTo(302);
        return agent.follow(answer).body();
    }

    @Test
    void theDetailShowsEverythingAndOffersOnlyWhatTheStateAllows() {
        OrderView order = place("Detail " + Fixtures.unique("K"), Instant.now().plus(Duration.ofDays(2)), "en");
        String page = agent.get("/orders/" + order.number()).body();
        assertThat(page).contains(order.number(), sku, "order confirmation", "placed via web")
                .as("the reservation's warehouse").contains(" × ")
                .as("the stored original").contains("id=\"original\"", order.externalRef())
                .contains("id=\"hold\"", "id=\"cancel\"", "id=\"book-transfer\"").doesNotContain("id=\"release\"");

        // The confirmation PDF is listed (rendered on first view) and downloads as stored; another order's or an
        // unknown document is not served under this order.
        java.util.regex.Matcher link = Pattern
                .compile("href=\"(/orders/" + order.number() + "/documents/[0-9a-f-]+)\"").matcher(page);
        assertThat(link.find()).as("a document link on the detail page").isTrue();
        WebSession.Page pdf = agent.get(link.group(1));
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.body()).startsWith("%PDF");
        assertThat(agent.get("/orders/" + order.number() + "/documents/" + UUID.randomUUID()).status())
                .isEqualTo(404);

        agent.post("/orders/" + order.number() + "/hold", Map.of("kind", "FRAUD", "reason", "odd address"));
        page = agent.get("/orders/" + order.number()).body();
        assertThat(page).contains("id=\"release\"").doesNotContain("id=\"hold\"").contains("odd address");

        agent.post("/orders/" + order.number() + "/release", Map.of("reason", "called the customer"));
        agent.get("/orders/" + order.number());
        agent.post("/orders/" + order.number() + "/bank-transfer",
                Map.of("amount", "abc", "reference", order.number()));
        assertThat(orders.require(order.id()).paymentStatus()).isEqualTo(PaymentStatus.PENDING);
        agent.get("/orders/" + order.number());
        WebSession.Page booked = agent.post("/orders/" + order.number() + "/bank-transfer",
                Map.of("amount", order.totals().gross().amount().toPlainString(), "reference", order.number()));
        assertThat(agent.follow(booked).body()).contains("Bank transfer of");
        assertThat(orders.require(order.id()).paymentStatus()).isEqualTo(PaymentStatus.PAID);

        // A copy is only made of a message that has left the queue (here: KEPT, the tests configure no SMTP).
        var confirmation = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> notifications.ofOrder(order.id()).get(0), m -> m.status() != MessageStatus.QUEUED
                        && m.status() != MessageStatus.SENDING);
        agent.get("/orders/" + order.number());
        agent.post("/orders/" + order.number() + "/messages/" + confirmation.id() + "/resend", Map.of());
        assertThat(notifications.ofOrder(order.id())).anySatisfy(m -> assertThat(m.resentFrom())
                .isEqualTo(confirmation.id()));

        assertThat(agent.get("/orders/SO-0").status()).isEqualTo(404);
    }

    /** A back-office user of the role, reading in {@code locale}'s language. */
    private WebSession user(String role, String locale) {
        String name = Fixtures.unique("u").toLowerCase();
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("username", name, "password", "reader-password-1", "role", role,
                "locale", locale));
        WebSession user = WebSession.login(port, name, "reader-password-1");
        user.get("/orders");
        return user;
    }

    @Test
    void aRefusedFormSaysWhyInTheReadersLanguageWithTheFieldsName() {
        OrderView cancelled = place("Refused " + Fixtures.unique("K"), Instant.now().plus(Duration.ofDays(2)), "en");
        orders.cancel(cancelled.id(), "customer changed their mind");
        OrderView open = place("Refused " + Fixtures.unique("K"), Instant.now().plus(Duration.ofDays(2)), "en");

        // German: the back office's own check (a bulk hold without a reason) and the service's, its state said too.
        WebSession german = user("AGENT", "de");
        WebSession.Page noReason = german.post("/orders/bulk", Map.of("ids", open.id().toString(), "action", "hold",
                "reason", " "));
        assertThat(german.follow(noReason).body()).contains("Nicht gespeichert: Grund: ist erforderlich");
        WebSession.Page twice = german.post("/orders/" + cancelled.number() + "/cancel", Map.of("reason", "again"));
        assertThat(german.follow(twice).body())
                .contains("Nicht möglich: Bestellung " + cancelled.number()
                        + " ist storniert und kann nicht storniert werden")
                .doesNotContain("ist CANCELLED");

        // Korean: a change naming a line the order lacks, the field's path in words.
        WebSession korean = user("AGENT", "ko");
        WebSession.Page noLine = korean.post("/orders/" + open.number() + "/changes", Map.of("version", "1",
                "lineNo", "99", "quantity", "1", "reason", "wrong line"));
        assertThat(korean.follow(noLine).body())
                .contains("저장되지 않음: 품목 1 › 품목 번호: 주문 " + open.number() + "에 99번 품목이 없습니다");
        assertThat(orders.require(open.id()).version()).as("nothing changed").isEqualTo(1);

        // English pages keep their English.
        agent.get("/orders");
        WebSession.Page english = agent.post("/orders/bulk", Map.of("ids", open.id().toString(), "action", "hold",
                "reason", " "));
        assertThat(agent.follow(english).body()).contains("Not saved: Reason: is required");
        WebSession.Page englishTwice = agent.post("/orders/" + cancelled.number() + "/cancel",
                Map.of("reason", "again"));
        assertThat(agent.follow(englishTwice).body())
                .contains("Not possible: Order " + cancelled.number() + " is cancelled and cannot be cancelled");
        assertThat(orders.require(open.id()).status()).isEqualTo(OrderStatus.OPEN);
    }

    @Test
    void theTrackingPageShowsTheOrderInTheCustomersLanguageAndNothingElse() {
        OrderView order = place("Tracking " + Fixtures.unique("K"), Instant.now().plus(Duration.ofDays(2)), "de");
        String token = tokens.token(order.id());
        assertThat(token).hasSize(64);
        assertThat(tokens.orderOf(token)).contains(order.id());

        WebSession customer = new WebSession(port);
        WebSession.Page page = customer.get("/track/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Ihre Bestellung " + order.number(), "Wir haben Ihre Bestellung erhalten")
                .doesNotContain(order.customer().email(), order.customer().name(), "Hauptstr", "10115");

        // The link is in the order confirmation.
        assertThat(notifications.ofOrder(order.id()).get(0).body()).contains("/track/" + token);

        char last = token.charAt(63);
        String forged = token.substring(0, 63) + (last == 'A' ? 'B' : 'A');
        assertThat(customer.get("/track/" + forged).status()).isEqualTo(404);
        assertThat(customer.get("/track/nonsense").status()).isEqualTo(404);
        assertThat(customer.get("/track/" + "x".repeat(64)).status()).isEqualTo(404);
    }

    @Test
    void aWarehouseUserMayNotOpenTheQueueOrAdminPages() {
        String name = Fixtures.unique("wh").toLowerCase();
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("username", name, "password", "warehouse-pw-1", "role", "WAREHOUSE"));
        WebSession warehouse = WebSession.login(port, name, "warehouse-pw-1");
        assertThat(warehouse.get("/orders").status()).isEqualTo(403);
        assertThat(warehouse.get("/admin/users").status()).isEqualTo(403);
        assertThat(warehouse.get("/").location()).as("their first screen").endsWith("/warehouse");
    }
}
