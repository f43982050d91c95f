package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.jupiter.api.Test;
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
}
