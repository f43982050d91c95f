package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ordo.Fixtures.expect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.mailroom.Mailbox;
import org.ordo.mailroom.MailboxSetup;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An administrator sets up a mailbox in the back office against a real IMAP server (GreenMail): a wrong password
 * fails the test, a corrected one passes, mail is fetched from it into the review queue, the password is stored
 * sealed and never shown, a disabled mailbox is no longer polled, and only administrators reach the page.
 */
@IntegrationTest
class MailboxScreensIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    MailboxSetup setup;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;

    GreenMail imap;
    int imapPort;

    @BeforeEach
    void startImap() {
        imapPort = freePort();
        imap = new GreenMail(new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        imap.start();
    }

    @AfterEach
    void stopImap() {
        imap.stop();
    }

    @Test
    void anAdminSetsUpTestsAndDisablesAMailboxThatOrdersArriveIn() throws Exception {
        String name = Fixtures.unique("box").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        String password = "imap-" + Fixtures.unique("pw");
        GreenMailUser account = imap.setUser(name + "@shop.test", name, password);
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        assertThat(admin.get("/admin/users").body()).contains("id=\"to-mailboxes\"");
        assertThat(admin.get("/admin/mailboxes").body()).contains("id=\"new-mailbox\"");

        // a port that is no number is refused naming the field, and nothing is stored
        WebSession.Page refused = admin.follow(admin.post("/admin/mailboxes", form(name, "zwei", "wrong")));
        assertThat(refused.body()).contains("Port: must be a whole number");
        assertThat(setup.mailboxes()).noneMatch(m -> m.name().equals(name));
        // a port in other digits than ASCII ones is no number the form takes (Integer.parseInt would read 993)
        refused = admin.follow(admin.post("/admin/mailboxes", form(name, "\u0669\u0669\u0663", "wrong")));
        assertThat(refused.body()).contains("Port: must be a whole number");
        // the TLS checkbox sends "true" or nothing: any other value is none of the form's choices
        Map<String, String> maybe = form(name, String.valueOf(imapPort), "wrong");
        maybe.put("ssl", "maybe");
        refused = admin.follow(admin.post("/admin/mailboxes", maybe));
        assertThat(refused.body()).contains("flash error").contains("TLS: must be true (checked) or absent");
        assertThat(setup.mailboxes()).noneMatch(m -> m.name().equals(name));

        WebSession.Page added = admin.post("/admin/mailboxes", form(name, String.valueOf(imapPort), "wrong"));
        assertThat(added.status()).isEqualTo(302);
        assertThat(added.location()).endsWith("/admin/mailboxes/" + name);
        admin.get("/admin/mailboxes/" + name);
        WebSession.Page failed = admin.follow(admin.post("/admin/mailboxes/" + name + "/test", Map.of()));
        assertThat(failed.body()).contains("The test failed");
        assertThat(setup.mailbox(name).lastTest()).startsWith("FAILED");

        // the right password; the rest of the form as it was
        Map<String, String> corrected = form(name, String.valueOf(imapPort), password);
        corrected.remove("name");
        admin.follow(admin.post("/admin/mailboxes/" + name, corrected));
        WebSession.Page passed = admin.follow(admin.post("/admin/mailboxes/" + name + "/test", Map.of()));
        assertThat(passed.body()).contains("Connected: logged in; folder INBOX holds 0 mail(s)");
        // a change without a password keeps the stored one
        Map<String, String> keep = new LinkedHashMap<>(corrected);
        keep.put("password", "");
        keep.put("maxMailMebibytes", "10");
        admin.follow(admin.post("/admin/mailboxes/" + name, keep));
        assertThat(setup.test(name).ok()).isTrue();
        assertThat(setup.mailbox(name).maxMailBytes()).isEqualTo(10L * 1024 * 1024);

        // sealed at rest, never shown
        byte[] sealed = jdbc.sql("SELECT password_sealed FROM mailbox WHERE name = :n").param("n", name)
                .query(byte[].class).single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(password);
        assertThat(admin.get("/admin/mailboxes/" + name).body()).doesNotContain(password);
        assertThat(admin.get("/admin/mailboxes").body()).doesNotContain(password).contains("id=\"mailbox-" + name + "\"");

        // polled beside the settings' mailboxes: a mail in it lands in the review queue
        String sender = Fixtures.unique("buyer").toLowerCase() + "@example.com";
        account.deliver(mail(sender, name + "@shop.test", "Please call me back about an order."));
        assertThat(setup.polled()).extracting(Mailbox::name).contains(name);
        WebSession.Page fetched = admin.follow(admin.post("/admin/mailboxes/" + name + "/poll", Map.of()));
        assertThat(fetched.body()).contains("Fetched: 1 new mail, 1 stored.");
        Api api = Api.admin(port);
        boolean queued = false;
        for (JsonNode e : expect(api.get("/api/v1/review-entries?limit=200"), 200).json().get("items")) {
            queued |= sender.equals(e.get("sender").asString(null));
        }
        assertThat(queued).as("the mail waits in review").isTrue();

        admin.follow(admin.post("/admin/mailboxes/" + name + "/disable", Map.of()));
        assertThat(setup.polled()).extracting(Mailbox::name).doesNotContain(name);
        assertThat(admin.follow(admin.post("/admin/mailboxes/" + name + "/poll", Map.of())).body())
                .contains("is disabled");
        assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE subject = :s").param("s", "mailbox:" + name)
                .query(Long.class).single()).as("added, changed twice, disabled").isEqualTo(4);

        // a name in use is refused; agents do not reach the page at all
        assertThat(admin.follow(admin.post("/admin/mailboxes", form(name, String.valueOf(imapPort), password)))
                .body()).contains("exists");
        String agent = Fixtures.unique("agent").toLowerCase();
        users.create(agent, "agent-password-1", Role.AGENT, "en", "test");
        WebSession asAgent = WebSession.login(port, agent, "agent-password-1");
        assertThat(asAgent.get("/admin/mailboxes").status()).isEqualTo(403);
        assertThat(asAgent.get("/admin/mailboxes/" + name).status()).isEqualTo(403);
    }

    /**
     * A mailbox's page exists only for a mailbox that does: an action posted for any other name (an old link, a name
     * typed into the address, one with template braces) lands on the list, which says there is no such mailbox, and
     * nothing is stored or logged.
     */
    @Test
    void anActionOnAMailboxThatDoesNotExistLandsOnTheListSayingSoAndChangesNothing() {
        String name = "no-such-" + Fixtures.unique("box").toLowerCase().replaceAll("[^a-z0-9-]", "-");
        WebSession admin = WebSession.login(port, "admin", Api.ADMIN_PASSWORD);
        for (String missing : List.of(name, "{{7*7}}")) {
            for (String action : List.of("", "/enable", "/disable", "/poll", "/test")) {
                admin.get("/admin/mailboxes");
                WebSession.Page answer = admin.post("/admin/mailboxes/" + URLEncoder.encode(missing,
                        StandardCharsets.UTF_8) + action, form(missing, String.valueOf(imapPort), "secret"));
                assertThat(answer.status()).as(missing + action).isEqualTo(302);
                assertThat(answer.location()).as(missing + action).endsWith("/admin/mailboxes");
                WebSession.Page list = admin.follow(answer);
                assertThat(list.status()).as(missing + action).isEqualTo(200);
                assertThat(list.body()).as(missing + action).contains("class=\"flash error\"")
                        .contains("There is no mailbox named " + missing + "; nothing was changed.")
                        .contains("id=\"new-mailbox\"");
            }
        }
        assertThat(setup.has(name)).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM security_event WHERE subject IN (:s)")
                .param("s", List.of("mailbox:" + name, "mailbox:{{7*7}}")).query(Long.class).single()).isZero();
    }

    /** The new-mailbox form of a mailbox on this machine (the host is 127.0.0.1). */
    static Map<String, String> form(String name, String port, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name);
        form.put("host", "127.0.0.1");
        form.put("port", port);
        form.put("user", name);
        form.put("password", password);
        form.put("folder", "INBOX");
        form.put("maxMailMebibytes", "25");
        return form;
    }

    private static MimeMessage mail(String from, String to, String text) throws Exception {
        MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject("Order");
        mail.setText(text, "UTF-8");
        mail.saveChanges();
        return mail;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
