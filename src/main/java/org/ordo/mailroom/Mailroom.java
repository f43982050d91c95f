package org.ordo.mailroom;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.ordo.edi.EdiManagement;
import org.ordo.intake.FileImport;
import org.ordo.intake.FileImports;
import org.ordo.intake.Intake;
import org.ordo.intake.OpenReview;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.mailroom.internal.DraftOrders;
import org.ordo.mailroom.internal.MailParts;
import org.ordo.mailroom.internal.PaperReading;
import org.ordo.mailroom.internal.ReceivedMails;
import org.ordo.mailroom.internal.Route;
import org.ordo.platform.Actor;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes mail in: fetches new mails from a mailbox, stores each once as an inbound document, and routes its parts.
 * EDI interchanges go the EDI path (which places what it can and queues the rest); PDFs, scans and the mail's own
 * text are read and put in the review queue with a draft order, to be confirmed by a person; CSV/XLSX order files
 * go to the review queue ("order file") for now.
 */
@Service
public class Mailroom {

    private static final Logger log = LoggerFactory.getLogger(Mailroom.class);
    private static final int ROUTE_BATCH = 100;

    private final ReceivedMails mails;
    private final Intake intake;
    private final ReviewQueue reviews;
    private final EdiManagement edi;
    private final PaperReading paper;
    private final DraftOrders drafts;
    private final FileImports fileImports;
    private final TransactionTemplate transaction;
    private final Session session = Session.getInstance(new Properties());

    Mailroom(ReceivedMails mails, Intake intake, ReviewQueue reviews, EdiManagement edi, PaperReading paper,
            DraftOrders drafts, FileImports fileImports, TransactionTemplate transaction) {
        this.fileImports = fileImports;
        this.mails = mails;
        this.intake = intake;
        this.reviews = reviews;
        this.edi = edi;
        this.paper = paper;
        this.drafts = drafts;
        this.transaction = transaction;
    }

    /** The mail session a mailbox is read in: IMAPS, or IMAP with STARTTLS when offered; bounded waits. */
    static Session imapSession(Mailbox mailbox) {
        Properties settings = new Properties();
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        settings.put("mail." + protocol + ".connectiontimeout", "30000");
        settings.put("mail." + protocol + ".timeout", "60000");
        settings.put("mail.imap.starttls.enable", "true");
        return Session.getInstance(settings);
    }

