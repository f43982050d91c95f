package org.ordo.notification;

import java.util.List;
import java.util.UUID;

import org.ordo.notification.internal.Messages;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.Ids;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Messages to customers: the outbox with each message's state, and sending one again. */
@Service
public class Notifications {

    private final Messages messages;

    Notifications(Messages messages) {
        this.messages = messages;
    }

    /** One page of messages, newest first, without bodies. */
    @Transactional(readOnly = true)
    public Slice<Message> messages(MessageQuery query) {
        Cursor after = query.after() == null ? null : Cursor.decode(query.after(), "after");
        List<Message> rows = messages.page(query.status(), query.orderId(), after, query.limit() + 1).stream()
                .map(Message::withoutBody).toList();
        return Slice.of(rows, query.limit(), last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    /**
     * Messages still not delivered (queued, retrying or being sent) that were queued longer ago than {@code age}
     * (by database time), oldest first, at most {@code limit}: with retries and back-off, a message that has not
     * gone out after a while needs a person.
     */
    @Transactional(readOnly = true)
    public List<Message> undeliveredFor(java.time.Duration age, int limit) {
        return messages.undeliveredOlderThan(age, limit);
    }

    /** The message with its body. */
    public Message require(UUID id) {
        return messages.find(id).orElseThrow(() -> new NotFoundException("Message", id));
    }

    /** The stored documents attached to a message, in order (billing's document ids). */
    public List<UUID> attachmentsOf(UUID id) {
        require(id);
        return messages.attachments(id);
    }

    /** The messages of an order, oldest first, with their bodies. */
    public List<Message> ofOrder(UUID orderId) {
        return messages.ofOrder(orderId);
    }

    /**
     * Queues a copy of a message to the same recipient with the same text and attachments (a customer lost it,
     * or it FAILED and the address is fixed now). Refuses (409) a message that is still waiting to be sent.
     */
    @Transactional
    public Message resend(UUID id) {
        Message original = require(id);
        if (original.status() == MessageStatus.QUEUED || original.status() == MessageStatus.SENDING) {
            throw new ConflictException("message-pending", "Message not sent yet",
                    Wording.of("notification.message_is_it_will_be_sent", id,
                            Wording.of("notification.status." + original.status().name())));
        }
        UUID copy = Ids.next();
        messages.queue(copy, original.channel(), new Messages.Draft(original.kind(), original.orderId(),
                original.recipient(), original.locale(), original.subject(), original.body(), null, original.id(),
                messages.attachments(original.id())));
        return require(copy);
    }
}
