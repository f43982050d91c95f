package org.ordo.notification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.notification.Message;
import org.ordo.notification.MessageKind;
import org.ordo.notification.MessageStatus;
import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.ordo.platform.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of customer messages: queueing, claiming by dispatchers, outcomes, and reading. */
@Repository
public class Messages {

    public static final String EMAIL = "EMAIL";
    public static final String SMS = "SMS";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final PerTransaction<List<Pending>> pending = new PerTransaction<>(this::write);

    Messages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Stamps (queued, sent) come from the application's clock, so the demo history and moved test clocks date a
     * message with its day. The queue's own timing (next attempt, claim lease) stays on database time, which every
     * node shares.
     */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /**
     * What to queue; {@code dedupeKey} is unique: the same cause never queues a second message.
     * {@code attachments} are stored documents (billing's ids), attached in this order.
     */
    public record Draft(MessageKind kind, UUID orderId, String recipient, String locale, String subject,
            String body, String dedupeKey, UUID resentFrom, List<UUID> attachments) {

        public Draft {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }

        /** A message without attachments. */
        public Draft(MessageKind kind, UUID orderId, String recipient, String locale, String subject, String body,
                String dedupeKey, UUID resentFrom) {
            this(kind, orderId, recipient, locale, subject, body, dedupeKey, resentFrom, List.of());
        }
    }

    /**
     * Queues a message in the caller's transaction; false (and nothing written) when one with the same dedupe
     * key exists already.
     */
    public boolean queue(UUID id, Draft draft) {
        return queue(id, EMAIL, draft);
    }

    /** Queues a message for a channel ({@link #EMAIL}, {@link #SMS}: the recipient is then a phone number). */
    public boolean queue(UUID id, String channel, Draft draft) {
        flush(); // what this transaction queued before, so that a dedupe key already taken by it is seen
        // The message and its attachments in one statement: the attachments only when the message is new.
        boolean queued = jdbc.sql("""
                WITH m AS (
                    INSERT INTO message (id, kind, order_id, channel, recipient, locale, subject, body, status,
                                         dedupe_key, resent_from, created_at)
                    VALUES (:id, :kind, :order, :channel, :recipient, :locale, :subject, :body, 'QUEUED', :dedupe,
                            :resentFrom, :now)
                    ON CONFLICT (dedupe_key) DO NOTHING
                    RETURNING id),
                a AS (
                    INSERT INTO message_attachment (message_id, position, document_id)
                    SELECT m.id, d.n - 1, d.doc FROM m CROSS JOIN unnest(CAST(:docs AS uuid[])) WITH ORDINALITY AS d(doc, n))
                SELECT count(*) FROM m
                """).param("now", now()).param("id", id).param("channel", channel).param("kind", draft.kind().name())
                .param("order", draft.orderId())
                .param("recipient", draft.recipient()).param("locale", draft.locale())
                .param("subject", draft.subject()).param("body", draft.body()).param("dedupe", draft.dedupeKey())
                .param("resentFrom", draft.resentFrom()).param("docs", draft.attachments().toArray(UUID[]::new))
                .query(Long.class).single() == 1;
        return queued;
    }

    /**
     * Queues the e-mail about an order that the caller's transaction places: inside a transaction it is written
     * with the transaction's other such messages before the commit, one statement for all (an EDI interchange's
     * transaction of orders, docs/benchmarks.md P4), and before anything else here reads or changes messages in it;
     * outside one at once, as {@link #queue}. Written only if the order exists by then: an order refused after its
     * message was queued (its savepoint rolled back, its row with it) gets none. The dedupe key holds as for
     * {@link #queue}: a message whose key exists is not written, and neither is a second one of the transaction.
     */
    public void queueForPlacedOrder(UUID id, Draft draft) {
        Optional<List<Pending>> queued = pending.get(java.util.ArrayList::new);
        if (queued.isEmpty()) {
            queue(id, EMAIL, draft);
            return;
        }
        queued.get().add(new Pending(id, draft, now()));
    }

    /** A message queued for the commit, stamped when it was queued. */
    private record Pending(UUID id, Draft draft, Timestamp at) {
    }

    /** Writes the messages this transaction queued for its commit, if any; see {@link #queueForPlacedOrder}. */
    public void flush() {
        pending.current().ifPresent(this::write);
    }

