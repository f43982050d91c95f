package org.ordo.intake;

import java.util.UUID;

import org.ordo.intake.internal.IdempotencyKeys;
import org.ordo.intake.internal.InboundDocuments;
import org.ordo.intake.internal.KeyLocks;
import org.ordo.ordering.Channel;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Cursor;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.ordo.platform.Sha256;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Order intake from every channel, with every inbound document stored as received. */
@Service
public class Intake {

    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final InboundDocuments documents;
    private final IdempotencyKeys keys;
    private final OrderManagement orders;
    private final Json json;
    private final TransactionTemplate transaction;
    private final KeyLocks keyLocks;
    private final ReviewQueue reviews;

    Intake(InboundDocuments documents, IdempotencyKeys keys, OrderManagement orders, Json json,
            TransactionTemplate transaction, KeyLocks keyLocks, ReviewQueue reviews) {
        this.keyLocks = keyLocks;
        this.reviews = reviews;
        this.documents = documents;
        this.keys = keys;
        this.orders = orders;
        this.json = json;
        this.transaction = transaction;
    }

    /** What the caller gets: the status and JSON body of the answer; {@code replayed} for a repeated key. */
    public record Answer(int status, String body, UUID orderId, boolean replayed)
            implements IdempotentAnswer {
    }

    /**
     * Takes an order sent to the REST API. In one transaction: claims the idempotency key, stores the body as
     * received (one statement), places the order (which reserves stock) and links the two. The same key with the same body gives
     * the first answer again; with another body a 422. Anything refused rolls back whole: nothing is stored.
     */
    public Answer takeApiOrder(String client, String actor, String idempotencyKey, String contentType,
            byte[] body) {
        checkKey(idempotencyKey, "order");
        PlaceOrder command = json.readRequest(body, PlaceOrder.class);
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("platform.must_be_a_json_object"));
        }
        refuseChannelWithItsOwnWayIn(command.channel());
        String hash = Sha256.hex(body);
        return transaction.execute(tx -> {
            Claim claim = claim(client, idempotencyKey, hash, "api", contentType, body, actor,
                    () -> new InvalidInputException(IDEMPOTENCY_HEADER,
                            Wording.of("intake.was_already_used_for_a_different")));
            if (claim.replay() != null) {
                return new Answer(claim.replay().status(), claim.replay().response(), claim.replay().orderId(), true);
            }
            UUID documentId = claim.documentId();
            OrderView order = orders.place(command, new PlaceOrder.Source(documentId, actor));
            String response = json.write(order);
            keys.completeWithDocument(client, idempotencyKey, 201, response, order.id(), documentId);
            return new Answer(201, response, order.id(), false);
        });
    }

    /**
     * Orders of the shop platforms come only through their signed webhooks and order files only through the file
     * import: those check the signature or keep the file, which a plain API call claiming the channel would skip.
     */
    private static void refuseChannelWithItsOwnWayIn(String code) {
        Channel channel = Channel.parse(code);
        if (channel == Channel.SHOPIFY || channel == Channel.WOOCOMMERCE || channel == Channel.SHOPWARE) {
            throw new InvalidInputException("channel", Wording.of("intake.must_not_be_orders_come_through", code,
                    code));
        }
        if (channel == Channel.FILE) {
            throw new InvalidInputException("channel", Wording.of("intake.must_not_be_file_order_files"));
        }
    }

    private static void checkKey(String idempotencyKey, String what) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, Wording.of("intake.is_required_a_unique_key_per",
                    what));
        }
        if (idempotencyKey.length() > 255 || !idempotencyKey.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            throw new InvalidInputException(IDEMPOTENCY_HEADER, Wording.of("intake.must_be_1_255_visible_ascii"));
        }
    }

    /** What a creating request made: the answer to keep with its key, and the type and id of what was made. */
    public record Produced(int status, String body, String type, UUID id) {
    }

    /** The answer to a creating request: status and JSON body, the id of what it made, {@code replayed} for a repeated key. */
    public record Taken(int status, String body, UUID producedId, boolean replayed)
            implements IdempotentAnswer {
    }

    /**
     * Takes a creating API request other than an order (a return request, ...) the way orders are taken: in one
     * transaction the idempotency key is claimed and the body stored as received, {@code handler} makes what
     * was asked (given the stored document's id) and the answer is kept with the key. The same key with the same
     * request gives the first answer again, with another request a 422; a refused request rolls back whole.
     * {@code request} names the target (e.g. {@code POST /api/v1/orders/{id}/returns}): it is part of what
     * must match, so the same key and body sent to another order is another request.
     */
    public Taken takeApiRequest(String client, String actor, String idempotencyKey, String request, String what,
            String contentType, byte[] body, java.util.function.Function<UUID, Produced> handler) {
        checkKey(idempotencyKey, what);
        byte[] target = (request + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] hashed = java.util.Arrays.copyOf(target, target.length + body.length);
        System.arraycopy(body, 0, hashed, target.length, body.length);
        String hash = Sha256.hex(hashed);
        return transaction.execute(tx -> {
            Claim claim = claim(client, idempotencyKey, hash, "api", contentType, body, actor,
                    () -> new InvalidInputException(IDEMPOTENCY_HEADER,
                            Wording.of("intake.was_already_used_for_a_different_2", what)));
            IdempotencyKeys.Stored stored = claim.replay();
            if (stored != null) {
                return new Taken(stored.status(), stored.response(),
                        stored.producedId() != null ? stored.producedId() : stored.orderId(), true);
            }
            UUID documentId = claim.documentId();
            Produced produced = handler.apply(documentId);
            keys.completeWithDocument(client, idempotencyKey, produced.status(), produced.body(), produced.type(),
                    produced.id(), documentId);
            return new Taken(produced.status(), produced.body(), produced.id(), false);
        });
    }

    /** What processing a document that may produce several orders came to: the answer kept with its key. */
    public record Processed(int status, String body, String reviewReason, ReviewEntry.Kind reviewKind) {

        /** Waits in review (when {@code reviewReason} is given) as the kind its channel's documents are. */
        public Processed(int status, String body, String reviewReason) {
            this(status, body, reviewReason, null);
        }
    }

    /**
     * Takes a document that may produce several orders (an EDI interchange), idempotent on the client's key, in
     * steps, so that thousands of orders are not one transaction: (1) a key answered before gives its answer again
     * ({@code replayed}) and the same key with other content is refused with 409 naming {@code keyField}; (2) the
     * document is stored as received and committed; (3) one transaction claims the key and holds it while
     * {@code process} places the orders, committing its work in transactions of its own (each order linked to the
     * document by its id), then keeps the answer with the key and marks the document processed, or in the review
     * queue with the reason. A concurrent request with the same key waits for this one (in this JVM without a
     * database connection, see {@link KeyLocks}) and gets its answer; its own copy of the document is discarded.
     * If this fails half-way, the key stays free and what {@code process} committed stays: {@code process} must
     * recognise its own finished work when the document comes again, so a repeat finishes what is missing and
     * creates nothing twice. The repeat goes on with the first attempt's copy of the document (the one of this
     * channel with the same content still received), so the document is stored once.
     */
    public Answer takeDocument(String client, String key, String keyField, String channel, String contentType,
            byte[] body, String actor, java.util.function.Function<UUID, Processed> process) {
        String hash = Sha256.hex(body);
        java.util.function.Supplier<RuntimeException> otherRequest = () -> new org.ordo.platform.ConflictException(
                "key-reused", "Reference already used", Wording.of("intake.was_already_received_with_other_content",
                        keyField, key), java.util.Map.of("field", keyField));
        return keyLocks.withLock(client, key, () -> {
            Answer replay = replay(client, key, hash, otherRequest);
            if (replay != null) {
                return replay;
            }
            // An earlier attempt that failed half-way left its copy RECEIVED, with what it committed linked to
            // it: this attempt goes on with that copy, so the document is stored once
            UUID unfinished = transaction.execute(tx -> documents.unfinished(channel, hash).orElse(null));
            UUID documentId = unfinished != null ? unfinished
                    : transaction.execute(tx -> documents.store(channel, contentType, body, hash, actor));
            return transaction.execute(tx -> {
                if (!keys.claim(client, key, hash)) {
                    // another node took the same document meanwhile
                    if (unfinished == null) {
                        documents.discard(documentId);
                    }
                    return replay(client, key, hash, otherRequest);
                }
                Processed processed = process.apply(documentId);
                keys.complete(client, key, processed.status(), processed.body());
                if (processed.reviewReason() == null) {
                    documents.processed(documentId, channel.toUpperCase(java.util.Locale.ROOT), null);
                } else {
                    reviews.open(new OpenReview(documentId, "", processed.reviewKind() != null
                            ? processed.reviewKind() : ReviewEntry.Kind.of(channel), processed.reviewReason(),
                            null, null, null));
                }
                return new Answer(processed.status(), processed.body(), null, false);
            });
        });
    }

    /** The answer kept with a key answered before; null when the key is free; refused when the content differs. */
    private Answer replay(String client, String key, String hash,
            java.util.function.Supplier<RuntimeException> otherRequest) {
        IdempotencyKeys.Stored stored = keys.find(client, key).orElse(null);
        if (stored == null) {
            return null;
        }
        if (!stored.requestHash().equals(hash)) {
            throw otherRequest.get();
        }
        return new Answer(stored.status(), stored.response(), null, true);
    }

    /** A claimed key with its newly stored document, or a key claimed before with the answer kept for it. */
    private record Claim(UUID documentId, IdempotencyKeys.Stored replay) {
    }

    /**
     * Claims the key and stores the body as received (one statement). For a key claimed before, gives what was kept
     * with it, once the request is known to be the same ({@code hash}); another request under that key is refused
     * with {@code otherRequest}. A concurrent claim of the same key waits for the first and then replays it.
     */
    private Claim claim(String client, String key, String hash, String channel, String contentType, byte[] body,
            String actor, java.util.function.Supplier<RuntimeException> otherRequest) {
        UUID documentId = keys.claimAndStore(client, key, hash, channel, contentType, body, actor).orElse(null);
        if (documentId != null) {
            return new Claim(documentId, null);
        }
        IdempotencyKeys.Stored stored = keys.find(client, key).orElseThrow();
        if (!stored.requestHash().equals(hash)) {
            throw otherRequest.get();
        }
        return new Claim(null, stored);
    }

    /** Stores a document from any channel exactly as received, before anything is done with it. */
    @org.springframework.transaction.annotation.Transactional
    public UUID archive(String channel, String contentType, byte[] body, String actor) {
        return documents.store(channel, contentType, body, actor);
    }

    /** The document was turned into what it asked for. */
    @org.springframework.transaction.annotation.Transactional
    public void processed(UUID documentId, String producedType, UUID producedId) {
        documents.processed(documentId, producedType, producedId);
    }

    /** The document (or part of it) could not be processed: it waits in the review queue with the reason. */
    @org.springframework.transaction.annotation.Transactional
    public void review(UUID documentId, String reason) {
        String channel = documents.find(documentId, false).orElseThrow().channel();
        reviews.open(new OpenReview(documentId, "", ReviewEntry.Kind.of(channel), reason, null, null, null));
    }

    public InboundDocument document(UUID id) {
        return documents.find(id, false).orElseThrow(() -> new NotFoundException("Inbound document", id));
    }

    /** The document exactly as it was received. */
    public byte[] originalBody(UUID id) {
        return documents.body(id).orElseThrow(() -> new NotFoundException("Inbound document", id));
    }

    /** Inbound documents, newest first; {@code status=REVIEW} is the review queue. */
    public Slice<InboundDocument> documents(InboundDocument.Status status, String channel, String after, int limit) {
        Cursor cursor = after == null ? null : Cursor.decode(after, "after");
        return Slice.of(documents.list(status, channel, cursor, limit + 1), limit,
                last -> new Cursor(last.receivedAt(), last.id()).encode());
    }

}
