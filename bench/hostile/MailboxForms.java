import java.net.http.HttpResponse;

/**
 * Admin > Mailboxes (docs/channels.md): adding a mailbox with a port or size that is no whole number in range, no
 * name or host, or a control character or line break in the folder (and, as noise, a TLS choice that is none of the
 * checkbox's); and changing, testing, polling, disabling or enabling a mailbox that does not exist. A mailbox taken
 * would be polled: every draw must be refused.
 */
final class MailboxForms extends BackOfficeForm {

    MailboxForms() {
        super("mailboxes", "/admin/mailboxes");
    }

    @Override
    HttpResponse<String> post(Browser browser, Generators g) throws Exception {
        String port = noisy(g, "993");
        String name = noisy(g, "hostile-" + g.random.nextInt(1000));
        String host = noisy(g, "imap.example.com");
        String folder = noisy(g, "INBOX");
        String size = noisy(g, "25");
        switch (g.random.nextInt(6)) {
            case 0 -> port = g.pick("abc", "-1", "1.5", "99999999999", "0x3e1", "9".repeat(40));
            case 1 -> name = g.pick("", " ", "a\u0000b", "x".repeat(10_000));
            case 2 -> host = g.pick("", " ", "\t");
            // (a lone surrogate cannot be sent in a form: URL-encoded as UTF-8 it arrives as "?", a folder name like any)
            case 3 -> folder = g.pick("INBOX\u0000", "a\u0007b", "INBOX\r\nA1 LOGOUT");
            case 4 -> size = g.pick("abc", "-5", "1e3", "99999999999");
            default -> {
                String action = g.pick("", "/test", "/poll", "/disable", "/enable");
                return browser.post("/admin/mailboxes/" + Generators.enc(g.pick("no-such-mailbox", g.hostile())) + action,
                        "name", name, "host", host, "port", port, "user", "u", "password", "p", "folder", folder);
            }
        }
        return browser.post("/admin/mailboxes", "name", name, "host", host, "port", port, "ssl", g.pick("true", "false", "maybe"),
                "user", noisy(g, "orders@example.com"), "password", noisy(g, "secret"), "folder", folder,
                "maxMailMebibytes", size);
    }
}
