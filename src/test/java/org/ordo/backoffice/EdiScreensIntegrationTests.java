package org.ordo.backoffice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.ordo.Fixtures.expect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ordo.Api;
import org.ordo.Fixtures;
import org.ordo.IntegrationTest;
import org.ordo.platform.Role;
import org.ordo.platform.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The EDI screens without a browser: partners, a partner's messages with their outcomes, the original interchange
 * with a segment a line, reprocessing a message that waited for review once its article exists, resending an
 * outgoing message, and why an incoming one is not resent, in the agent's language.
 */
@IntegrationTest
class EdiScreensIntegrationTests {

    private static final String PASSWORD = "edi-screens-password-1";

    @LocalServerPort
    int port;
    @Autowired
    Users users;

    Api api;
    Fixtures fixtures;
    String partner, sender, gtin, po, location;

    @BeforeEach
    void setUp() {
        api = Api.admin(port);
        fixtures = new Fixtures(api);
        location = fixtures.location(1);
        EdifactPartner registered = EdifactPartner.register(api);
        partner = registered.code();
        sender = registered.sender();
        gtin = Fixtures.gtin();
        po = Fixtures.unique("PO");
    }

    private WebSession as(Role role) {
        return as(role, "en");
    }

    private WebSession as(Role role, String language) {
        String name = Fixtures.unique(role.name()).toLowerCase();
        users.create(name, PASSWORD, role, language, "test");
        return WebSession.login(port, name, PASSWORD);
    }

    @Test
    void anAgentReadsTheOriginalReprocessesAMessageOnceItsArticleExistsAndResendsAnAnswer() {
        JsonNode answer = orderForAnUnknownArticle();
        assertThat(answer.get("messages").get(0).get("outcome").asString()).isEqualTo("REVIEW");

        WebSession agent = as(Role.AGENT);
        assertThat(agent.get("/edi").body()).contains("id=\"partner-" + partner + "\"");
        String page = agent.get("/edi/" + partner + "?direction=IN").body();
        assertThat(page).contains("waits for review").contains("unknown article " + gtin);
        JsonNode in = messages("IN").get(0);
        String original = agent.get("/edi/" + partner + "/messages/" + in.get("id").asString()).body()
                .replace("&#39;", "'");
        assertThat(original).contains("BGM+220+" + po + "+9'\nLIN+1++" + gtin + ":SRV'\n");

        // the article is created, with stock: the waiting message becomes an order and gets its ORDRSP
        String sku = Fixtures.unique("SCR");
        expect(api.post("/api/v1/articles", Map.of("sku", sku, "type", "PHYSICAL", "name", Map.of("de", "Artikel"),
                "price", Map.of("amount", "2.50", "currency", "EUR"), "taxRate", "19", "weightGrams", 100,
                "gtin", gtin)), 201);
        fixtures.receive(sku, location, 10);
        WebSession.Page reprocessed = agent.post("/edi/" + partner + "/interchanges/"
                + answer.get("inboundDocumentId").asString() + "/reprocess", Map.of());
        assertThat(agent.follow(reprocessed).body()).contains("1 of 1 waiting messages placed.");
        in = messages("IN").get(0);
        assertThat(in.get("outcome").asString()).isEqualTo("PLACED");
        assertThat(expect(api.get("/api/v1/orders/" + in.get("orderId").asString()), 200).json().get("externalRef")
                .asString()).isEqualTo(partner + "/" + po);
        assertThat(messages("OUT")).extracting(m -> m.get("type").asString()).containsExactly("CONTRL", "ORDRSP");
        assertThat(expect(api.get("/api/v1/inbound-documents/" + answer.get("inboundDocumentId").asString()), 200)
                .json().get("status").asString()).isEqualTo("PROCESSED");
        // a second reprocess finds nothing waiting and places nothing
        assertThat(agent.follow(agent.post("/edi/" + partner + "/interchanges/"
                + answer.get("inboundDocumentId").asString() + "/reprocess", Map.of())).body())
                .contains("No message of this interchange waits for review");
        assertThat(messages("OUT")).hasSize(2);

        // the CONTRL, kept for a partner without delivery, is queued again and kept again
        JsonNode contrl = messages("OUT").get(0);
        await().atMost(Duration.ofSeconds(30)).until(() -> messages("OUT").get(0).get("deliveryStatus").asString()
                .equals("KEPT"));
        String id = contrl.get("id").asString();
        assertThat(agent.follow(agent.post("/edi/" + partner + "/messages/" + id + "/resend", Map.of())).body()
                .replace("&#39;", "'")).contains("Queued to be delivered again.").contains("UNH+1+CONTRL:D:3:UN:EAN002'");
        await().atMost(Duration.ofSeconds(30)).until(() -> messages("OUT").get(0).get("deliveryStatus").asString()
                .equals("KEPT"));

        assertThat(as(Role.WAREHOUSE).get("/edi/" + partner).status()).isEqualTo(403);
    }

