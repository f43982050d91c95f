package org.ordo.mailroom.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mails fetched from mailboxes, each once, and what became of each of their parts. */
@Repository
public class ReceivedMails {

    public record Mail(UUID id, String mailbox, String messageId, String sender, UUID documentId) {
    }

    private final JdbcClient jdbc;

    private final java.time.Clock clock;

    ReceivedMails(JdbcClient jdbc, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    /** The highest UID read from the mailbox under this UIDVALIDITY (0: none): the next poll starts after it. */
    public long lastUid(String mailbox, long uidValidity) {
        return jdbc.sql("""
                SELECT greatest(
                    (SELECT coalesce(max(last_uid), 0) FROM mailbox_cursor WHERE mailbox = :mailbox AND uid_validity = :v),
                    (SELECT coalesce(max(uid), 0) FROM received_mail WHERE mailbox = :mailbox AND uid_validity = :v))
                """).param("mailbox", mailbox).param("v", uidValidity).query(Long.class).single();
    }

    /** The mail with this UID was dealt with (stored, or found stored before): later polls start after it. */
    public void readUpTo(String mailbox, long uidValidity, long uid) {
        jdbc.sql("""
                INSERT INTO mailbox_cursor (mailbox, uid_validity, last_uid) VALUES (:mailbox, :v, :uid)
                ON CONFLICT (mailbox, uid_validity) DO UPDATE SET last_uid = greatest(mailbox_cursor.last_uid, :uid)
                """).param("mailbox", mailbox).param("v", uidValidity).param("uid", uid).update();
    }

    /** Whether the mail is stored already: by its Message-ID, or by its UID. */
    public boolean known(String mailbox, String messageId, long uidValidity, long uid) {
        return jdbc.sql("""
                SELECT count(*) FROM received_mail
                WHERE mailbox = :mailbox AND (message_id = :message OR (uid_validity = :v AND uid = :uid))
                """).param("mailbox", mailbox).param("message", messageId).param("v", uidValidity)
                .param("uid", uid).query(Long.class).single() > 0;
    }

    /** Records the stored mail; false (nothing written) when another poll stored it first. */
    public Optional<UUID> record(String mailbox, long uidValidity, long uid, String messageId, String sender,
            String subject, UUID documentId) {
        UUID id = Ids.next();
        int rows = jdbc.sql("""
                INSERT INTO received_mail (id, mailbox, uid_validity, uid, message_id, sender, subject, document_id)
                VALUES (:id, :mailbox, :v, :uid, :message, :sender, :subject, :document)
                ON CONFLICT DO NOTHING
                """).param("id", id).param("mailbox", mailbox).param("v", uidValidity).param("uid", uid)
                .param("message", messageId).param("sender", sender).param("subject", subject)
                .param("document", documentId).update();
        return rows == 1 ? Optional.of(id) : Optional.empty();
    }

    /** Mails whose parts are not all routed yet (a crash, a failure), oldest first. */
    public List<Mail> unrouted(int limit) {
        return jdbc.sql("""
                SELECT id, mailbox, message_id, sender, document_id FROM received_mail WHERE routed_at IS NULL
                ORDER BY received_at LIMIT :limit
                """).param("limit", limit).query(Mail.class).list();
    }

    /**
     * Claims a part of a mail for routing, once: false when it was routed before (then nothing is to be done). Runs
     * in the transaction that routes the part, so a failure leaves it unclaimed.
     */
    public boolean claimPart(UUID mailId, int position, String fileName, String contentType, String route) {
        return jdbc.sql("""
                INSERT INTO received_mail_part (mail_id, position, file_name, content_type, route, outcome)
                VALUES (:mail, :position, :name, :type, :route, 'ROUTING')
                ON CONFLICT DO NOTHING
                """).param("mail", mailId).param("position", position).param("name", fileName)
                .param("type", contentType).param("route", route).update() == 1;
    }

    public boolean partRouted(UUID mailId, int position) {
        return jdbc.sql("SELECT count(*) FROM received_mail_part WHERE mail_id = :mail AND position = :position")
                .param("mail", mailId).param("position", position).query(Long.class).single() > 0;
    }

    public void partOutcome(UUID mailId, int position, String outcome, UUID documentId) {
        jdbc.sql("""
                UPDATE received_mail_part SET outcome = :outcome, document_id = :document
                WHERE mail_id = :mail AND position = :position
                """).param("mail", mailId).param("position", position).param("outcome", outcome)
                .param("document", documentId).update();
    }

    public void routed(UUID mailId) {
        jdbc.sql("UPDATE received_mail SET routed_at = :now WHERE id = :id").param("now", now()).param("id", mailId)
                .update();
    }
}
