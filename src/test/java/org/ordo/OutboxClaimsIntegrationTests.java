package org.ordo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.channels.internal.ChangeNotices;
import org.ordo.channels.internal.Fulfilments;
import org.ordo.outsourcing.internal.FulfilmentRequests;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outboxes' shared rule (docs/design.md, "Outboxes"): an outcome holds only while the claim that took the row
 * does. Two nodes are played here by two claims of the same row: the first node's lease runs out mid-call, the second
 * claims the row again and gets it through; the first node's late answer must change nothing, else the receiver is
 * told twice. Each test runs in one transaction that is rolled back, with times long past: no other row is due that
 * early, and the nodes' own dispatchers never see the uncommitted row.
 */
@IntegrationTest
class OutboxClaimsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Fulfilments shopReports;
    @Autowired
    FulfilmentRequests partnerRequests;
    @Autowired
    ChangeNotices changeNotices;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    private static final Instant LONG_AGO = Instant.parse("2001-01-01T00:00:00Z");

    private Api api;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
    }

    @Test
    void aShopReportSentByTheSecondNodeStaysSentWhenTheFirstNodesLateFailureComes() {
        String code = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        expect(api.post("/api/v1/channels", Map.of("type", "SHOPIFY", "code", code, "secret",
                "shpss_" + UUID.randomUUID(), "apiUrl", "https://" + code + ".myshopify.com/admin/api/2025-07/",
                "apiToken", "shpat_" + UUID.randomUUID())), 201);
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("INSERT INTO shop_order (order_id, channel_code, platform_order_id) VALUES (:o, :c, :p)")
                    .param("o", order).param("c", code).param("p", "P-" + order).update();
            Instant now = LONG_AGO;
            shopReports.enqueue(shipment, order, "DHL", "00340434161094042557", null, now);

            Fulfilments.Due first = mine(shopReports.claim(now, now, 1_000), shipment);
            // the first node's lease has run out (it ends at "now"): the second node claims the row again
            Fulfilments.Due second = mine(shopReports.claim(now.plusSeconds(1), now.plusSeconds(300), 1_000), shipment);
            assertThat(second.claim()).isNotEqualTo(first.claim());

            assertThat(shopReports.sent(second, now.plusSeconds(2))).isTrue();
            assertThat(shopReports.failed(first, "timed out", now.plusSeconds(60))).as("the lost claim").isFalse();
            assertThat(shopReports.sent(first, now.plusSeconds(3))).isFalse();
            assertThat(jdbc.sql("SELECT status FROM shop_fulfilment WHERE shipment_id = :s").param("s", shipment)
                    .query(String.class).single()).isEqualTo("SENT");
        });
    }

    @Test
    void aChangeNoticeSentByTheSecondNodeStaysSentWhenTheFirstNodesLateFailureComes() {
        String code = "claims-" + UUID.randomUUID().toString().substring(0, 8);
        expect(api.post("/api/v1/channels", Map.of("type", "SHOPIFY", "code", code, "secret",
                "shpss_" + UUID.randomUUID(), "apiUrl", "https://" + code + ".myshopify.com/admin/api/2025-07/",
                "apiToken", "shpat_" + UUID.randomUUID())), 201);
        UUID order = UUID.randomUUID();
        UUID change = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("INSERT INTO shop_order (order_id, channel_code, platform_order_id) VALUES (:o, :c, :p)")
                    .param("o", order).param("c", code).param("p", "P-" + order).update();
            Instant now = LONG_AGO;
            changeNotices.enqueue(change, order, 2, now);

            ChangeNotices.Notice first = changeNotices.claim(now, now, 1_000).stream()
                    .filter(n -> n.changeId().equals(change)).findFirst().orElseThrow();
            ChangeNotices.Notice second = changeNotices.claim(now.plusSeconds(1), now.plusSeconds(300), 1_000)
                    .stream().filter(n -> n.changeId().equals(change)).findFirst().orElseThrow();

            assertThat(changeNotices.sent(second, now.plusSeconds(2))).isTrue();
            assertThat(changeNotices.failed(first, "timed out", now.plusSeconds(60))).as("the lost claim").isFalse();
            assertThat(changeNotices.ofOrder(order)).extracting(ChangeNotices.Notice::status).containsExactly("SENT");
        });
    }

    @Test
    void aPartnerRequestSentByTheSecondNodeStaysSentWhenTheFirstNodesLateFailureComes() {
        String location = fixtures.location(1);
        expect(api.put("/api/v1/fulfilment-partners/" + location, Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name",
                "Claims GmbH", "delivery", "FOLDER", "secret", "claims-secret-" + UUID.randomUUID())), 200);
        UUID order = UUID.randomUUID();
        Instant now = LONG_AGO;
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            assertThat(partnerRequests.enqueue(UUID.randomUUID(), location, order, "SO-CLAIMS", "{}", BigDecimal.ONE,
                    BigDecimal.TEN, "EUR", now)).isTrue();

            FulfilmentRequests.Due first = partnerRequests.claim(now, now, 1_000).stream()
                    .filter(d -> d.location().equals(location)).findFirst().orElseThrow();
            FulfilmentRequests.Due second = partnerRequests.claim(now.plusSeconds(1), now.plusSeconds(300), 1_000)
                    .stream().filter(d -> d.location().equals(location)).findFirst().orElseThrow();

            assertThat(partnerRequests.sent(second, "folder", now.plusSeconds(2))).isTrue();
            assertThat(partnerRequests.failed(first, "timed out", now.plusSeconds(60))).as("the lost claim").isFalse();
            assertThat(partnerRequests.of(order, location).orElseThrow().status().name()).isEqualTo("SENT");
        });
    }

    private static Fulfilments.Due mine(List<Fulfilments.Due> claimed, UUID shipment) {
        return claimed.stream().filter(d -> d.shipmentId().equals(shipment)).findFirst().orElseThrow();
    }
}