    private void write(List<Pending> queued) {
        if (queued.isEmpty()) {
            return;
        }
        List<Pending> all = List.copyOf(queued);
        queued.clear();
        // each message's attachments as (its index in the batch, position, document)
        List<Integer> of = new java.util.ArrayList<>();
        List<Integer> position = new java.util.ArrayList<>();
        List<UUID> document = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            List<UUID> docs = all.get(i).draft().attachments();
            for (int n = 0; n < docs.size(); n++) {
                of.add(i + 1);
                position.add(n);
                document.add(docs.get(n));
            }
        }
        jdbc.sql("""
                WITH queued AS (
                    SELECT q.* FROM unnest(CAST(:id AS uuid[]), CAST(:kind AS text[]), CAST(:order AS uuid[]),
                        CAST(:recipient AS text[]), CAST(:locale AS text[]), CAST(:subject AS text[]),
                        CAST(:body AS text[]), CAST(:dedupe AS text[]), CAST(:createdAt AS timestamptz[]))
                        WITH ORDINALITY AS q(id, kind, order_id, recipient, locale, subject, body, dedupe_key,
                                             created_at, n)
                    WHERE EXISTS (SELECT 1 FROM customer_order o WHERE o.id = q.order_id)),
                m AS (
                    INSERT INTO message (id, kind, order_id, channel, recipient, locale, subject, body, status,
                                         dedupe_key, created_at)
                    SELECT id, kind, order_id, 'EMAIL', recipient, locale, subject, body, 'QUEUED', dedupe_key,
                           created_at
                    FROM queued ORDER BY n
                    ON CONFLICT (dedupe_key) DO NOTHING
                    RETURNING id)
                INSERT INTO message_attachment (message_id, position, document_id)
                SELECT q.id, a.position, a.document_id
                FROM unnest(CAST(:of AS bigint[]), CAST(:position AS int[]), CAST(:document AS uuid[]))
                    AS a(n, position, document_id)
                JOIN queued q ON q.n = a.n JOIN m ON m.id = q.id
                """)
                .param("id", all.stream().map(Pending::id).toArray(UUID[]::new))
                .param("kind", all.stream().map(p -> p.draft().kind().name()).toArray(String[]::new))
                .param("order", all.stream().map(p -> p.draft().orderId()).toArray(UUID[]::new))
                .param("recipient", all.stream().map(p -> p.draft().recipient()).toArray(String[]::new))
                .param("locale", all.stream().map(p -> p.draft().locale()).toArray(String[]::new))
                .param("subject", all.stream().map(p -> p.draft().subject()).toArray(String[]::new))
                .param("body", all.stream().map(p -> p.draft().body()).toArray(String[]::new))
                .param("dedupe", all.stream().map(p -> p.draft().dedupeKey()).toArray(String[]::new))
                .param("createdAt", all.stream().map(p -> p.at().toInstant().toString()).toArray(String[]::new))
                .param("of", of.toArray(Integer[]::new)).param("position", position.toArray(Integer[]::new))
                .param("document", document.toArray(UUID[]::new))
                .update();
    }

    /** The documents attached to a message, in order. */
    public List<UUID> attachments(UUID messageId) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("SELECT document_id FROM message_attachment WHERE message_id = :id ORDER BY position")
                .param("id", messageId).query(UUID.class).list();
    }

    /**
     * Puts a claimed message back in the queue for {@code wait} without counting an attempt: something it needs
     * (an attachment still being rendered) is not there yet.
     */
    public boolean postpone(Claimed c, Duration wait, String reason) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("""
                UPDATE message SET status = 'QUEUED', claim = NULL, last_error = :reason,
                                   next_attempt_at = now() + make_interval(secs => :wait)
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("reason", reason).param("wait", (double) wait.toMillis() / 1000)
                .param("id", c.message().id()).param("claim", c.claim()).update() == 1;
    }

    /** A message claimed by one dispatcher; {@code claim} fences its outcome against a later claim. */
    public record Claimed(Message message, UUID claim) {
    }

    /**
     * Claims up to {@code limit} due messages for this dispatcher in one statement: queued ones whose time has
     * come, and ones left SENDING longer than the lease (their node died). Rows another dispatcher has locked
     * are skipped, so no two dispatchers hold the same message.
     */
    public List<Claimed> claimDue(int limit, Duration lease) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        UUID claim = Ids.next();
        return jdbc.sql("""
                WITH due AS MATERIALIZED (
                    SELECT id FROM message
                    WHERE (status = 'QUEUED' AND next_attempt_at <= now())
                       OR (status = 'SENDING' AND claimed_at < now() - make_interval(secs => :lease))
                    ORDER BY created_at
                    LIMIT :limit
                    FOR UPDATE SKIP LOCKED)
                UPDATE message m SET status = 'SENDING', claim = :claim, claimed_at = now()
                FROM due WHERE m.id = due.id
                RETURNING m.*
                """).param("limit", limit).param("lease", (double) lease.toMillis() / 1000).param("claim", claim)
                .query((rs, n) -> new Claimed(map(rs, n), claim)).list();
    }

    /** Marks a claimed message sent; false when the claim was lost (the lease ran out and another took it). */
    public boolean sent(Claimed c) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("""
                UPDATE message SET status = 'SENT', attempts = attempts + 1, sent_at = :now, last_error = NULL,
                                   claim = NULL
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("now", now()).param("id", c.message().id()).param("claim", c.claim()).update() == 1;
    }

    /**
     * Keeps claimed messages unsent (no mail server or gateway is configured), all in one statement: a round's
     * messages are written once, not one update each (docs/benchmarks.md, P4). Each row only while its own claim
     * holds; returns how many did.
     */
    public int kept(List<Claimed> claimed) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        if (claimed.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                UPDATE message m SET status = 'KEPT', claim = NULL
                FROM unnest(CAST(:ids AS uuid[]), CAST(:claims AS uuid[])) AS c(id, claim)
                WHERE m.id = c.id AND m.status = 'SENDING' AND m.claim = c.claim
                """).param("ids", claimed.stream().map(c -> c.message().id()).toArray(UUID[]::new))
                .param("claims", claimed.stream().map(Claimed::claim).toArray(UUID[]::new)).update();
    }

    /** Records a failed attempt: queued again after {@code retryAfter}, or FAILED when it was the last. */
    public boolean failed(Claimed c, String error, boolean last, Duration retryAfter) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("""
                UPDATE message SET status = CASE WHEN :last THEN 'FAILED' ELSE 'QUEUED' END,
                                   attempts = attempts + 1, last_error = :error, claim = NULL,
                                   next_attempt_at = now() + make_interval(secs => :wait)
                WHERE id = :id AND status = 'SENDING' AND claim = :claim
                """).param("last", last).param("error", error).param("wait", (double) retryAfter.toMillis() / 1000)
                .param("id", c.message().id()).param("claim", c.claim()).update() == 1;
    }

    /**
     * Messages still not delivered (queued, waiting for a retry, or being sent) that were queued longer ago than
     * {@code age}, by database time, oldest first.
     */
    public List<Message> undeliveredOlderThan(Duration age, int limit) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("""
                SELECT * FROM message
                WHERE status IN ('QUEUED', 'SENDING')
                  AND created_at < CAST(:now AS timestamptz) - make_interval(secs => :seconds)
                ORDER BY created_at LIMIT :limit
                """).param("now", now()).param("seconds", age.toMillis() / 1000.0).param("limit", limit).query(Messages::map).list();
    }

    public Optional<Message> find(UUID id) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("SELECT * FROM message WHERE id = :id").param("id", id).query(Messages::map).optional();
    }

    /** Newest first, after the cursor; {@code limit} rows (ask for one more to know whether more follow). */
    public List<Message> page(MessageStatus status, UUID orderId, Cursor after, int limit) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("""
                SELECT * FROM message
                WHERE (CAST(:status AS text) IS NULL OR status = :status)
                  AND (CAST(:order AS uuid) IS NULL OR order_id = :order)
                  AND (CAST(:afterAt AS timestamptz) IS NULL OR (created_at, id) < (:afterAt, :afterId))
                ORDER BY created_at DESC, id DESC
                LIMIT :limit
                """).param("status", status == null ? null : status.name()).param("order", orderId)
                .param("afterAt", after == null ? null : Timestamp.from(after.at()))
                .param("afterId", after == null ? null : after.id()).param("limit", limit)
                .query(Messages::map).list();
    }

    public List<Message> ofOrder(UUID orderId) {
        flush(); // what this transaction queued for its commit, before it is read or changed
        return jdbc.sql("SELECT * FROM message WHERE order_id = :order ORDER BY created_at, id")
                .param("order", orderId).query(Messages::map).list();
    }

    private static Message map(ResultSet rs, int row) throws SQLException {
        String order = rs.getString("order_id");
        String resentFrom = rs.getString("resent_from");
        return new Message(rs.getObject("id", UUID.class), MessageKind.valueOf(rs.getString("kind")),
                order == null ? null : UUID.fromString(order), rs.getString("channel"), rs.getString("recipient"),
                rs.getString("locale"), rs.getString("subject"), rs.getString("body"),
                MessageStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"),
                resentFrom == null ? null : UUID.fromString(resentFrom), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("sent_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
