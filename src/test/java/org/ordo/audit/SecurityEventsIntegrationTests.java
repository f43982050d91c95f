package org.ordo.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ordo.Fixtures.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.backoffice.WebSession;
import org.ordo.platform.Role;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Admins read the security audit log in the API and the back office; nobody can change it. */
@IntegrationTest
class SecurityEventsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    SecurityAuditLog log;
    @Autowired
    JdbcClient jdbc;

    @Test
    void changesToAUserAndAKeyAreListedNewestFirstWithWhoDidThem() {
        Api admin = Api.admin(port);
        String name = Fixtures.unique("audited").toLowerCase();
        UUID id = users.create(name, "audited-password-1", Role.AGENT, "en", "test").id();
        users.changeRole(id, Role.WAREHOUSE);
        users.resetPassword(id, "audited-password-2");
        users.enable(id, false);
        users.enable(id, true);
        String keyName = Fixtures.unique("audited-key");
        String keyId = expect(admin.post("/api/v1/api-keys", java.util.Map.of("name", keyName, "role", "AGENT")),
                201).json().path("info").path("id").asString();
        expect(admin.post("/api/v1/api-keys/" + keyId + "/revoke", java.util.Map.of()), 200);

        List<JsonNode> mine = new ArrayList<>();
        String after = null;
        do { // small pages, to walk the keyset paging too
            JsonNode page = expect(admin.get("/api/v1/audit/security-events?limit=3"
                    + (after == null ? "" : "&after=" + after)), 200).json();
            page.path("items").forEach(e -> {
                if (e.path("subject").asString().equals("user:" + name)
                        || e.path("subject").asString().equals("api-key:" + keyName)) {
                    mine.add(e);
                }
            });
            after = page.path("next").isNull() ? null : page.path("next").asString();
        } while (after != null && mine.size() < 7);

        assertThat(mine).extracting(e -> e.path("kind").asString()).containsExactly("API_KEY_REVOKED",
                "API_KEY_ISSUED", "USER_ENABLED", "USER_DISABLED", "USER_PASSWORD_RESET", "USER_ROLE_CHANGED",
                "USER_CREATED");
        assertThat(mine.get(0).path("actor").asString()).isEqualTo("api-key:bootstrap");
        assertThat(mine.get(5).path("detail").asString()).isEqualTo("AGENT -> WAREHOUSE");
    }

    @Test
    void onlyAdminsReadItAndBadPagingIsNamed() {
        Api agent = Api.admin(port).withNewKey("AGENT");
        assertThat(agent.get("/api/v1/audit/security-events").status()).isEqualTo(403);
        Api admin = Api.admin(port);
        assertThat(admin.get("/api/v1/audit/security-events?after=nonsense").errorFields()).containsExactly("after");
        assertThat(admin.get("/api/v1/audit/security-events?limit=0").errorFields()).containsExactly("limit");
    }

    @Test
    void aWebhookWithAForgedSignatureIsRecorded() {
        long now = java.time.Instant.now().getEpochSecond();
        String body = "{\"eventId\":\"" + Fixtures.unique("forged") + "\"}";
        assertThat(Api.admin(port).webhook("/api/v1/shipping/webhooks/tracking", "X-Ordo-Signature",
                "not-the-secret", now, body).status()).isEqualTo(400);
        assertThat(log.newestFirst(10, null).items()).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(SecurityEventKind.WEBHOOK_REJECTED);
            assertThat(e.subject()).isEqualTo("webhook:/api/v1/shipping/webhooks/tracking");
            assertThat(e.detail()).isEqualTo("the signature does not match");
        });
    }

    @Test
    void theLogIsAppendOnly() {
        log.record(SecurityEventKind.SETTING_CHANGED, "setting:test", "recorded by a test");
        assertThatThrownBy(() -> jdbc.sql("UPDATE security_event SET detail = 'forged'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM security_event").update())
                .hasMessageContaining("append-only");
    }

    @Test
    void aRefusalIsKeptEvenWhenTheCallersTransactionRollsBack() {
        String subject = "webhook:" + Fixtures.unique("psp");
        var transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        transactions.executeWithoutResult(status -> {
            log.recordRefusal(SecurityEventKind.WEBHOOK_REJECTED, subject, "bad signature");
            log.record(SecurityEventKind.SETTING_CHANGED, subject, "undone with the caller");
            status.setRollbackOnly();
        });
        assertThat(log.newestFirst(20, null).items()).filteredOn(e -> e.subject().equals(subject))
                .extracting(SecurityAuditLog.SecurityEvent::kind).containsExactly(SecurityEventKind.WEBHOOK_REJECTED);
    }

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    @Test
    void adminsReadItInTheBackOffice() {
        String name = Fixtures.unique("screened").toLowerCase();
        users.create(name, "screened-password-1", Role.AGENT, "en", "test");
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        String page = admin.get("/admin/security-events").body();
        assertThat(page).contains("Security log").contains(">" + name + "</td>").contains("User created");
        WebSession agent = WebSession.login(port, name, "screened-password-1");
        assertThat(agent.get("/admin/security-events").status()).isEqualTo(403);
    }
}
