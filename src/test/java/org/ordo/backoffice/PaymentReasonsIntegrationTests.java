package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the payment module writes into an order's timeline is stored as codes with arguments, so the history reads
 * in the agent's language: a Korean agent sees no English payment sentence.
 */
@IntegrationTest
class PaymentReasonsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    OrderManagement orders;

    @Test
    void bankTransfersAndARefundReadInKoreanInTheTimeline() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String sku = fixtures.article("10.00", "EUR", "19");
        fixtures.receive(sku, fixtures.location(1), 5);
        var placed = expect(api.placeOrder(Fixtures.order("EUR", sku, 2)), 201).json();
        String number = placed.get("number").asString();
        BigDecimal gross = new BigDecimal(placed.get("totals").get("gross").get("amount").asString());
        BigDecimal part = new BigDecimal("10.00");

        expect(transfer(api, number, part, "PART-" + number), 201);
        expect(transfer(api, number, gross.subtract(part), "REST-" + number), 201);
        expect(api.post("/api/v1/payments/refunds", Map.of("order", number, "amount", Map.of("amount", "5.00",
                "currency", "EUR"), "reference", "BACK-" + number)), 201);

        OrderView order = orders.require(UUID.fromString(placed.get("id").asString()));
        assertThat(order.timeline()).filteredOn(t -> "payment".equals(t.dimension()))
                .extracting(OrderView.TimelineEntry::reasonCode)
                .containsExactly("bank-transfer-with-reference.part-paid", "bank-transfer-with-reference",
                        "refund-booked.refunded");

        WebSession agent = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String english = timeline(agent.get("/orders/" + number).body());
        assertThat(english).contains("bank transfer of 10.00 EUR (PART-" + number + ") (paid 10.00 EUR of",
                "refund 5.00 EUR (refunded 5.00 EUR)");

        agent.post("/language", Map.of("lang", "ko", "back", "/orders/" + number));
        String korean = timeline(agent.get("/orders/" + number).body());
        agent.post("/language", Map.of("lang", "en", "back", "/orders/" + number));
        assertThat(korean).contains("10.00 EUR 계좌 이체 (PART-" + number + ")", "결제)", "환불 5.00 EUR (환불 합계 5.00 EUR)")
                .doesNotContain("bank transfer", "paid", "refund");
    }

    private static Api.Response transfer(Api api, String order, BigDecimal amount, String reference) {
        return api.post("/api/v1/payments/bank-transfers", Map.of("order", order,
                "amount", Map.of("amount", amount.toPlainString(), "currency", "EUR"), "reference", reference));
    }

    /** The timeline table of an order page. */
    private static String timeline(String page) {
        int start = page.indexOf("<table id=\"timeline\">");
        return page.substring(start, page.indexOf("</table>", start));
    }
}
