package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.ordo.Api;
import org.ordo.DeliveredOrders;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.returns.PackingSlips;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A Korean customer sends part of a delivered order back from the link in their mails, in a real browser. */
@IntegrationTest
class CustomerReturnBrowserIntegrationTests {

    private static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    PackingSlips slips;

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
    void aKoreanCustomerAnnouncesAReturnFromTheOrderPageInKorean() {
        Api api = Api.admin(port);
        Api warehouse = api.withNewKey("WAREHOUSE");
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("25000", "KRW", "10");
        fixtures.receive(sku, location, 5);
        Map<String, Object> body = new HashMap<>(Fixtures.order("KRW", sku, 2));
        body.put("customer", Map.of("email", Fixtures.unique("minji").toLowerCase() + "@example.com", "name",
                "김민지", "locale", "ko"));
        JsonNode order = expect(api.placeOrder(body), 201).json();
        expect(api.post("/api/v1/payments/bank-transfers", Map.of("order", order.get("number").asString(),
                "amount", Map.of("amount", order.get("totals").get("gross").get("amount").asString(),
                        "currency", "KRW"))), 201);
        DeliveredOrders orders = new DeliveredOrders(api, warehouse);
        orders.delivered(orders.ship(order, location, Map.of(1, 2L)));
        String link = slips.returnLink(UUID.fromString(order.get("id").asString()));

        browser.open(link.substring(link.indexOf("/track/")));
        browser.waitFor(By.id("start-return"));
        assertThat(browser.find(By.id("start-return")).getText()).isEqualTo("반품하기");
        browser.find(By.id("start-return")).click();
        browser.waitFor(By.id("return-form"));
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("주문 " + order.get("number").asString()
                + " 반품");
        assertThat(browser.find(By.id("return-line-1")).getText()).contains(sku, "/ 2");
        browser.find(By.id("quantity-1")).clear();
        browser.find(By.id("quantity-1")).sendKeys("1");
        Select reason = new Select(browser.find(By.id("reason-1")));
        assertThat(reason.getOptions()).extracting(o -> o.getText()).contains("사이즈가 맞지 않음", "단순 변심");
        reason.selectByValue("CHANGED_MIND");
        browser.screenshot("customer-return-ko");
        browser.find(By.id("return-submit")).click();

        browser.waitFor(By.id("track-returned"));
        JsonNode returns = expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns"), 200).json();
        assertThat(returns).singleElement().satisfies(r -> {
            assertThat(r.get("status").asString()).isEqualTo("AUTHORIZED");
            assertThat(r.get("lines").get(0).get("quantity").asLong()).isEqualTo(1);
            assertThat(r.get("lines").get(0).get("reason").asString()).isEqualTo("CHANGED_MIND");
        });
        String rma = returns.get(0).get("number").asString();
        assertThat(browser.find(By.id("track-returned")).getText()).contains(rma, "접수되었습니다");
        assertThat(browser.find(By.id("return-" + rma)).getText()).contains("접수됨");

        // One unit is left to send back; the form offers only that.
        browser.find(By.id("start-return")).click();
        browser.waitFor(By.id("return-form"));
        assertThat(browser.find(By.id("return-line-1")).getText()).contains("/ 1");

        // The last one is exchanged for another article. Asked without saying which, and with a wrong IBAN, the
        // rules' refusals come back in Korean and nothing is made.
        String other = fixtures.article("25000", "KRW", "10");
        fixtures.receive(other, location, 3);
        browser.find(By.id("quantity-1")).clear();
        browser.find(By.id("quantity-1")).sendKeys("1");
        browser.find(By.id("resolution-exchange")).click();
        browser.find(By.id("return-iban")).sendKeys("XX12");
        browser.find(By.id("return-submit")).click();
        browser.waitFor(By.id("return-problem"));
        assertThat(browser.find(By.id("return-problem")).getText()).contains(
                "교환하려면 대신 받을 상품 번호를 입력해 주십시오.", "IBAN이 올바르지 않습니다");
        assertThat(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns").json()).hasSize(1);

        browser.find(By.id("return-iban")).clear();
        browser.find(By.id("exchange-sku")).sendKeys(other);
        browser.find(By.id("return-submit")).click();
        browser.waitFor(By.id("track-returned"));
        JsonNode both = expect(api.get("/api/v1/orders/" + order.get("id").asString() + "/returns"), 200).json();
        assertThat(both).hasSize(2);
        JsonNode exchange = both.get(0).get("resolution").asString().equals("EXCHANGE") ? both.get(0) : both.get(1);
        assertThat(exchange.get("resolution").asString()).isEqualTo("EXCHANGE");
        JsonNode replacement = expect(api.get("/api/v1/orders/" + exchange.get("replacement").get("orderId")
                .asString()), 200).json();
        assertThat(replacement.get("lines").get(0).get("sku").asString()).isEqualTo(other);
        assertThat(replacement.get("lines").get(0).get("reserved").asLong()).isEqualTo(1);
    }
}
