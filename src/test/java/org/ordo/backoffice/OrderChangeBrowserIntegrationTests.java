package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.platform.security.TrackingTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Orders changed in a real browser (docs/order-changes.md): by a Spanish customer from the link in their mails
 * (another size, a new address, in Spanish, within the shop's window) and by an agent on the order's page.
 */
@IntegrationTest
class OrderChangeBrowserIntegrationTests {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    OrderManagement orders;
    @Autowired
    TrackingTokens tokens;

    @BeforeAll
    static void startBrowser(@org.springframework.beans.factory.annotation.Value("${local.server.port}") int port) {
        browser = Browser.start(port);
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aSpanishCustomerTakesAnotherSizeAndANewAddressFromTheOrderPageUntilTheOrderIsCancelled() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String stem = Fixtures.unique("CAMISETA") + "-";
        article(api, stem + "M", "19.99");
        article(api, stem + "L", "19.99");
        article(api, stem + "XL", "24.99"); // another price: an agent's swap, not offered to the customer
        fixtures.receive(stem + "M", location, 5);
        fixtures.receive(stem + "L", location, 5);
        Map<String, Object> body = new HashMap<>(Fixtures.order("EUR", stem + "M", 2));
        body.put("customer", Map.of("email", Fixtures.unique("lucia").toLowerCase() + "@example.com", "name",
                "Lucía García", "locale", "es"));
        UUID id = UUID.fromString(expect(api.placeOrder(body), 201).json().get("id").asString());
        OrderView placed = orders.require(id);

        browser.open("/track/" + tokens.token(id));
        browser.waitFor(By.id("start-change"));
        assertThat(browser.find(By.id("start-change")).getText()).isEqualTo("Cambiar la dirección o la talla");
        browser.find(By.id("start-change")).click();
        browser.waitFor(By.id("customer-change-form"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Modificar el pedido " + placed.number());
        Select size = new Select(browser.find(By.id("sku-1")));
        assertThat(size.getOptions()).extracting(o -> o.getAttribute("value")).containsExactly(stem + "M",
                stem + "L");
        size.selectByValue(stem + "L");
        fill("address-street", "Calle de Alcalá 45");
        fill("address-street2", "3º B");
        fill("address-postalCode", "28014");
        fill("address-city", "Madrid");
        fill("address-country", "ES");
        browser.screenshot("customer-change-es");
        browser.find(By.id("change-submit")).click();

        browser.waitFor(By.id("track-changed"));
        assertThat(browser.find(By.id("track-changed")).getText()).startsWith("Su pedido ha sido modificado.");
        OrderView changed = orders.require(id);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.lines()).singleElement().satisfies(l -> {
            assertThat(l.sku()).isEqualTo(stem + "L");
            assertThat(l.quantity()).isEqualTo(2);
            assertThat(l.reserved()).isEqualTo(2);
        });
        assertThat(changed.totals().gross()).isEqualTo(placed.totals().gross());
        assertThat(changed.shippingAddress().street2()).isEqualTo("3º B");
        assertThat(changed.shippingAddress().country()).isEqualTo("ES");
        assertThat(changed.hold()).isNull();
        assertThat(changed.timeline()).anySatisfy(t -> assertThat(t.actor()).startsWith("customer:lucia"));

        // Cancelled, the order offers no change any more, and the form says why in Spanish.
        expect(api.post("/api/v1/orders/" + id + "/cancel", Map.of("reason", "customer asked")), 200);
        browser.open("/track/" + tokens.token(id));
        browser.waitFor(By.id("track-stage"));
        assertThat(browser.driver().findElements(By.id("start-change"))).isEmpty();
        browser.open("/track/" + tokens.token(id) + "/change");
        assertThat(browser.waitFor(By.id("change-closed")).getText())
                .isEqualTo("Este pedido ya no se puede modificar.");
    }

    @Test
    void aSizeAtAnotherPriceAndAStaleFormAreRefusedAndChangeNothing() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String stem = Fixtures.unique("SHIRT") + "-";
        article(api, stem + "M", "19.99");
        article(api, stem + "XL", "24.99");
        fixtures.receive(stem + "M", location, 5);
        fixtures.receive(stem + "XL", location, 5);
        UUID id = UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", stem + "M", 1)), 201).json()
                .get("id").asString());
        String path = "/track/" + tokens.token(id) + "/change";
        WebSession customer = new WebSession(port);

        customer.get(path);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("key", UUID.randomUUID().toString());
        form.put("version", "1");
        form.put("sku-1", stem + "XL");
        WebSession.Page refused = customer.post(path, form);
        assertThat(refused.status()).isEqualTo(422);
        // the customer reads German (the order's language), as the rest of the page
        assertThat(refused.body()).contains(stem + "XL ist keine andere Größe von " + stem + "M");
        assertThat(orders.require(id).lines().get(0).sku()).isEqualTo(stem + "M");

        // An agent changed the order meanwhile: the customer's form of version 1 is refused and shows version 2.
        expect(api.post("/api/v1/orders/" + id + "/changes", Map.of("reason", "one more", "lines",
                java.util.List.of(Map.of("lineNo", 1, "quantity", 2))), "Idempotency-Key", UUID.randomUUID()
                        .toString(), "If-Match", "\"1\""), 201);
        form.put("key", UUID.randomUUID().toString());
        form.put("sku-1", stem + "M");
        form.put("address-name", "Erika Muster");
        form.put("address-street", "Hauptstr. 2");
        form.put("address-postalCode", "10115");
        form.put("address-city", "Berlin");
        form.put("address-country", "DE");
        WebSession.Page stale = customer.post(path, form);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body()).contains("Ihre Bestellung wurde inzwischen geändert", "name=\"version\" value=\"2\"");
        assertThat(orders.require(id).shippingAddress().street()).isEqualTo("Hauptstr. 1");
    }

    @Test
    void anAgentChangesAQuantityOnTheOrderPageInTheBrowser() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, location, 20);
        UUID id = UUID.fromString(expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json().get("id")
                .asString());
        String number = orders.require(id).number();

        browser.login("admin", Api.ADMIN_PASSWORD);
        browser.open("/orders/" + number);
        browser.waitFor(By.id("change-form"));
        browser.find(By.id("change-line")).sendKeys("1");
        browser.find(By.id("change-quantity")).sendKeys("3");
        browser.find(By.id("change-reason")).sendKeys("customer called: one more");
        browser.find(By.id("change")).click();

        browser.waitUntil(d -> d.findElement(By.id("changes")).getText().contains("3 x " + sku));
        assertThat(browser.find(By.id("changes")).getText()).contains("customer called: one more",
                "2 x " + sku + " → 3 x " + sku);
        assertThat(orders.require(id).lines().get(0).quantity()).isEqualTo(3);
        assertThat(orders.require(id).version()).isEqualTo(2);
    }

    private static void fill(String id, String value) {
        browser.find(By.id(id)).clear();
        browser.find(By.id(id)).sendKeys(value);
    }

    private static void article(Api api, String sku, String price) {
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("es",
                "Camiseta " + sku.substring(sku.lastIndexOf('-') + 1), "en", "T-shirt"), "price", Map.of("amount",
                        price, "currency", "EUR"), "taxRate", "21", "priceIncludesTax", true, "backorderable", false,
                "weightGrams", 200)), 201);
    }
}
