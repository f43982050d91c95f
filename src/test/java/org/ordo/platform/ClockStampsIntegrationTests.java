package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.TestClock;
import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.ArticleType;
import org.ordo.catalog.Catalog;
import org.ordo.party.CustomerDraft;
import org.ordo.party.PartyManagement;
import org.ordo.party.SupplierDraft;
import org.ordo.platform.security.ApiKeys;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * People, keys, articles, suppliers and customers are stamped by the application's clock, not by the database's
 * {@code now()}: work backdated with {@link Backdating#at} (as the demo history is) or done under a moved test clock
 * carries that moment, so no test needs to rewrite a timestamp in SQL.
 */
@IntegrationTest
class ClockStampsIntegrationTests {

    @Autowired
    Users users;
    @Autowired
    ApiKeys keys;
    @Autowired
    Catalog catalog;
    @Autowired
    PartyManagement party;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.ordo.edi.internal.EdiMessages ediMessages;
    @LocalServerPort
    int port;

    private final Instant tenDaysAgo = Instant.now().minus(10, ChronoUnit.DAYS);

    @Test
    void whatIsMadeWhileBackdatedCarriesThePastMoment() {
        String name = Fixtures.unique("clk").toLowerCase();
        Backdating.at(tenDaysAgo, () -> {
            assertThat(users.create(name, "a-long-password", Role.AGENT, "en", "test").createdAt())
                    .isCloseTo(tenDaysAgo, within(1, ChronoUnit.MINUTES));
            assertThat(keys.issue(name, Role.INTEGRATION, "test").info().createdAt())
                    .isCloseTo(tenDaysAgo, within(1, ChronoUnit.MINUTES));
            assertThat(catalog.register(new ArticleDraft(name.toUpperCase(), ArticleType.PHYSICAL,
                    Map.of("en", "Clock test"), new MoneyInput("9.90", "EUR"), "19", null, null, null, null, null,
                    null))
                    .createdAt()).isCloseTo(tenDaysAgo, within(1, ChronoUnit.MINUTES));
            assertThat(party.registerSupplier(new SupplierDraft(name.toUpperCase(), "Clock Supplies", null, null,
                    null, 5, "EUR", "en")).createdAt()).isCloseTo(tenDaysAgo, within(1, ChronoUnit.MINUTES));
            assertThat(party.registerCustomer(CustomerDraft.contact(name + "@example.com", "Clara Clock", "en")).createdAt())
                    .isCloseTo(tenDaysAgo, within(1, ChronoUnit.MINUTES));
        });
    }

    @Test
    void aRevocationUnderAMovedClockIsStampedWithThatMoment() {
        ApiKeys.ApiKeyInfo key = keys.issue(Fixtures.unique("clk"), Role.INTEGRATION, "test").info();
        Instant[] revokedAt = new Instant[1];
        TestClock.movedBy(Duration.ofDays(3), () -> revokedAt[0] = keys.revoke(key.id()).revokedAt());
        assertThat(revokedAt[0]).isCloseTo(Instant.now().plus(3, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void stockLevelsAndEdiMessagesAreStampedUnderAMovedClock() {
        Api api = Api.admin(port);
        Fixtures fixtures = new Fixtures(api);
        String location = fixtures.location(1);
        String sku = fixtures.article("4.00", "EUR", "19");
        String customer = Fixtures.expect(api.post("/api/v1/customers", Map.of("email", Fixtures.unique("edi")
                .toLowerCase() + "@example.com", "name", "Einkauf", "type", "BUSINESS", "company", "Markt GmbH")), 201)
                .json().get("id").asString();
        String partner = Fixtures.unique("CLK").replace("-", "");
        Fixtures.expect(api.post("/api/v1/edi/partners", Map.ofEntries(Map.entry("code", partner),
                Map.entry("name", "Markt"), Map.entry("customerId", customer), Map.entry("standard", "EDIFACT"),
                Map.entry("version", "D96A"), Map.entry("senderQualifier", "14"), Map.entry("senderId", Fixtures.gtin()),
                Map.entry("recipientQualifier", "14"), Map.entry("recipientId", Fixtures.gtin()),
                Map.entry("articleNumbers", "GTIN"), Map.entry("currency", "EUR"),
                Map.entry("paymentMethod", "invoice"), Map.entry("shipTo", Fixtures.address("Markt Lager", "DE")))),
                201);
        Instant threeDaysOn = Instant.now().plus(3, ChronoUnit.DAYS);

        TestClock.movedBy(Duration.ofDays(3), () -> {
            fixtures.receive(sku, location, 5);
            ediMessages.recordOutgoing(partner, "ORDRSP", "CLOCK-1", 1, "UNH+1+ORDRSP'", null);
        });

        assertThat(jdbc.sql("SELECT updated_at FROM stock_level WHERE sku = :sku").param("sku", sku)
                .query(java.sql.Timestamp.class).single().toInstant())
                .isCloseTo(threeDaysOn, within(1, ChronoUnit.MINUTES));
        assertThat(jdbc.sql("SELECT created_at FROM edi_message WHERE partner_code = :partner")
                .param("partner", partner).query(java.sql.Timestamp.class).single().toInstant())
                .isCloseTo(threeDaysOn, within(1, ChronoUnit.MINUTES));
    }
}
