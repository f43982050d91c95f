package org.ordo.mailroom.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ordo.mailroom.Mailbox;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailboxes to poll: the first from {@code ORDO_IMAP_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD},
 * {@code _FOLDER}, {@code _SSL} (named "default"), more as {@code ordo.imap.mailboxes[n].*}
 * ({@code ORDO_IMAP_MAILBOXES_0_HOST}, ...). No host: no mailbox is polled.
 */
@ConfigurationProperties("ordo.imap")
public record MailboxSettings(String host, Integer port, String user, String password, String folder, Boolean ssl,
        Duration pollEvery, List<More> mailboxes) {

    public record More(String name, String host, Integer port, String user, String password, String folder,
            Boolean ssl) {
    }

    public List<Mailbox> all() {
        List<Mailbox> all = new ArrayList<>();
        if (host != null && !host.isBlank()) {
            all.add(mailbox("default", host, port, user, password, folder, ssl));
        }
        if (mailboxes != null) {
            for (int i = 0; i < mailboxes.size(); i++) {
                More more = mailboxes.get(i);
                if (more.host() != null && !more.host().isBlank()) {
                    all.add(mailbox(more.name() == null || more.name().isBlank() ? "mailbox-" + i : more.name(),
                            more.host(), more.port(), more.user(), more.password(), more.folder(), more.ssl()));
                }
            }
        }
        return all;
    }

    private static Mailbox mailbox(String name, String host, Integer port, String user, String password, String folder,
            Boolean ssl) {
        boolean secure = ssl == null || ssl;
        return new Mailbox(name, host.strip(), port == null ? (secure ? 993 : 143) : port, user, password, folder,
                secure);
    }
}
