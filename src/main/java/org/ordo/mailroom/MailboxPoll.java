package org.ordo.mailroom;

/** What one poll of a mailbox did: mails seen on the server, newly stored, already stored before, routed. */
public record MailboxPoll(String mailbox, int seen, int stored, int alreadyStored, int routed) {
}
