package org.ordo.notification.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.ordo.notification.Message;
import org.ordo.notification.MessageQuery;
import org.ordo.notification.MessageStatus;
import org.ordo.notification.Notifications;
import org.ordo.ordering.OrderManagement;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.http.HttpStatus;
import org.ordo.billing.DocumentArchive;
import org.ordo.billing.StoredDocument;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Messages", description = "Messages to customers (e-mail and SMS): the outbox and each message's state")
class MessageController {

    private final Notifications notifications;
    private final OrderManagement orders;
    private final int maxPageSize;
    private final DocumentArchive documents;

    MessageController(Notifications notifications, OrderManagement orders, OrdoProperties properties,
            DocumentArchive documents) {
        this.notifications = notifications;
        this.documents = documents;
        this.orders = orders;
        this.maxPageSize = properties.api().maxPageSize();
    }

    @GetMapping("/api/v1/messages")
    @Operation(operationId = "listMessages", summary = "Messages, newest first (without bodies)", description = """
            status: QUEUED, SENDING, SENT, FAILED or KEPT (kept: no SMTP server or SMS gateway configured). order: id or number.
            Keyset paging: pass the answer's next as after.""")
    Slice<Message> messages(
            @io.swagger.v3.oas.annotations.Parameter(schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = org.ordo.notification.MessageStatus.class))
            @RequestParam(required = false) String status,
            @Parameter(description = "order id or number") @RequestParam(required = false) String order,
            @RequestParam(required = false) String after, @RequestParam(defaultValue = "50") int limit) {
        MessageStatus parsed = null;
        if (status != null && !status.isBlank()) {
            parsed = MessageStatus.parse(status.trim());
            if (parsed == null) {
                throw new InvalidInputException("status", Wording.of("notification.must_be_one_of_queued_sending"));
            }
        }
        UUID orderId = order == null || order.isBlank() ? null : orders.idOf(order.trim());
        return notifications.messages(new MessageQuery(parsed, orderId, after, Slice.checkLimit(limit,
                maxPageSize)));
    }

    @GetMapping("/api/v1/messages/{id}")
    @Operation(operationId = "getMessage", summary = "A message with its text and delivery state")
    Message message(@PathVariable UUID id) {
        return notifications.require(id);
    }

    /** A document attached to a message; {@code document} is null when it cannot be found (not of this order). */
    record Attachment(UUID documentId, String download, StoredDocument document) {
    }

    @GetMapping("/api/v1/messages/{id}/attachments")
    @Operation(operationId = "listMessageAttachments", summary = "The documents attached to a message, in order (download each at /api/v1/documents/{id})")
    List<Attachment> attachments(@PathVariable UUID id) {
        UUID orderId = notifications.require(id).orderId();
        // Listing renders what is not rendered yet, so each download link answers.
        return notifications.attachmentsOf(id).stream().map(doc -> new Attachment(doc, "/api/v1/documents/" + doc,
                documents.rendered(doc, orderId).orElse(null))).toList();
    }

    @PostMapping("/api/v1/messages/{id}/resend")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "resendMessage", summary = "Queue a copy of a sent, kept or failed message")
    Message resend(@PathVariable UUID id) {
        return notifications.resend(id);
    }

    @GetMapping("/api/v1/orders/{id}/messages")
    @Tag(name = "Orders")
    @Operation(operationId = "listMessagesOfOrder", summary = "Messages sent (or kept) for an order, oldest first")
    List<Message> ofOrder(@PathVariable String id) {
        return notifications.ofOrder(orders.idOf(id));
    }
}
