package org.ordo.mailroom;

/**
 * An IMAP mailbox that orders arrive in. {@code name} identifies it in what is stored (a mail is stored once per
 * mailbox); {@code ssl} for IMAPS (port 993), else plain IMAP with STARTTLS when the server offers it.
 */
public record Mailbox(String name, String host, int port, String user, String password, String folder, boolean ssl) {

    public Mailbox {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mailbox needs a name");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + "/" + folder + ")";
    }
}
