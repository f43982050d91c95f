package org.ordo.mailroom;

/**
 * An IMAP mailbox that orders arrive in. {@code name} identifies it in what is stored (a mail is stored once per
 * mailbox); {@code ssl} for IMAPS (port 993), else plain IMAP with STARTTLS when the server offers it. A mail
 * larger than {@code maxMailBytes} is not fetched: it is copied aside on the server and waits in review (see
 * {@link Mailroom#poll}).
 */
public record Mailbox(String name, String host, int port, String user, String password, String folder, boolean ssl,
        long maxMailBytes) {

    /** The size limit of a mail when none is set: 25 MiB, above what most mail servers accept. */
    public static final long DEFAULT_MAX_MAIL_BYTES = 25L * 1024 * 1024;
    /** The folder on the server a mail over the size limit is copied to. */
    public static final String ASIDE_FOLDER = "Ordo-Too-Large";

    public Mailbox {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a mailbox needs a name");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder;
        maxMailBytes = maxMailBytes <= 0 ? DEFAULT_MAX_MAIL_BYTES : maxMailBytes;
    }

    public Mailbox(String name, String host, int port, String user, String password, String folder, boolean ssl) {
        this(name, host, port, user, password, folder, ssl, DEFAULT_MAX_MAIL_BYTES);
    }

    @Override
    public String toString() {
        return name + " (" + user + "@" + host + ":" + port + "/" + folder + ")";
    }
}
