package org.ordo.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.backoffice.WebSession;
import org.ordo.platform.Role;
import org.ordo.platform.database.DatabaseServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;

/**
 * Nodes share nothing but the database, so ending a session must not depend on the node that ended it: a change
 * made by another node is refused here on the next request, and a session ended here is refused by another node's
 * fresh check against the database.
 */
@IntegrationTest
class SessionEndAcrossNodesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    DatabaseServer server;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aUserDisabledOnAnotherNodeIsRefusedHereOnTheNextRequest() {
        String name = Fixtures.unique("agent").toLowerCase();
        UUID id = users.create(name, "agent-password-1", Role.AGENT, "en", "test").id();
        WebSession session = WebSession.login(port, name, "agent-password-1");
        assertThat(session.get("/orders").status()).isEqualTo(200);

        Node other = Node.on(server);
        other.inTransaction(() -> other.users.enable(id, false));

        assertThat(session.get("/orders").location()).endsWith("/login");
    }

    @Test
    void aSessionWhoseRoleChangedHereIsRefusedByAnotherNodesFreshCheck() throws Exception {
        String name = Fixtures.unique("agent").toLowerCase();
        UUID id = users.create(name, "agent-password-1", Role.AGENT, "en", "test").id();
        WebSession.login(port, name, "agent-password-1");
        Person loggedIn = storedPrincipal(name);
        Node other = Node.on(server);
        assertThat(other.users.stillHasAccess(name, loggedIn.accessVersion())).isTrue();

        users.changeRole(id, Role.WAREHOUSE);

        assertThat(other.users.stillHasAccess(name, loggedIn.accessVersion())).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :n").param("n", name)
                .query(Long.class).single()).as("and its stored session is gone").isZero();
    }

    /** The principal of the user's stored session, as any node reads it from the session table. */
    private Person storedPrincipal(String name) throws Exception {
        byte[] bytes = jdbc.sql("""
                SELECT a.attribute_bytes FROM spring_session s
                JOIN spring_session_attributes a ON a.session_primary_id = s.primary_id
                WHERE s.principal_name = :n AND a.attribute_name = 'SPRING_SECURITY_CONTEXT'
                """).param("n", name).query(byte[].class).single();
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return (Person) ((SecurityContext) in.readObject()).getAuthentication().getPrincipal();
        }
    }
}
