package org.ordo.outsourcing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.outsourcing.internal.Partners;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partners' locations are read once per transaction (so a batch of released orders asks once whether any goes
 * to a partner), and a partner registered while such a transaction is open waits for it: no order released after
 * the registration misses its fulfilment request (docs/benchmarks.md, P4).
 */
@IntegrationTest
class PartnerLocationsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Partners partners;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aPartnerRegisteredWhileATransactionReadTheLocationsWaitsForItAndIsSeenByTheNext() throws Exception {
        Api api = Api.admin(port);
        String location = new Fixtures(api).location(1);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        TransactionTemplate inTransaction = new TransactionTemplate(transactions);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Set<String>> open = pool.submit(() -> inTransaction.execute(s -> {
                Set<String> first = partners.locations();
                read.countDown();
                try {
                    finish.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return first;
            }));
            assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();

            Future<Integer> registering = pool.submit(() -> api.put("/api/v1/fulfilment-partners/" + location,
                    Map.of("kind", "THIRD_PARTY_WAREHOUSE", "name", "Fulfil", "delivery", "FOLDER", "secret",
                            "3pl-secret-" + UUID.randomUUID())).status());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !registering.isDone());
            finish.countDown();
            assertThat(open.get(30, TimeUnit.SECONDS)).doesNotContain(location);
            assertThat(registering.get(30, TimeUnit.SECONDS)).isEqualTo(200);

            Set<String> after = inTransaction.execute(s -> partners.locations());
            assertThat(after).contains(location);
            assertThat(expect(api.get("/api/v1/fulfilment-partners/" + location), 200).json().get("name").asString())
                    .isEqualTo("Fulfil");
        } finally {
            finish.countDown();
            pool.shutdownNow();
        }
    }
}
