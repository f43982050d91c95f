package org.ordo.mailroom.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.ordo.mailroom.Mailbox;
import org.springframework.util.unit.DataSize;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The mailboxes to poll: the first from {@code ORDO_IMAP_HOST}, {@code _PORT}, {@code _USER}, {@code _PASSWORD},
 * {@code _FOLDER}, {@code _SSL} (named "default"), more as {@code ordo.imap.mailboxes[n].*}
 * ({@code ORDO_IMAP_MAILBOXES_0_HOST}, ...). No host: no mailbox is polled. {@code ORDO_IMAP_MAX_MAIL_SIZE} is the
 * size limit of one mail in each of them.
 */
@ConfigurationProperties("ordo.imap")
public record MailboxSettings(String host, Integer port, String user, String password, String folder, Boolean ssl,
        Duration pollEvery, List<More> mailboxes, DataSize maxMailSize) {

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

    private Mailbox mailbox(String name, String host, Integer port, String user, String password, String folder,
            Boolean ssl) {
        boolean secure = ssl == null || ssl;
        return new Mailbox(name, host.strip(), port == null ? (secure ? 993 : 143) : port, user, password, folder,
                secure, maxMailSize == null ? Mailbox.DEFAULT_MAX_MAIL_BYTES : maxMailSize.toBytes());
    }
}
