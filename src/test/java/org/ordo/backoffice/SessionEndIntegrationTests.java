package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.inventory.InventoryManagement;
import org.ordo.platform.Role;
import org.ordo.platform.security.ApiKeys;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Access ends when it is taken away (invariant 11 in docs/design.md): a session opened before a user was disabled,
 * given another role or a new password grants nothing from its next request on.
 */
@IntegrationTest
class SessionEndIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    ApiKeys keys;

    @Autowired
    InventoryManagement inventory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDemotedAdminCannotIssueAnAdminKeyFromTheSessionOpenedBefore() {
        String name = Fixtures.unique("boss").toLowerCase();
        UUID id = users.create(name, "boss-password-1", Role.ADMIN, "en", "test").id();
        WebSession demoted = WebSession.login(port, name, "boss-password-1");
        assertThat(demoted.get("/admin/api-keys").status()).as("an admin before").isEqualTo(200);

        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/role", Map.of("role", "AGENT"));
        assertThat(users.require(id).role()).isEqualTo(Role.AGENT);

        String keyName = Fixtures.unique("escalation");
        WebSession.Page issued = demoted.post("/admin/api-keys", Map.of("name", keyName, "role", "ADMIN"));
        assertThat(refused(issued)).as("answer %s %s", issued.status(), issued.location()).isTrue();
        assertThat(keys.list()).noneMatch(k -> k.name().equals(keyName));
        assertThat(demoted.get("/admin/api-keys").location()).as("the old session is over").endsWith("/login");
        assertThat(storedSessionsOf(name)).isZero();
    }

    @Test
    void aDisabledWarehouseUserCannotReceiveStockFromTheSessionOpenedBefore() {
        var fixtures = new Fixtures(Api.admin(port));
        String location = fixtures.location(1);
        String sku = fixtures.article("5.00", "EUR", "19");
        String name = Fixtures.unique("picker").toLowerCase();
        UUID id = users.create(name, "picker-password-1", Role.WAREHOUSE, "en", "test").id();
        WebSession warehouse = WebSession.login(port, name, "picker-password-1");
        assertThat(warehouse.get("/warehouse/receive?location=" + location).status()).isEqualTo(200);

        users.enable(id, false);

        WebSession.Page received = warehouse.post("/warehouse/receive",
                Map.of("sku", sku, "location", location, "quantity", "40", "reference", "PO-1"));
        assertThat(refused(received)).as("answer %s %s", received.status(), received.location()).isTrue();
        assertThat(inventory.stock(sku).onHand()).as("nothing was received").isZero();
        WebSession.Page htmx = warehouse.withHeader("HX-Request", "true").get("/warehouse");
        assertThat(htmx.status()).as("htmx requests learn it too").isEqualTo(401);
        assertThat(htmx.header("HX-Redirect")).endsWith("/login");
    }

    @Test
    void aNewPasswordEndsTheSessionsOpenedWithTheOldOne() {
        String name = Fixtures.unique("agent").toLowerCase();
        UUID id = users.create(name, "agent-password-1", Role.AGENT, "en", "test").id();
        WebSession before = WebSession.login(port, name, "agent-password-1");
        WebSession other = WebSession.login(port, name, "agent-password-1");
        assertThat(before.get("/orders").status()).isEqualTo(200);

        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/password", Map.of("password", "agent-password-2"));

        assertThat(before.get("/orders").location()).endsWith("/login");
        assertThat(other.get("/orders").location()).as("every session of the user").endsWith("/login");
        assertThat(WebSession.login(port, name, "agent-password-2").get("/orders").status()).isEqualTo(200);
    }

    @Test
    void aRoleGivenBackDoesNotReviveAnOldSession() {
        String name = Fixtures.unique("agent").toLowerCase();
        UUID id = users.create(name, "agent-password-1", Role.AGENT, "en", "test").id();
        WebSession old = WebSession.login(port, name, "agent-password-1");
        users.changeRole(id, Role.WAREHOUSE);
        users.changeRole(id, Role.AGENT);
        assertThat(old.get("/orders").location()).as("the same role again, but a new grant").endsWith("/login");
    }

    private long storedSessionsOf(String name) {
        return jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :n").param("n", name)
                .query(Long.class).single();
    }

    /** Sent to the login page, or forbidden (the CSRF token died with the session). */
    private static boolean refused(WebSession.Page answer) {
        return answer.status() == 403 || answer.status() == 401
                || (answer.status() == 302 && answer.location().endsWith("/login"));
    }
}
