package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ordo.IntegrationTest;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Role;
import org.ordo.platform.database.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nobody locks the shop out: the last active admin key cannot be revoked and the last enabled admin user cannot be
 * disabled or demoted (409 last-admin), also when two admins try it at the same moment. Each test has a database of
 * its own, since the shared one always has the tests' bootstrap admin.
 */
@IntegrationTest
class NoLockoutIntegrationTests {

    private static final int ROUNDS = 8;
    private static ExecutorService pool;

    @Autowired
    DatabaseServer server;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void theLastActiveAdminKeyCannotBeRevoked() {
        Node node = Node.withOwnDatabase(server);
        var admin = node.inTransaction(() -> node.keys.issue("admin", Role.ADMIN, "test"));
        var shop = node.inTransaction(() -> node.keys.issue("shop", Role.INTEGRATION, "test"));

        assertThat(node.inTransaction(() -> node.keys.revoke(shop.info().id())).active()).isFalse();
        assertThatThrownBy(() -> node.inTransaction(() -> node.keys.revoke(admin.info().id())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last active admin key")
                .extracting(e -> ((ConflictException) e).type()).isEqualTo("last-admin");
        assertThat(node.keys.find(admin.info().id()).orElseThrow().active()).isTrue();
        assertThat(node.audit.newestFirst(10, null).items()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(SecurityEventKind.LOCKOUT_REFUSED);
            assertThat(e.subject()).isEqualTo("api-key:admin");
        });

        var second = node.inTransaction(() -> node.keys.issue("admin-2", Role.ADMIN, "test"));
        assertThat(node.inTransaction(() -> node.keys.revoke(admin.info().id())).active())
                .as("with another admin key it may go").isFalse();
        assertThat(node.keys.find(second.info().id()).orElseThrow().active()).isTrue();
    }

    @Test
    void twoRevocationsAtOnceOfTheLastTwoAdminKeysLeaveOneActive() throws Exception {
        Node node = Node.withOwnDatabase(server);
        UUID survivor = null;
        for (int round = 0; round < ROUNDS; round++) {
            UUID a = node.inTransaction(() -> node.keys.issue(UUID.randomUUID().toString(), Role.ADMIN, "t")).info().id();
            UUID b = node.inTransaction(() -> node.keys.issue(UUID.randomUUID().toString(), Role.ADMIN, "t")).info().id();
            if (survivor != null) {
                UUID last = survivor;
                node.inTransaction(() -> node.keys.revoke(last));
            }
            List<Boolean> revoked = race(() -> node.inTransaction(() -> node.keys.revoke(a)),
                    () -> node.inTransaction(() -> node.keys.revoke(b)));
            assertThat(revoked).as("round %d: exactly one revocation goes through", round)
                    .containsExactlyInAnyOrder(true, false);
            List<UUID> active = node.jdbc.sql("SELECT id FROM api_key WHERE role = 'ADMIN' AND active")
                    .query(UUID.class).list();
            assertThat(active).hasSize(1);
            survivor = active.get(0);
        }
    }

    @Test
    void theLastEnabledAdminUserCannotBeDisabledOrDemoted() {
        Node node = Node.withOwnDatabase(server);
        UUID anna = node.inTransaction(() -> node.users.create("anna", "anna-password-1", Role.ADMIN, "en", "t")).id();
        node.inTransaction(() -> node.users.create("ben", "ben-password-1", Role.AGENT, "en", "t"));

        assertThatThrownBy(() -> node.inTransaction(() -> node.users.enable(anna, false)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last enabled admin");
        assertThatThrownBy(() -> node.inTransaction(() -> node.users.changeRole(anna, Role.AGENT)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("last enabled admin");
        assertThat(node.users.require(anna)).satisfies(u -> {
            assertThat(u.enabled()).isTrue();
            assertThat(u.role()).isEqualTo(Role.ADMIN);
        });

        UUID carla = node.inTransaction(() -> node.users.create("carla", "carla-password-1", Role.ADMIN, "en", "t"))
                .id();
        assertThat(node.inTransaction(() -> node.users.changeRole(anna, Role.AGENT)).role()).isEqualTo(Role.AGENT);
        assertThatThrownBy(() -> node.inTransaction(() -> node.users.enable(carla, false)))
                .as("now carla is the last").isInstanceOf(ConflictException.class);
    }

    @Test
    void twoAdminsTakingEachOthersAccessAtOnceLeaveOneAdmin() throws Exception {
        Node node = Node.withOwnDatabase(server);
        UUID survivor = null;
        for (int round = 0; round < ROUNDS; round++) {
            UUID a = node.inTransaction(() -> node.users.create("a" + UUID.randomUUID().toString().substring(0, 8),
                    "a-password-123", Role.ADMIN, "en", "t")).id();
            UUID b = node.inTransaction(() -> node.users.create("b" + UUID.randomUUID().toString().substring(0, 8),
                    "b-password-123", Role.ADMIN, "en", "t")).id();
            if (survivor != null) {
                UUID last = survivor;
                node.inTransaction(() -> node.users.enable(last, false));
            }
            List<Boolean> done = race(() -> node.inTransaction(() -> node.users.enable(a, false)),
                    () -> node.inTransaction(() -> node.users.changeRole(b, Role.WAREHOUSE)));
            assertThat(done).as("round %d", round).containsExactlyInAnyOrder(true, false);
            List<UUID> admins = node.jdbc.sql("SELECT id FROM users WHERE role = 'ADMIN' AND enabled")
                    .query(UUID.class).list();
            assertThat(admins).hasSize(1);
            survivor = admins.get(0);
        }
    }

    /** Runs both at the same moment; true for each that went through, false for each refused with 409. */
    private static List<Boolean> race(Runnable one, Runnable other) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Boolean>> results = new ArrayList<>();
        for (Runnable work : List.of(one, other)) {
            results.add(pool.submit(() -> {
                start.await();
                try {
                    work.run();
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            }));
        }
        List<Boolean> outcomes = new ArrayList<>();
        for (Future<Boolean> result : results) {
            outcomes.add(result.get());
        }
        return outcomes;
    }
}
