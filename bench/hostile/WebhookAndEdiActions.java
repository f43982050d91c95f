import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * The buttons of the Webhooks and EDI screens (docs/webhooks.md, docs/edi.md), posted for what does not exist: a
 * subscription or delivery by a random or hostile id, a partner by a hostile code (braces among them, which once
 * broke the redirect), a message or interchange no partner has. Nothing exists to act on: every post must be refused
 * and shown on a page that exists (the list, or the partner's page), never on a page not found.
 */
final class WebhookAndEdiActions extends BackOfficeForm {

    WebhookAndEdiActions() {
        super("webhook and EDI actions", "/webhooks");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String id = g.pick(UUID.randomUUID().toString(), Generators.enc(g.hostile()));
        if (g.random.nextBoolean()) {
            return browser.post("/webhooks/" + id + g.pick("/enable", "/disable",
                    "/deliveries/" + UUID.randomUUID() + "/redeliver"));
        }
        String partner = Generators.enc(g.pick("NOSUCHPARTNER", "{x}", "{{7*7}}", g.hostile()));
        return browser.post("/edi/" + partner + g.pick("/messages/" + id + "/resend",
                "/interchanges/" + id + "/reprocess?message=" + UUID.randomUUID()));
    }
}
