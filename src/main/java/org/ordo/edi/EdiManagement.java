package org.ordo.edi;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.ordo.catalog.Catalog;
import org.ordo.edi.internal.ControlReport;
import org.ordo.edi.internal.Deliveries;
import org.ordo.edi.internal.EdiMessages;
import org.ordo.edi.internal.Interchange;
import org.ordo.edi.internal.Interchange.SyntaxError;
import org.ordo.edi.internal.FunctionalAcknowledgement;
import org.ordo.edi.internal.OrderResponse;
import org.ordo.edi.internal.OrdersMessage;
import org.ordo.edi.internal.PurchaseOrderMessage;
import org.ordo.edi.internal.TradingPartners;
import org.ordo.intake.Intake;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentMethod;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.FieldError;
import org.ordo.platform.IdempotentAnswer;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Json;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Trading partners, EDIFACT interchanges in, and the acknowledgements that go back. */
@Service
public class EdiManagement {

    public static final String CONTENT_TYPE = "application/EDIFACT";
    public static final String CONTENT_TYPE_X12 = "application/EDI-X12";
    /** The most article numbers one partner may map; the OpenAPI document states it. */
    public static final int MAX_ARTICLE_NUMBERS = 100_000;
    /** Messages placed per transaction of an interchange ({@code ordo.edi.messages-per-transaction}). */
    private final int chunk;

    private final TradingPartners partners;
    private final EdiMessages messages;
    private final Intake intake;
    private final OrderManagement orders;
    private final Catalog catalog;
    private final PartyManagement parties;
    private final Json json;
    private final Clock clock;
    private final TransactionTemplate chunkTransaction;
    private final Deliveries deliveries;

