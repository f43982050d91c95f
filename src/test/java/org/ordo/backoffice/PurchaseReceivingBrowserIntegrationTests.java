package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Receiving a purchase order with a barcode scanner in a real browser (docs/purchasing.md#in-the-back-office): the
 * SKU in any case or the article's GTIN finds its open line, a wrong article is refused with the word and nothing
 * is booked, and what arrived goes on hand, into the bin whose label was scanned (a bin without room is refused on the
 * screen).
 */
@IntegrationTest
class PurchaseReceivingBrowserIntegrationTests {

    private static final String PASSWORD = "receiving-password-1";
    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    Users users;

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

    private void scan(String code) {
        WebElement field = browser.waitFor(By.id("scan"));
        assertThat(browser.driver().switchTo().activeElement()).as("the scan field has the focus").isEqualTo(field);
        field.sendKeys(code + Keys.ENTER);
    }

    private void receive(String quantity) {
        WebElement field = browser.waitFor(By.id("scan-quantity"));
        field.clear();
        field.sendKeys(quantity);
        browser.find(By.id("scan-receive")).click();
        assertThat(browser.waitFor(By.id("flash")).getText()).contains("Received " + quantity);
    }

    private long onHand(Api api, String sku) {
        return api.get("/api/v1/inventory/" + sku).json().get("onHand").asLong();
    }

    @Test
    void theWarehouseReceivesByScanningSkuOrGtinAndAWrongArticleIsRefused() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR")), 201);
        String shirt = Fixtures.unique("SHIRT");
        String gtin = Fixtures.gtin();
        Map<String, Object> article = new HashMap<>(Map.of("sku", shirt, "type", "PHYSICAL", "name",
                Map.of("en", "Shirt"), "price", Map.of("amount", "19.00", "currency", "EUR"), "taxRate", "19",
                "weightGrams", 250));
        article.put("gtin", gtin);
        expect(api.post("/api/v1/articles", article), 201);
        String mug = fixtures.article("12.50", "EUR", "19");
        String notOrdered = fixtures.article("3.00", "EUR", "19");
        String number = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location,
                "lines", List.of(Map.of("sku", shirt, "quantity", 10, "unitPrice", "6.00"),
                        Map.of("sku", mug, "quantity", 4, "unitPrice", "3.00"))), "Idempotency-Key",
                Fixtures.unique("po")), 201).json().get("number").asString();

        String name = Fixtures.unique("wh").toLowerCase();
        users.create(name, PASSWORD, Role.WAREHOUSE, "en", "test");
        browser.login(name, PASSWORD);
        browser.open("/purchasing/orders/" + number);

        scan(notOrdered);
        assertThat(browser.waitFor(By.id("scan-error")).getText()).contains("Wrong article", notOrdered, number);
        assertThat(browser.find(By.id("scan-error")).getAttribute("role")).isEqualTo("alert");
        assertThat(onHand(api, notOrdered)).as("nothing received").isZero();

        scan(shirt.toLowerCase());
        assertThat(browser.waitFor(By.id("scan-ok")).getText()).contains("Right article", shirt, "10 open");
        assertThat(browser.find(By.id("scan-quantity")).getAttribute("value")).as("what is open").isEqualTo("10");
        receive("4");
        assertThat(browser.find(By.id("po-line-1")).getText()).contains(shirt, "4", "6");
        assertThat(onHand(api, shirt)).isEqualTo(4);

        scan(gtin);
        assertThat(browser.waitFor(By.id("scan-ok")).getText()).as("the GTIN names the shirt").contains(shirt,
                "6 open");
        receive("6");
        scan(mug.toUpperCase());
        receive("4");
        assertThat(browser.find(By.id("po-status")).getText()).isEqualTo("received");
        assertThat(onHand(api, shirt)).isEqualTo(10);
        assertThat(onHand(api, mug)).isEqualTo(4);
        browser.screenshot("purchase-receiving-scanner");
    }
    @Test
    void theScannedBinIsWhereTheGoodsLandAndABinWithoutRoomIsRefusedOnTheScreen() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String supplier = Fixtures.unique("SUP");
        expect(api.post("/api/v1/suppliers", Map.of("code", supplier, "name", "Lieferant " + supplier, "email",
                supplier.toLowerCase() + "@supplier.example", "leadTimeDays", 5, "currency", "EUR")), 201);
        String sku = fixtures.article("12.50", "EUR", "19");
        // one litre a unit; the near bin takes all 8, the far one only 2
        expect(api.put("/api/v1/articles/" + sku + "/dimensions", Map.of("lengthMm", 100, "widthMm", 100,
                "heightMm", 100)), 200);
        expect(api.put("/api/v1/locations/" + location + "/bins/NEAR-01", Map.of("pickSequence", 1, "lengthMm", 1000,
                "widthMm", 100, "heightMm", 100)), 200);
        expect(api.put("/api/v1/locations/" + location + "/bins/FAR-09", Map.of("pickSequence", 9, "lengthMm", 200,
                "widthMm", 100, "heightMm", 100)), 200);
        String number = expect(api.post("/api/v1/purchase-orders", Map.of("supplier", supplier, "location", location,
                "lines", List.of(Map.of("sku", sku, "quantity", 8, "unitPrice", "3.00"))), "Idempotency-Key",
                Fixtures.unique("po")), 201).json().get("number").asString();

        String name = Fixtures.unique("wh").toLowerCase();
        users.create(name, PASSWORD, Role.WAREHOUSE, "en", "test");
        browser.login(name, PASSWORD);
        browser.open("/purchasing/orders/" + number);

        scan(sku);
        assertThat(browser.waitFor(By.id("scan-bin")).getAttribute("value")).as("the suggestion: the nearest bin")
                .isEqualTo("NEAR-01");
        receiveInto("2", "FAR-09");
        assertThat(browser.waitFor(By.id("flash")).getText()).contains("Received 2");
        assertThat(held(api, location, "FAR-09")).as("where the bin's label was scanned").containsEntry(sku, 2L);
        assertThat(held(api, location, "NEAR-01")).doesNotContainKey(sku);

        scan(sku);
        receiveInto("3", "FAR-09");
        assertThat(browser.waitFor(By.id("flash")).getText()).as("the reason on the screen")
                .contains("do not fit bin FAR-09");
        assertThat(held(api, location, "FAR-09")).as("nothing received").containsEntry(sku, 2L);
        assertThat(onHand(api, sku)).isEqualTo(2);
        browser.screenshot("purchase-receiving-bin-full");
    }

    /** The quantity typed, then the bin's label scanned into the bin field (the scanner's Enter sends the form). */
    private void receiveInto(String quantity, String bin) {
        WebElement field = browser.waitFor(By.id("scan-quantity"));
        field.clear();
        field.sendKeys(quantity);
        WebElement binField = browser.find(By.id("scan-bin"));
        binField.clear();
        binField.sendKeys(bin + Keys.ENTER);
    }

    private static Map<String, Long> held(Api api, String location, String bin) {
        Map<String, Long> held = new HashMap<>();
        expect(api.get("/api/v1/locations/" + location + "/bins/" + bin + "/contents"), 200).json().get("items")
                .forEach(i -> held.put(i.get("sku").asString(), i.get("quantity").asLong()));
        return held;
    }
}
