package org.ordo.mailroom.internal;

import org.ordo.mailroom.Mailbox;
import org.ordo.mailroom.MailboxPoll;
import org.ordo.mailroom.Mailroom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Polls the configured mailboxes on a schedule. Several nodes may poll the same mailbox: a mail is stored once
 * (unique per mailbox and Message-ID) and each part routed once (unique per mail and part), whichever node gets
 * there first.
 */
@Configuration
@EnableConfigurationProperties(MailboxSettings.class)
class MailboxPolling {

    private static final Logger log = LoggerFactory.getLogger(MailboxPolling.class);

    private final MailboxSettings settings;
    private final Mailroom mailroom;
    private final Mailboxes setUp;

    MailboxPolling(MailboxSettings settings, Mailroom mailroom, Mailboxes setUp) {
        this.settings = settings;
        this.mailroom = mailroom;
        this.setUp = setUp;
    }

    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${ordo.imap.poll-every:PT1M}")
    void poll() {
        // those of the settings, then the active ones set up in the back office
        java.util.List<Mailbox> all = new java.util.ArrayList<>(settings.all());
        all.addAll(setUp.active());
        for (Mailbox mailbox : all) {
            MailboxPoll poll = mailroom.poll(mailbox);
            if (poll.seen() > 0 || poll.routed() > 0) {
                log.info("Mailbox {}: {} new mail(s), {} stored, {} stored before, {} routed", mailbox.name(),
                        poll.seen(), poll.stored(), poll.alreadyStored(), poll.routed());
            }
        }
    }
}