    /**
     * Fetches the mails after the last one stored from this mailbox, stores each new one (its row and the original in
     * one transaction, so that a crash before the commit leaves it to be fetched again and one after it finds it
     * stored), marks it seen on the server, then routes every stored mail not routed yet.
     */
    public MailboxPoll poll(Mailbox mailbox) {
        int seen = 0;
        int stored = 0;
        int already = 0;
        String protocol = mailbox.ssl() ? "imaps" : "imap";
        Session imap = imapSession(mailbox);
        try (Store store = imap.getStore(protocol)) {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder folder = store.getFolder(mailbox.folder());
            folder.open(Folder.READ_WRITE);
            try {
                UIDFolder uids = (UIDFolder) folder;
                long validity = uids.getUIDValidity();
                long last = mails.lastUid(mailbox.name(), validity);
                for (Message message : uids.getMessagesByUID(last + 1, UIDFolder.MAXUID)) {
                    long uid = uids.getUID(message);
                    if (uid <= last) {
                        continue; // "n:*" always names the newest mail, even when it is older than n
                    }
                    seen++;
                    int size = message.getSize();
                    if (size > mailbox.maxMailBytes()) {
                        if (setAside(mailbox, store, folder, validity, uid, (MimeMessage) message, size)) {
                            stored++;
                        } else {
                            already++;
                        }
                    } else if (store(mailbox, validity, uid, (MimeMessage) message)) {
                        stored++;
                    } else {
                        already++;
                    }
                    mails.readUpTo(mailbox.name(), validity, uid);
                    message.setFlag(Flags.Flag.SEEN, true);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | IOException e) {
            log.warn("Mailbox {} could not be read: {}", mailbox, e.getMessage());
        }
        return new MailboxPoll(mailbox.name(), seen, stored, already, routePending());
    }

    /**
     * A mail over the mailbox's size limit is not fetched: it is copied to the folder {@link Mailbox#ASIDE_FOLDER}
     * on the server (made when missing), and its headers are stored as the original of a review entry that says
     * why and where the mail is, in one transaction; a person fetches it by hand. Once per mail, like any other.
     */
    private boolean setAside(Mailbox mailbox, Store store, Folder folder, long validity, long uid, MimeMessage message,
            int size) throws MessagingException, IOException {
        StringBuilder headers = new StringBuilder();
        for (java.util.Enumeration<String> lines = message.getAllHeaderLines(); lines.hasMoreElements();) {
            headers.append(lines.nextElement()).append("\r\n");
        }
        byte[] original = headers.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String messageId = message.getMessageID() != null && !message.getMessageID().isBlank()
                ? message.getMessageID().strip() : "sha256:" + Sha256.hex(original);
        if (mails.known(mailbox.name(), messageId, validity, uid)) {
            return false;
        }
        Folder aside = store.getFolder(Mailbox.ASIDE_FOLDER);
        if (!aside.exists()) {
            aside.create(Folder.HOLDS_MESSAGES);
        }
        folder.copyMessages(new Message[] {message}, aside);
        InternetAddress from = sender(message);
        String subject = message.getSubject();
        String reason = "mail of " + megabytes(size) + " over the limit of " + megabytes(mailbox.maxMailBytes())
                + " of mailbox " + mailbox.name() + ": not fetched; it is kept on the mail server in the folder "
                + Mailbox.ASIDE_FOLDER + " (only its headers are stored here)";
        String sender = from == null ? null : from.getAddress();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            UUID document = intake.archive("email", "text/plain; charset=utf-8", original, "mailbox:" + mailbox.name());
            java.util.Optional<UUID> recorded = mails.record(mailbox.name(), validity, uid, messageId, sender,
                    subject == null ? null : subject.strip(), document);
            if (recorded.isEmpty()) {
                tx.setRollbackOnly();
                return false;
            }
            mails.claimPart(recorded.get(), 0, null, "message/rfc822", Route.IGNORED.name());
            ReviewEntry entry = Actor.as("mailbox:" + mailbox.name(), () -> reviews.open(new OpenReview(document, "",
                    ReviewEntry.Kind.OTHER, reason, sender, subject == null ? null : "Subject: " + subject.strip(),
                    null)));
            mails.partOutcome(recorded.get(), 0, "TOO LARGE, REVIEW " + entry.id(), document);
            mails.routed(recorded.get());
            return true;
        }));
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }

    private boolean store(Mailbox mailbox, long validity, long uid, MimeMessage message)
            throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] original = raw.toByteArray();
        String messageId = message.getMessageID() != null && !message.getMessageID().isBlank()
                ? message.getMessageID().strip() : "sha256:" + Sha256.hex(original);
        if (mails.known(mailbox.name(), messageId, validity, uid)) {
            return false;
        }
        InternetAddress from = sender(message);
        String subject = message.getSubject();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            UUID document = intake.archive("email", "message/rfc822", original, "mailbox:" + mailbox.name());
            boolean recorded = mails.record(mailbox.name(), validity, uid, messageId,
                    from == null ? null : from.getAddress(), subject == null ? null : subject.strip(), document)
                    .isPresent();
            if (!recorded) {
                tx.setRollbackOnly(); // another node stored it first: its original is the one kept
            }
            return recorded;
        }));
    }

    /** Routes the parts of stored mails not routed yet (a crash or a failure the last time); how many were done. */
    public int routePending() {
        int routed = 0;
        for (ReceivedMails.Mail mail : mails.unrouted(ROUTE_BATCH)) {
            try {
                route(mail);
                routed++;
            } catch (MessagingException | IOException | RuntimeException e) {
                log.warn("Mail {} from mailbox {} could not be routed yet: {}", mail.messageId(), mail.mailbox(),
                        e.toString());
            }
        }
        return routed;
    }

    private void route(ReceivedMails.Mail mail) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(intake.originalBody(mail.documentId())));
        MailParts parts = MailParts.of(message);
        InternetAddress from = sender(message);
        String sender = from == null ? null : from.getAddress();
        String senderName = from == null ? null : from.getPersonal();
        String actor = "mailbox:" + mail.mailbox();
        boolean orderAttached = false;
        for (int i = 0; i < parts.attachments().size(); i++) {
            MailParts.Attachment attachment = parts.attachments().get(i);
            Route route = Route.of(attachment.fileName(), attachment.contentType(), attachment.content());
            orderAttached |= route != Route.IGNORED;
            routeAttachment(mail, i + 1, attachment, route, sender, senderName, actor);
        }
        // the mail's own text is the order only when nothing attached is
        Route textRoute = orderAttached || parts.text().isBlank() ? Route.IGNORED : Route.TEXT;
        String kept = orderAttached ? "the attachments are the order" : "no text";
        if (!mails.partRouted(mail.id(), 0)) {
            Actor.as(actor, () -> transaction.execute(tx -> {
                if (!mails.claimPart(mail.id(), 0, null, "text/plain", textRoute.name())) {
                    return null;
                }
                if (textRoute == Route.TEXT) {
                    DraftOrders.Drafted drafted = drafts.draft("email", sender, senderName, parts.text());
                    ReviewEntry entry = reviews.open(new OpenReview(mail.documentId(), "", ReviewEntry.Kind.ORDER,
                            drafted.found().isEmpty() ? "mail in free text: no known article number found"
                                    : "mail in free text: " + drafted.found().size()
                                            + " line(s) read from the text; check them" + drafted.formNote(),
                            sender, parts.text(), drafted.draft()));
                    mails.partOutcome(mail.id(), 0, "REVIEW " + entry.id(), mail.documentId());
                } else {
                    mails.partOutcome(mail.id(), 0, kept, null);
                }
                return null;
            }));
        }
        mails.routed(mail.id());
    }

    private void routeAttachment(ReceivedMails.Mail mail, int position, MailParts.Attachment attachment, Route route,
            String sender, String senderName, String actor) {
        if (mails.partRouted(mail.id(), position)) {
            return;
        }
        switch (route) {
            case EDI -> routeEdi(mail, position, attachment, sender, actor);
            case ORDER_FILE -> routeOrderFile(mail, position, attachment, sender, actor);
            case PDF, SCAN -> {
                // read outside the transaction: OCR takes seconds
                PaperReading.Read read = route == Route.PDF ? paper.pdf(attachment.content())
                        : paper.image(attachment.content());
                DraftOrders.Drafted drafted = Actor.as(actor,
                        () -> drafts.draft("email", sender, senderName, read.text()));
                String how = read.method() == PaperReading.Method.OCR ? "scan read by OCR" : "PDF read from its text";
                String reason = read.failure() != null ? how + ": " + read.failure()
                        : drafted.found().isEmpty() ? how + ": no known article number found"
                                : how + ": " + drafted.found().size() + " line(s) found; check them"
                                        + drafted.formNote();
                review(mail, position, attachment, route, sender, actor, reason, read.text(), drafted);
            }
            default -> Actor.as(actor, () -> transaction.execute(tx -> {
                if (mails.claimPart(mail.id(), position, attachment.fileName(), attachment.contentType(),
                        route.name())) {
                    mails.partOutcome(mail.id(), position, "kept with the mail", null);
                }
                return null;
            }));
        }
    }

    /**
     * CSV and XLSX order files go through the file import (docs/imports.md), with the sender's own column mapping
     * (source {@code mail-<sender>}): each order in them is placed through the one placement path, once per source
     * and reference, so routing the same attachment again after a crash places nothing twice. A file that cannot be
     * read, or whose rows have errors, waits in the review queue with what the import found.
     */
    private void routeOrderFile(ReceivedMails.Mail mail, int position, MailParts.Attachment attachment, String sender,
            String actor) {
        String fileName = attachment.fileName() != null && !attachment.fileName().isBlank() ? attachment.fileName()
                : attachment.contentType().contains("spreadsheetml") ? "order.xlsx" : "order.csv";
        FileImport imported;
        try {
            imported = Actor.as(actor, () -> fileImports.importOrderFile(sourceOf(sender), fileName,
                    attachment.content()));
        } catch (InvalidInputException refused) {
            review(mail, position, attachment, Route.ORDER_FILE, sender, actor,
                    "order file refused: " + refused.getMessage(), null, null);
            return;
        }
        if (imported.failed() > 0 || imported.rowsWithErrors() > 0) {
            review(mail, position, attachment, Route.ORDER_FILE, sender, actor, ("order file: %d of %d orders placed; "
                    + "%d rows with errors (import %s)").formatted(imported.created() + imported.alreadyImported(),
                    imported.units(), imported.rowsWithErrors(), imported.id()), null, null);
            return;
        }
        String outcome = "order file: %d orders placed, %d placed before (import %s)".formatted(imported.created(),
                imported.alreadyImported(), imported.id());
        Actor.as(actor, () -> transaction.execute(tx -> {
            if (mails.claimPart(mail.id(), position, attachment.fileName(), attachment.contentType(),
                    Route.ORDER_FILE.name())) {
                mails.partOutcome(mail.id(), position, outcome, null);
            }
            return null;
        }));
    }

    /** The file import's source for a sender: {@code mail-} and the address in the characters a source may have. */
    static String sourceOf(String sender) {
        String source = ("mail-" + (sender == null ? "unknown" : sender.toLowerCase(java.util.Locale.ROOT)))
                .replaceAll("[^a-z0-9._-]", "-");
        return source.length() > 64 ? source.substring(0, 64) : source;
    }

    private void routeEdi(ReceivedMails.Mail mail, int position, MailParts.Attachment attachment, String sender,
            String actor) {
        String answered;
        try {
            // the EDI path stores the interchange, places its orders and queues what is in doubt, once per
            // partner and reference: routing it again after a crash gives the same answer and places nothing twice
            EdiManagement.Answer answer = Actor.as(actor, () -> edi.receive(attachment.content(),
                    attachment.contentType().contains("x12") ? EdiManagement.CONTENT_TYPE_X12
                            : EdiManagement.CONTENT_TYPE, actor));
            answered = "EDI " + answer.status() + (answer.replayed() ? " (received before)" : "");
        } catch (InvalidInputException refused) {
            review(mail, position, attachment, Route.EDI, sender, actor,
                    "EDI attachment refused: " + refused.getMessage(), null, null);
            return;
        }
        String outcome = answered;
        Actor.as(actor, () -> transaction.execute(tx -> {
            if (mails.claimPart(mail.id(), position, attachment.fileName(), attachment.contentType(), "EDI")) {
                mails.partOutcome(mail.id(), position, outcome, null);
            }
            return null;
        }));
    }

    /** Stores the attachment as received and opens its review entry, once (the part is claimed in the same step). */
    private void review(ReceivedMails.Mail mail, int position, MailParts.Attachment attachment, Route route,
            String sender, String actor, String reason, String text, DraftOrders.Drafted drafted) {
        Actor.as(actor, () -> transaction.execute(tx -> {
            if (!mails.claimPart(mail.id(), position, attachment.fileName(), attachment.contentType(), route.name())) {
                return null;
            }
            UUID document = intake.archive("email", attachment.contentType(), attachment.content(), actor);
            ReviewEntry entry = reviews.open(new OpenReview(document, "", route == Route.EDI ? ReviewEntry.Kind.EDI
                    : ReviewEntry.Kind.ORDER, reason + (attachment.fileName() == null ? ""
                            : " (" + attachment.fileName() + ")"), sender, text,
                    drafted == null ? null : drafted.draft()));
            mails.partOutcome(mail.id(), position, "REVIEW " + entry.id(), document);
            return null;
        }));
    }

    private static InternetAddress sender(MimeMessage message) throws MessagingException {
        Address[] from = message.getFrom();
        return from != null && from.length > 0 && from[0] instanceof InternetAddress address ? address : null;
    }
}
