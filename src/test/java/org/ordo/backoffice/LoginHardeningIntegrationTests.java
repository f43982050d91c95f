package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.SecurityAuditLog;
import org.ordo.platform.security.SecurityEventKind;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The login form throttles guessing; every page carries a Content-Security-Policy and a Referrer-Policy; behind a
 * proxy that speaks HTTPS the session cookie is Secure. Requests come "through a proxy" (X-Forwarded-For) with an
 * address of their own, so that the failures here do not count against the other tests' address.
 */
@IntegrationTest
class LoginHardeningIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Users users;
    @Autowired
    SecurityAuditLog audit;

    @Test
    void thirtyWrongPasswordsAndThenTheRightOneIsRefusedToo() {
        String name = Fixtures.unique("target").toLowerCase();
        users.create(name, "right-password-1", Role.AGENT, "en", "test");
        String address = someAddress();
        WebSession guesser = new WebSession(port).withHeader("X-Forwarded-For", address);
        for (int i = 0; i < 30; i++) {
            assertThat(guesser.submitLogin(name, "wrong-password-" + i).location()).contains("/login?");
        }
        WebSession.Page right = guesser.submitLogin(name, "right-password-1");
        assertThat(right.location()).endsWith("/login?throttled");
        assertThat(guesser.follow(right).body()).contains("Too many failed logins");
        WebSession.Page elsewhere = new WebSession(port).withHeader("X-Forwarded-For", someAddress())
                .submitLogin(name, "right-password-1");
        assertThat(elsewhere.location()).as("the name is locked from every address").endsWith("/login?throttled");

        var events = audit.newestFirst(100, null).items().stream().filter(e -> e.subject().equals("user:" + name))
                .toList();
        assertThat(events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(SecurityEventKind.LOGIN_FAILED);
            assertThat(e.address()).as("the client's address, from the proxy").isEqualTo(address);
        });
        assertThat(events).anyMatch(e -> e.kind() == SecurityEventKind.LOGIN_THROTTLED);
        assertThat(events.stream().filter(e -> e.kind() == SecurityEventKind.LOGIN_FAILED))
                .as("the password was not even checked once locked").hasSize(5);
    }

    @Test
    void pagesCarryAContentSecurityPolicyAndAReferrerPolicy() {
        WebSession visitor = new WebSession(port);
        // The tracking page's address holds its access token: it sends no referrer at all, not even to itself.
        Map<String, String> referrerPolicies = Map.of("/login", "same-origin", "/track/not-a-token", "no-referrer");
        referrerPolicies.forEach((path, referrerPolicy) -> {
            WebSession.Page page = visitor.get(path);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .contains("style-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(page.header("Referrer-Policy")).as(path).isEqualTo(referrerPolicy);
        });
    }

    @Test
    void theSessionCookieIsSecureBehindAProxyThatSpeaksHttps() {
        String name = Fixtures.unique("agent").toLowerCase();
        users.create(name, "agent-password-1", Role.AGENT, "en", "test");

        WebSession plain = new WebSession(port).withHeader("X-Forwarded-For", someAddress());
        assertThat(plain.submitLogin(name, "agent-password-1").header("Set-Cookie")).contains("SESSION=")
                .doesNotContain("Secure");

        WebSession behindHttps = new WebSession(port).withHeader("X-Forwarded-Proto", "https")
                .withHeader("X-Forwarded-For", someAddress());
        assertThat(behindHttps.get("/login").header("Set-Cookie")).as("the login page's session (CSRF token)")
                .contains("SESSION=").contains("Secure");
        WebSession.Page login = behindHttps.submitLogin(name, "agent-password-1");
        assertThat(login.header("Set-Cookie")).contains("SESSION=").contains("Secure").contains("HttpOnly");
    }

    /** An address from the documentation range (RFC 5737), different for each use. */
    private static String someAddress() {
        var random = ThreadLocalRandom.current();
        return "198.51." + random.nextInt(100, 255) + "." + random.nextInt(1, 255);
    }

}
