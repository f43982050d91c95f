package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Admins manage people and API keys in the back office; nobody else may; forms need their CSRF token. */
@IntegrationTest
class AdminIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    Users users;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void anAdminCreatesAUserWhoLogsInWithTheirRoleAndIsDisabledLater() {
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String name = Fixtures.unique("agent").toLowerCase();
        String form = admin.get("/admin/users").body();
        assertThat(form.substring(form.indexOf("id=\"new-role\""))).as("a new user is not an admin by default")
                .containsPattern("<option value=\"AGENT\" selected=\"selected\"");
        assertThat(admin.get("/admin/api-keys").body()).as("a new key is not an admin's by default")
                .containsPattern("<option value=\"INTEGRATION\" selected=\"selected\"");
        WebSession.Page created = admin.post("/admin/users",
                Map.of("username", name, "password", "agent-password-1", "role", "AGENT", "locale", "de"));
        assertThat(created.status()).isEqualTo(302);
        assertThat(admin.follow(created).body()).contains("User " + name + " created.");
        assertThat(users.find(name)).get().satisfies(u -> {
            assertThat(u.role()).hasToString("AGENT");
            assertThat(u.locale()).isEqualTo("de");
        });

        WebSession agent = WebSession.login(port, name, "agent-password-1");
        assertThat(agent.get("/admin/users").status()).isEqualTo(403);
        WebSession.Page start = agent.get("/");
        assertThat((start.status() == 302 ? agent.follow(start) : start).body()).as("the user's language from the first page on").contains("Abmelden");

        UUID id = users.find(name).orElseThrow().id();
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "false"));
        assertThat(users.find(name).orElseThrow().enabled()).isFalse();
        assertThat(new WebSession(port).submitLogin(name, "agent-password-1").location()).endsWith("/login?error");

        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/enabled", Map.of("enabled", "true"));
        admin.get("/admin/users");
        admin.post("/admin/users/" + id + "/password", Map.of("password", "another-password-2"));
        assertThat(new WebSession(port).submitLogin(name, "agent-password-1").location()).endsWith("/login?error");
        WebSession.login(port, name, "another-password-2");
    }

    @Test
    void badInputIsNamedAndChangesNothing() {
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String name = Fixtures.unique("short").toLowerCase();
        admin.get("/admin/users");
        WebSession.Page refused = admin.post("/admin/users",
                Map.of("username", name, "password", "short", "role", "AGENT"));
        assertThat(admin.follow(refused).body()).contains("Not saved: Password: must be at least 10 characters");
        assertThat(users.find(name)).isEmpty();

        admin.get("/admin/users");
        admin.post("/admin/users", Map.of("username", name, "password", "long-enough-1", "role", "INTEGRATION"));
        assertThat(users.find(name)).as("integrations use API keys, not logins").isEmpty();

        UUID me = users.find("admin").orElseThrow().id();
        admin.get("/admin/users");
        WebSession.Page own = admin.post("/admin/users/" + me + "/enabled", Map.of("enabled", "false"));
        assertThat(admin.follow(own).body()).contains("You cannot take away your own admin access");
        assertThat(users.find("admin").orElseThrow().enabled()).isTrue();
    }

    @Test
    void sessionsLiveInTheDatabaseSoAnyNodeServesThem() {
        String name = Fixtures.unique("node").toLowerCase();
        users.create(name, "session-password-1", org.ordo.platform.Role.AGENT, "en", "test");
        WebSession.login(port, name, "session-password-1");
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE principal_name = :n").param("n", name)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String name = Fixtures.unique("csrf").toLowerCase();
        WebSession.Page forged = admin.postRaw("/admin/users",
                Map.of("username", name, "password", "long-enough-1", "role", "ADMIN"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(users.find(name)).isEmpty();
    }

    @Test
    void anIssuedKeyIsShownOnceWorksOnTheApiAndStopsWhenRevoked() {
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String name = Fixtures.unique("shop");
        admin.get("/admin/api-keys");
        WebSession.Page issued = admin.post("/admin/api-keys", Map.of("name", name, "role", "INTEGRATION"));
        String page = admin.follow(issued).body();
        var secret = Pattern.compile("id=\"issued-secret\">(ordo_[^<]+)<").matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        String key = secret.group(1);
        assertThat(admin.get("/admin/api-keys").body()).as("shown once only").doesNotContain(key).contains(name);

        Api api = Api.admin(port).as(key);
        assertThat(api.get("/api/v1/orders?limit=1").status()).isEqualTo(200);

        String id = Api.admin(port).get("/api/v1/api-keys").json().valueStream()
                .filter(k -> k.path("name").asString().equals(name)).findFirst().orElseThrow().path("id").asString();
        admin.get("/admin/api-keys");
        admin.post("/admin/api-keys/" + id + "/revoke", Map.of());
        assertThat(api.get("/api/v1/orders?limit=1").status()).isEqualTo(401);
    }

    @Test
    void peopleNeedToLogInAndTheApiStillAnswersWithProblems() {
        WebSession anonymous = new WebSession(port);
        WebSession.Page page = anonymous.get("/admin/users");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/login");
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        Api.Response script = Api.admin(port).as(null).get("/orders");
        assertThat(script.status()).as("any client without a login is sent to the login page").isEqualTo(302);
        assertThat(anonymous.get("/webjars/htmx.org/dist/htmx.min.js").status()).isEqualTo(200);
        assertThat(anonymous.get("/webjars/chart.js/dist/chart.umd.js").status()).isEqualTo(200);

        Api.Response api = Api.admin(port).as(null).get("/api/v1/orders");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }
}