    /**
     * Resending a message that does not exist leads to its partner's page, and an action for a partner that does not
     * exist (a braced name among them) to the list of partners; each says why nothing happened.
     */
    @Test
    void anActionOnAMessageOrPartnerThatDoesNotExistSaysSoOnAPageThatExists() {
        WebSession agent = as(Role.AGENT);
        String missing = UUID.randomUUID().toString();
        agent.get("/edi/" + partner);
        WebSession.Page resent = agent.post("/edi/" + partner + "/messages/" + missing + "/resend", Map.of());
        assertThat(resent.location()).endsWith("/edi/" + partner);
        WebSession.Page page = agent.follow(resent);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("class=\"flash error\"").contains("EDI message " + missing + " does not exist");
        for (String code : List.of("NOSUCHPARTNER", "{x}")) {
            String encoded = URLEncoder.encode(code, StandardCharsets.UTF_8);
            for (String action : List.of("/messages/" + missing + "/resend", "/interchanges/" + missing + "/reprocess")) {
                agent.get("/edi");
                WebSession.Page answer = agent.post("/edi/" + encoded + action, Map.of());
                assertThat(answer.status()).as(code + action).isEqualTo(302);
                assertThat(answer.location()).as(code + action).endsWith("/edi");
                assertThat(agent.follow(answer).body()).as(code + action)
                        .contains("There is no EDI partner " + code + "; nothing was changed.");
            }
        }
    }

    @Test
    void anIncomingMessageIsNotResentAndTheAgentIsToldWhyInTheirLanguage() {
        orderForAnUnknownArticle();
        String resend = "/edi/" + partner + "/messages/" + messages("IN").get(0).get("id").asString() + "/resend";

        WebSession german = as(Role.AGENT, "de");
        german.get("/edi/" + partner);
        assertThat(german.follow(german.post(resend, Map.of())).body()).contains("Nicht gespeichert: "
                + FieldLabels.of("id", Locale.GERMAN)
                + ": nennt eine eingehende Nachricht; nur ausgehende Nachrichten werden gesendet");
        WebSession korean = as(Role.AGENT, "ko");
        korean.get("/edi/" + partner);
        assertThat(korean.follow(korean.post(resend, Map.of())).body()).contains("저장되지 않음: "
                + FieldLabels.of("id", Locale.KOREAN) + ": 수신 메시지를 가리킵니다. 발신 메시지만 보낼 수 있습니다");
        WebSession english = as(Role.AGENT);
        english.get("/edi/" + partner);
        assertThat(english.follow(english.post(resend, Map.of())).body()).contains("Not saved: "
                + FieldLabels.of("id", Locale.ENGLISH) + ": names a message in; only messages out are sent");
        assertThat(messages("OUT")).extracting(m -> m.get("type").asString()).as("nothing sent but the CONTRL")
                .containsExactly("CONTRL");
    }

    /** The partner orders two of an article ({@code gtin}) Ordo does not know yet: the message waits for review. */
    private JsonNode orderForAnUnknownArticle() {
        String ref = "S" + Fixtures.gtin().substring(1);
        String interchange = "UNB+UNOC:3+" + sender + ":14+4012345000009:14+261205:1000+" + ref + "'"
                + "UNH+1+ORDERS:D:96A:UN:EAN008'BGM+220+" + po + "+9'LIN+1++" + gtin + ":SRV'QTY+21:2'UNS+S'"
                + "CNT+2:1'UNT+7+1'UNZ+1+" + ref + "'";
        return expect(api.postBytes("/api/v1/edi/interchanges", interchange.getBytes(StandardCharsets.ISO_8859_1),
                "application/EDIFACT"), 200).json();
    }

    private JsonNode messages(String direction) {
        return expect(api.get("/api/v1/edi/messages?partner=" + partner + "&direction=" + direction), 200).json()
                .get("items");
    }
}