    EdiManagement(TradingPartners partners, EdiMessages messages, Intake intake, OrderManagement orders,
            Catalog catalog, PartyManagement parties, Json json, Clock clock, PlatformTransactionManager transactions,
            Deliveries deliveries,
            @org.springframework.beans.factory.annotation.Value("${ordo.edi.messages-per-transaction:200}")
            int messagesPerTransaction) {
        if (messagesPerTransaction < 1 || messagesPerTransaction > 10_000) {
            throw new IllegalArgumentException("ordo.edi.messages-per-transaction must be 1-10000: "
                    + messagesPerTransaction);
        }
        this.chunk = messagesPerTransaction;
        this.deliveries = deliveries;
        this.partners = partners;
        this.messages = messages;
        this.intake = intake;
        this.orders = orders;
        this.catalog = catalog;
        this.parties = parties;
        this.json = json;
        this.clock = clock;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.chunkTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // --- trading partners --------------------------------------------------------------------------------------

    /** Registers a partner; refuses a taken code or sender identifier (409) and invalid fields (422). */
    @Transactional
    public TradingPartner register(PartnerDraft draft) {
        check(draft);
        try {
            if (!partners.insert(draft)) {
                throw new ConflictException("duplicate-partner", "Duplicate partner",
                        Wording.of("edi.a_trading_partner_with_code_exists", draft.code()), Map.of("field", "code"));
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw senderTaken(draft);
        }
        return partners.find(draft.code()).orElseThrow();
    }

    /** Changes a partner; the code in the path is the key and cannot change. */
    @Transactional
    public TradingPartner change(String code, PartnerDraft draft) {
        if (draft.code() != null && !draft.code().equals(code)) {
            throw new InvalidInputException("code", Wording.of("edi.cannot_be_changed", code));
        }
        PartnerDraft withCode = new PartnerDraft(code, draft.name(), draft.customerId(), draft.standard(),
                draft.version(), draft.senderQualifier(), draft.senderId(), draft.recipientQualifier(),
                draft.recipientId(), draft.articleNumbers(), draft.currency(), draft.paymentMethod(), draft.shipTo(),
                draft.priceTolerance(), draft.delivery(), draft.deliveryUrl(), draft.applicationSenderCode(),
                draft.applicationReceiverCode());
        check(withCode);
        try {
            if (!partners.update(withCode)) {
                throw new NotFoundException("Trading partner", code);
            }
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw senderTaken(withCode);
        }
        return partners.find(code).orElseThrow();
    }

    private void check(PartnerDraft draft) {
        draft.check(PaymentMethod.codes());
        if (parties.findCustomer(draft.customerId()).isEmpty()) {
            throw new InvalidInputException("customerId", Wording.of("edi.names_no_customer", draft.customerId()));
        }
    }

    private static ConflictException senderTaken(PartnerDraft draft) {
        return new ConflictException("duplicate-sender", "Sender identifier taken",
                draft.senderQualifier() == null ? Wording.of("edi.another_trading_partner_sends_as", draft.senderId())
                        : Wording.of("edi.another_trading_partner_sends_as_qualified", draft.senderId(),
                                draft.senderQualifier()),
                Map.of("field", "senderId"));
    }

    public TradingPartner partner(String code) {
        return partners.find(code).orElseThrow(() -> new NotFoundException("Trading partner", code));
    }

    /**
     * Replaces the partner's own article numbers (their number to our SKU) as a whole; refuses unknown SKUs and
     * malformed numbers (422 naming each), changing nothing then.
     */
    @Transactional
    public Map<String, String> mapArticles(String code, Map<String, String> numbersToSkus) {
        partner(code);
        if (numbersToSkus == null) {
            throw new InvalidInputException("body", Wording.of("edi.is_required_their_number_our_sku"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (numbersToSkus.size() > MAX_ARTICLE_NUMBERS) {
            errors.add(new FieldError("body", Wording.of("edi.must_map_at_most_numbers", MAX_ARTICLE_NUMBERS)));
        }
        Set<String> known = catalog.findAll(new HashSet<>(numbersToSkus.values())).keySet();
        numbersToSkus.forEach((number, sku) -> {
            if (number.isBlank() || number.length() > 35) {
                errors.add(new FieldError(number, Wording.of("edi.a_partner_s_article_number_must")));
            } else if (sku == null || !known.contains(sku)) {
                errors.add(new FieldError(number, Wording.of("edi.names_no_article", sku)));
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        partners.replaceArticles(code, numbersToSkus);
        return partners.articles(code);
    }

    public Map<String, String> articles(String code) {
        partner(code);
        return partners.articles(code);
    }

    /** The partner's messages in and out, oldest first. */
    public Slice<EdiMessage> messages(String partner, EdiMessage.Direction direction, EdiMessage.Outcome outcome,
            String after, int limit) {
        partner(partner);
        Cursor cursor = after == null ? null : Cursor.decode(after, "after");
        return Slice.of(messages.list(partner, direction, outcome, cursor, limit + 1), limit,
                last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    /** Every partner, by code. */
    public List<TradingPartner> partners() {
        return partners.all();
    }

    /** One message of the partner; 404 when the partner has none with this id. */
    public EdiMessage message(String partner, UUID id) {
        return messages.find(partner, id).orElseThrow(() -> new NotFoundException("EDI message", id));
    }

    /**
     * A message as people read it, one segment a line: an outgoing one as sent, an incoming one as the whole
     * interchange it came in (the stored original, decoded in the charset it declares).
     */
    public String text(String partner, UUID id) {
        EdiMessage message = message(partner, id);
        if (message.direction() == EdiMessage.Direction.OUT) {
            return message.body();
        }
        return Interchange.onLines(intake.originalBody(message.inboundDocumentId()));
    }

    /**
     * Delivers an outgoing message to the partner again, as it was sent (same control number and body): queued
     * now, whatever became of it before. Refuses a message being delivered this moment (409) and messages in (422).
     */
    @Transactional
    public void resend(String partner, UUID id) {
        EdiMessage message = message(partner, id);
        if (message.direction() != EdiMessage.Direction.OUT) {
            throw new InvalidInputException("id", Wording.of("edi.names_a_message_in_only_messages"));
        }
        if (!deliveries.requeue(partner, id, clock.instant())) {
            throw new ConflictException("being-delivered", "Being delivered",
                    Wording.of("edi.edi_message_is_being_delivered_now", message.type(), message.controlNumber()));
        }
    }

    /**
     * Delivers an outgoing message again, found by its id alone (the API's way), as {@link #resend(String, UUID)};
     * answers the message as it is now, queued. Asking twice before it goes out queues it once.
     */
    @Transactional
    public EdiMessage resend(UUID id) {
        EdiMessage message = messages.find(id).orElseThrow(() -> new NotFoundException("EDI message", id));
        resend(message.partner(), id);
        return message(message.partner(), id);
    }

    /**
     * Reprocesses the interchange stored as inbound document {@code documentId}, as
     * {@link #reprocess(String, UUID, String)}; 404 when no EDI interchange was stored under it.
     */
    @Transactional
    public Reprocessed reprocess(UUID documentId, String actor) {
        String code = messages.partnerOfInterchange(documentId)
                .orElseThrow(() -> new NotFoundException("EDI interchange", documentId));
        return reprocess(code, documentId, actor);
    }

    /** What reprocessing an interchange came to: the messages tried again and what became of each. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "EdiReprocessedInterchange")
    public record Reprocessed(String partner, String interchangeRef, List<ReceivedInterchange.Message> messages) {
    }

    /**
     * Tries the messages of a stored interchange that wait for review again, once their cause is fixed (an article's
     * GTIN added, stock received, the partner's ship-to set): each is placed as on receipt, in a savepoint of its
     * own, and answered with its ORDRSP / 855; one that still cannot be placed keeps waiting with the new reason.
     * Rejected messages are not tried (the partner must send them again). The messages are locked, so two people
     * reprocessing at once place nothing twice. The interchange leaves the review queue when nothing waits.
     */
    @Transactional
    public Reprocessed reprocess(String code, UUID documentId, String actor) {
        TradingPartner partner = partner(code);
        List<EdiMessage> waiting = messages.lockInReview(code, documentId);
        if (waiting.isEmpty()) {
            throw new ConflictException("nothing-to-reprocess", "Nothing to reprocess",
                    Wording.of("edi.no_message_of_this_interchange_waits"));
        }
        Interchange interchange = Interchange.read(intake.originalBody(documentId));
        String reference = waiting.get(0).interchangeRef();
        Map<String, OrdersMessage> byRef = new LinkedHashMap<>();
        for (Interchange.Message raw : interchange.messages()) {
            byRef.put(raw.ref(), interchange.isX12() ? PurchaseOrderMessage.read(raw) : OrdersMessage.read(raw));
        }
        Map<String, String> skus = articleNumbers(partner, waiting.stream().map(m -> byRef.get(m.messageRef()))
                .filter(m -> m != null).toList());
        List<ReceivedInterchange.Message> outcomes = new ArrayList<>();
        for (EdiMessage message : waiting) {
            OrdersMessage read = byRef.get(message.messageRef());
            Placement placement = place(partner, reference, read, skus, documentId, actor);
            ReceivedInterchange.Message outcome = placement.outcome();
            messages.reprocessed(message.id(), outcome.outcome(), outcome.reason(), outcome.orderId(),
                    outcome.orderNumber());
            if (placement.order() != null) {
                respond(partner, interchange, reference, List.of(orderResponse(partner, read, placement.order(),
                        skus)), documentId);
            }
            outcomes.add(outcome);
        }
        List<String> attention = messages.stillWaiting(code, documentId);
        if (attention.isEmpty()) {
            intake.processed(documentId, "EDI", null);
        } else {
            intake.review(documentId, abbreviate(attention.size() + " messages need attention: "
                    + String.join("; ", attention), 2000));
        }
        return new Reprocessed(code, reference, outcomes);
    }

    // --- interchanges in ---------------------------------------------------------------------------------------

    /** The answer to an interchange, as JSON, and whether it is the answer kept from the first time it came. */
    public record Answer(int status, String body, boolean replayed) implements IdempotentAnswer {
    }

    /**
     * Takes an EDIFACT interchange of ORDERS messages. What is not a readable interchange from a registered partner
     * is refused (422) and nothing is stored. Otherwise the interchange is stored as an inbound document and, in
     * transactions of ordo.edi.messages-per-transaction (200) messages each (while the interchange's reference stays claimed), each message that passes
     * the syntax checks and names known articles and a delivery address is placed as an order through {@link OrderManagement#place} (channel {@code edi}, external reference
     * {@code PARTNER/order number}, linked to the document); a message that cannot become an order with certainty
     * is recorded with the reason and the document goes to the review queue, while the other messages proceed; a
     * CONTRL acknowledgement is numbered and stored at the end. The same interchange again (same partner and UNB
     * reference) changes nothing and gets the same answer; a concurrent one waits for the first. If taking it
     * fails half-way, the messages already taken keep their outcome and the interchange sent again takes the rest.
     */
    public Answer receive(byte[] body, String contentType, String actor) {
        return receive(body, contentType, actor, null);
    }

    /**
     * Receives an interchange as {@link #receive(byte[], String, String)}, from a partner's drop folder: one whose
     * sender is another partner than the folder's ({@code expectedPartner}) is refused (422).
     */
    public Answer receive(byte[] body, String contentType, String actor, String expectedPartner) {
        Interchange interchange = Interchange.read(body);
        Interchange.Segment header = interchange.header();
        boolean x12 = interchange.isX12();
        String envelope = x12 ? "ISA" : "UNB";
        // UNB: S002 sender (id:qualifier), S003 recipient, 0020 reference; ISA: 05/06 sender, 07/08 recipient, 13
        String senderQualifier = blankToNull((x12 ? header.value(5) : header.value(2, 2)).trim());
        String senderId = (x12 ? header.value(6) : header.value(2, 1)).trim();
        String recipientId = (x12 ? header.value(8) : header.value(3, 1)).trim();
        String reference = x12 ? header.value(13) : header.value(5);
        TradingPartner partner = partners.findBySender(x12 ? TradingPartner.Standard.X12
                : TradingPartner.Standard.EDIFACT, senderQualifier, senderId)
                .orElseThrow(() -> new InvalidInputException(envelope + ".sender",
                        senderQualifier == null ? Wording.of("edi.names_no_registered_trading_partner", senderId)
                                : Wording.of("edi.names_no_registered_trading_partner_qualified", senderId,
                                        senderQualifier)));
        if (expectedPartner != null && !partner.code().equals(expectedPartner)) {
            throw new InvalidInputException(envelope + ".sender",
                    Wording.of("edi.names_trading_partner_but_the_interchange", partner.code(), expectedPartner));
        }
        if (!partner.recipientId().equals(recipientId)) {
            throw new InvalidInputException(envelope + ".recipient", Wording.of("edi.must_be_as_agreed_with_partner",
                    partner.recipientId(), partner.code(), recipientId));
        }
        if (reference.isEmpty() || reference.length() > 14) {
            throw new InvalidInputException(envelope + ".reference", Wording.of("edi.must_be_1_14_characters"));
        }
        if (x12 && interchange.group() == null) {
            throw new InvalidInputException("GS", Wording.of("edi.is_missing_the_purchase_orders_must"));
        }
        if (x12) {
            checkApplication("GS.applicationSender", partner.applicationSenderCode(), interchange.group().value(2));
            checkApplication("GS.applicationReceiver", partner.applicationReceiverCode(),
                    interchange.group().value(3));
        }
        Intake.Answer answer = intake.takeDocument("edi:" + partner.code(), reference, envelope + ".reference", "edi",
                contentType == null ? (x12 ? CONTENT_TYPE_X12 : CONTENT_TYPE) : contentType, body, actor,
                documentId -> process(partner, interchange, reference, documentId, actor));
        return new Answer(answer.status(), answer.body(), answer.replayed());
    }

    /** A GS02/GS03 the partner agreed must be the one its group names; none agreed: any is taken. */
    private static void checkApplication(String field, String agreed, String named) {
        if (agreed != null && !agreed.equals(named == null ? null : named.trim())) {
            throw new InvalidInputException(field, Wording.of("edi.must_be_as_agreed_with_the", agreed, named));
        }
    }

    private Intake.Processed process(TradingPartner partner, Interchange interchange, String reference,
            UUID documentId, String actor) {
        boolean x12 = interchange.isX12();
        List<OrdersMessage> read = interchange.messages().stream()
                .map(x12 ? PurchaseOrderMessage::read : OrdersMessage::read).toList();
        Map<String, String> skus = articleNumbers(partner, read);
        List<ControlReport.MessageReport> reports = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Interchange.Message raw = interchange.messages().get(i);
            reports.add(new ControlReport.MessageReport(raw.ref(), raw.type(), raw.version(), raw.release(),
                    raw.agency(), read.get(i).errors()));
        }
        // Messages taken by an earlier attempt that failed before its end keep what became of them
        Map<String, ReceivedInterchange.Message> taken = messages.incoming(partner.code(), reference);
        List<ReceivedInterchange.Message> outcomes = new ArrayList<>();
        for (int from = 0; from < read.size(); from += this.chunk) {
            List<OrdersMessage> chunk = read.subList(from, Math.min(read.size(), from + this.chunk));
            // Each chunk commits on its own: thousands of orders in one transaction make every reservation walk
            // longer chains of row versions of the same stock levels (docs/benchmarks.md, P4)
            outcomes.addAll(chunkTransaction.execute(tx -> {
                List<ReceivedInterchange.Message> done = new ArrayList<>();
                // What the chunk's messages came to and their order responses are written once per chunk, in one
                // statement each, and the chunk takes its control numbers as one block (docs/benchmarks.md, P4)
                List<EdiMessages.Incoming> taking = new ArrayList<>();
                List<OrderResponse.Order> answers = new ArrayList<>();
                // The chunk's orders are placed as one batch through the one placement path: the articles and the
                // customer are read once for the chunk, each order in a savepoint of its own (docs/benchmarks.md, P4)
                List<OrdersMessage> toPlace = chunk.stream().filter(m -> !taken.containsKey(m.ref())
                        && interchange.errors().isEmpty() && m.errors().isEmpty()).toList();
                Map<String, Placement> placed = new java.util.HashMap<>();
                List<Placement> placements = place(partner, reference, toPlace, skus, documentId, actor);
                for (int i = 0; i < toPlace.size(); i++) {
                    placed.put(toPlace.get(i).ref(), placements.get(i));
                }
                for (OrdersMessage message : chunk) {
                    ReceivedInterchange.Message before = taken.get(message.ref());
                    done.add(before != null ? new ReceivedInterchange.Message(before.messageRef(),
                            message.orderNumber(), before.outcome(), before.orderId(), before.orderNumber(),
                            before.reason()) : take(partner, interchange, reference, message, skus, documentId,
                                    placed.get(message.ref()), taking, answers));
                }
                messages.recordIncoming(taking);
                respond(partner, interchange, reference, answers, documentId);
                return done;
            }));
        }
        long controlNumber = partners.nextControlNumber(partner.code());
        ControlReport.Party us = new ControlReport.Party(partner.recipientId(), partner.recipientQualifier());
        ControlReport.Party them = new ControlReport.Party(partner.senderId(), partner.senderQualifier());
        String type = x12 ? "997" : "CONTRL";
        String contrl = x12
                ? FunctionalAcknowledgement.write(us, them, interchange.group().value(3),
                        interchange.group().value(2), controlNumber, ZonedDateTime.now(clock),
                        interchange.group().value(6), interchange.errors(), reports.stream()
                                .map(r -> new FunctionalAcknowledgement.SetReport(r.ref(), r.errors())).toList())
                : ControlReport.write(us, them, controlNumber, ZonedDateTime.now(clock), reference,
                        interchange.errors(), reports);
        messages.recordOutgoing(partner.code(), type, reference, controlNumber, contrl, documentId);
        boolean accepted = interchange.errors().isEmpty() && read.stream().allMatch(m -> m.errors().isEmpty());
        ReceivedInterchange received = new ReceivedInterchange(partner.code(), reference, documentId, outcomes,
                new ReceivedInterchange.Acknowledgement(type, controlNumber, accepted, contrl));
        List<String> attention = outcomes.stream().filter(o -> o.outcome() != EdiMessage.Outcome.PLACED)
                .map(o -> "message " + o.messageRef() + " " + o.outcome().name().toLowerCase() + ": " + o.reason())
                .toList();
        String review = attention.isEmpty() ? null : abbreviate(attention.size() + " of " + outcomes.size()
                + " messages need attention: " + String.join("; ", attention), 2000);
        return new Intake.Processed(200, json.write(received), review);
    }

    /**
     * Takes one message in the caller's transaction: what its placement came to ({@code placement}, null for a
     * message rejected for its syntax), added to {@code taking} and, for a placed order, its ORDRSP / 855 to
     * {@code answers}, which the caller writes.
     */
    private ReceivedInterchange.Message take(TradingPartner partner, Interchange interchange, String reference,
            OrdersMessage message, Map<String, String> skus, UUID documentId, Placement placed,
            List<EdiMessages.Incoming> taking, List<OrderResponse.Order> answers) {
        Placement placement = placed != null ? placed
                : new Placement(new ReceivedInterchange.Message(message.ref(), message.orderNumber(),
                        EdiMessage.Outcome.REJECTED, null, null, rejection(interchange.errors(), message.errors())),
                        null);
        ReceivedInterchange.Message outcome = placement.outcome();
        taking.add(new EdiMessages.Incoming(partner.code(), interchange.isX12() ? "850" : "ORDERS",
                reference, message.ref(), outcome.outcome(), outcome.reason(), outcome.orderId(),
                outcome.orderNumber(), documentId));
        if (placement.order() != null) {
            answers.add(orderResponse(partner, message, placement.order(), skus));
        }
        return outcome;
    }

    /** What became of a message, and the order when one was placed. */
    private record Placement(ReceivedInterchange.Message outcome, OrderView order) {
    }

    /**
     * The ORDRSP (EDIFACT) or 855 (X12) answering a placed order: each of the buyer's lines as accepted, or changed
     * where part is backordered.
     */
    private OrderResponse.Order orderResponse(TradingPartner partner, OrdersMessage message, OrderView order,
            Map<String, String> skus) {
        Map<String, OrderView.Line> bySku = order.lines().stream()
                .collect(Collectors.toMap(OrderView.Line::sku, l -> l, (a, b) -> a));
        Map<String, Long> backorderLeft = new java.util.HashMap<>();
        bySku.forEach((sku, line) -> backorderLeft.put(sku, line.backordered()));
        List<OrderResponse.Line> lines = new ArrayList<>();
        for (OrdersMessage.Line line : message.lines()) {
            String number = number(partner, line);
            String sku = skus.get(number);
            // a SKU ordered on several lines was merged into one order line: its backorder falls on the last ones
            long backordered = Math.min(line.quantity(), backorderLeft.getOrDefault(sku, 0L));
            backorderLeft.merge(sku, -backordered, Long::sum);
            OrderView.Line ordered = bySku.get(sku);
            lines.add(new OrderResponse.Line(line.lineNo(), number, partner.articleNumbers().name(), line.quantity(),
                    backordered, ordered == null ? null : ordered.unitPrice().amount()));
        }
        return new OrderResponse.Order(order.number(), message.orderNumber(), lines);
    }

    /**
     * Stores the answers to placed orders, each under the partner's next control number, with the orders'
     * interchange: the numbers are taken as one block (one statement, still unique and increasing per partner, the
     * partner's row locked until the caller's commit as before) and the messages written in one statement.
     */
    private void respond(TradingPartner partner, Interchange interchange, String reference,
            List<OrderResponse.Order> answers, UUID documentId) {
        if (answers.isEmpty()) {
            return;
        }
        long first = partners.nextControlNumbers(partner.code(), answers.size());
        ControlReport.Party us = new ControlReport.Party(partner.recipientId(), partner.recipientQualifier());
        ControlReport.Party them = new ControlReport.Party(partner.senderId(), partner.senderQualifier());
        boolean x12 = interchange.isX12();
        ZonedDateTime now = ZonedDateTime.now(clock);
        List<EdiMessages.Outgoing> outgoing = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            long controlNumber = first + i;
            outgoing.add(new EdiMessages.Outgoing(controlNumber, x12
                    ? OrderResponse.x12(us, them, interchange.group().value(3), interchange.group().value(2),
                            controlNumber, now, answers.get(i))
                    : OrderResponse.edifact(us, them, controlNumber, now, answers.get(i))));
        }
        messages.recordOutgoing(partner.code(), x12 ? "855" : "ORDRSP", reference, outgoing, documentId);
    }

    /** Our SKU for each article number the messages use, in one query per kind of number. */
    private Map<String, String> articleNumbers(TradingPartner partner, List<OrdersMessage> read) {
        Set<String> numbers = read.stream().flatMap(m -> m.lines().stream()).map(l -> number(partner, l))
                .filter(n -> n != null).collect(Collectors.toSet());
        return switch (partner.articleNumbers()) {
            case GTIN -> catalog.skusByGtin(numbers);
            case PARTNER -> partners.articles(partner.code());
            case SKU -> catalog.findAll(numbers).keySet().stream().collect(Collectors.toMap(s -> s, s -> s));
        };
    }

    private static String number(TradingPartner partner, OrdersMessage.Line line) {
        return line.number(partner.articleNumbers());
    }

    private Placement place(TradingPartner partner, String reference, OrdersMessage message,
            Map<String, String> skus, UUID documentId, String actor) {
        return place(partner, reference, List.of(message), skus, documentId, actor).get(0);
    }

    /**
     * Places the messages' orders as one batch ({@link OrderManagement#placeAll}), in the caller's transaction: what
     * became of each message, in their order. A message that cannot become an order with certainty, or whose order
     * is refused, waits for review with the reason; the others proceed.
     */
    private List<Placement> place(TradingPartner partner, String reference, List<OrdersMessage> batch,
            Map<String, String> skus, UUID documentId, String actor) {
        Placement[] placements = new Placement[batch.size()];
        List<PlaceOrder> commands = new ArrayList<>();
        List<Integer> placing = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            OrdersMessage message = batch.get(i);
            Object command = command(partner, reference, message, skus);
            if (command instanceof PlaceOrder order) {
                commands.add(order);
                placing.add(i);
            } else {
                placements[i] = (Placement) command;
            }
        }
        List<OrderManagement.Placement> results = commands.isEmpty() ? List.of()
                : orders.placeAll(commands, new PlaceOrder.Source(documentId, actor));
        for (int k = 0; k < results.size(); k++) {
            OrdersMessage message = batch.get(placing.get(k));
            OrderManagement.Placement result = results.get(k);
            placements[placing.get(k)] = result.order() != null
                    ? new Placement(new ReceivedInterchange.Message(message.ref(), message.orderNumber(),
                            EdiMessage.Outcome.PLACED, result.order().id(), result.order().number(), null),
                            result.order())
                    : review(message, refusal(result.refusal()));
        }
        return List.of(placements);
    }

    private static String refusal(RuntimeException e) {
        return "refused: " + (e instanceof InvalidInputException invalid ? invalid.errors().stream()
                .map(f -> f.field() + " " + f.message()).collect(Collectors.joining(", ")) : e.getMessage());
    }

    /** The order a message asks for, or (a {@link Placement}) why it waits for review without being tried. */
    private Object command(TradingPartner partner, String reference, OrdersMessage message,
            Map<String, String> skus) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> lines = new LinkedHashMap<>();
        for (OrdersMessage.Line line : message.lines()) {
            String number = number(partner, line);
            String sku = number == null ? null : skus.get(number);
            if (sku == null) {
                problems.add("line " + line.lineNo() + ": unknown article " + (number == null
                        ? "(no " + partner.articleNumbers().name().toLowerCase() + " number)" : number));
            } else {
                lines.merge(sku, line.quantity(), Long::sum);
            }
        }
        if (partner.priceTolerance() != null && problems.isEmpty()) {
            problems.addAll(pricesBeyondTolerance(partner.priceTolerance(), message, partner, skus));
        }
        Address shipTo = message.deliveryAddress() != null ? message.deliveryAddress() : partner.shipTo();
        if (shipTo == null) {
            problems.add("no delivery address: NAD+DP names none"
                    + (message.deliveryParty() == null ? "" : " for party " + message.deliveryParty())
                    + " and the partner has no default ship-to");
        }
        if (!problems.isEmpty()) {
            return review(message, String.join("; ", problems));
        }
        String currency = message.currency() != null ? message.currency() : partner.currency();
        return new PlaceOrder("edi", partner.code() + "/" + message.orderNumber(), partner.customerId(),
                null, shipTo, null, currency, partner.paymentMethod(), null,
                "EDI " + partner.code() + " interchange " + reference + " message " + message.ref(),
                lines.entrySet().stream().map(e -> new PlaceOrder.Line(e.getKey(), e.getValue())).toList());
    }

    /**
     * The lines whose price (PRI) differs from the catalog's by more than the tolerance: the buyer expects another
     * price than the one the order would be placed at, which a person must settle.
     */
    private List<String> pricesBeyondTolerance(java.math.BigDecimal tolerance, OrdersMessage message,
            TradingPartner partner, Map<String, String> skus) {
        List<OrdersMessage.Line> priced = message.lines().stream().filter(l -> l.unitPrice() != null).toList();
        if (priced.isEmpty()) {
            return List.of();
        }
        Map<String, org.ordo.catalog.Article> articles = catalog.findAll(priced.stream()
                .map(l -> skus.get(number(partner, l))).collect(Collectors.toSet()));
        List<String> problems = new ArrayList<>();
        for (OrdersMessage.Line line : priced) {
            org.ordo.catalog.Article article = articles.get(skus.get(number(partner, line)));
            java.math.BigDecimal ours = article.price().amount();
            java.math.BigDecimal allowed = ours.multiply(tolerance).movePointLeft(2);
            if (line.unitPrice().subtract(ours).abs().compareTo(allowed) > 0) {
                problems.add("line " + line.lineNo() + ": price " + line.unitPrice().toPlainString() + " differs from "
                        + ours.stripTrailingZeros().toPlainString() + " " + article.price().currency()
                        + " by more than " + tolerance.stripTrailingZeros().toPlainString() + "%");
            }
        }
        return problems;
    }

    private static Placement review(OrdersMessage message, String reason) {
        return new Placement(new ReceivedInterchange.Message(message.ref(), message.orderNumber(),
                EdiMessage.Outcome.REVIEW, null, null, abbreviate(reason, 1000)), null);
    }

    private static String rejection(List<SyntaxError> interchangeErrors, List<SyntaxError> messageErrors) {
        List<SyntaxError> errors = messageErrors.isEmpty() ? interchangeErrors : messageErrors;
        String listed = errors.stream().map(e -> e.segmentTag() + (e.segmentPosition() > 0 ? " (segment "
                + e.segmentPosition() + ")" : "") + ": " + e.text() + " [" + e.code() + "]")
                .collect(Collectors.joining("; "));
        return abbreviate((messageErrors.isEmpty() ? "interchange rejected: " : "syntax: ") + listed, 1000);
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
