package org.ordo.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.billing.internal.DocumentNumbers;
import org.ordo.billing.internal.DocumentRenderer;
import org.ordo.billing.internal.Quotes;
import org.ordo.catalog.Article;
import org.ordo.ordering.Channel;
import org.ordo.ordering.DraftChecks;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PaymentMethod;
import org.ordo.ordering.PlaceOrder;
import org.ordo.ordering.Pricing;
import org.ordo.party.Customer;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Address;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes: made for a customer at catalog prices, numbered without gaps per series and year, sent by mail,
 * accepted within their validity (then they become an order at the quoted prices, reserving stock), declined, or
 * expired by a scheduled job. Validity days are UTC days; the last one is included.
 */
@Service
public class QuoteManagement {

    private static final Logger log = LoggerFactory.getLogger(QuoteManagement.class);
    private static final int MAX_LINES = CreateQuote.MAX_LINES;
    private static final long MAX_QUANTITY = CreateQuote.MAX_QUANTITY;
    private static final int MAX_VALID_DAYS = CreateQuote.MAX_VALID_DAYS;

    private final Quotes quotes;
    private final DocumentArchive archive;
    private final DocumentRenderer renderer;
    private final DocumentNumbers numbers;
    private final DraftChecks drafts;
    private final PartyManagement parties;
    private final OrderManagement orders;
    private final ApplicationEventPublisher events;
    private final String series;
    private final Clock clock;

    QuoteManagement(Quotes quotes, DocumentArchive archive, DocumentRenderer renderer, DocumentNumbers numbers, DraftChecks drafts, PartyManagement parties,
            OrderManagement orders, ApplicationEventPublisher events,
            @Value("${ordo.billing.quote-series:QUO}") String series, Clock clock) {
        this.clock = clock;
        this.quotes = quotes;
        this.archive = archive;
        this.renderer = renderer;
        this.numbers = numbers;
        this.drafts = drafts;
        this.parties = parties;
        this.orders = orders;
        this.events = events;
        this.series = series;
    }

    /**
     * Makes a quote: checks every field (422 naming each), prices the lines from the catalog as orders are
     * priced, and takes the next number of the series in this transaction. Idempotency is the caller's: the API
     * takes the request through intake's one mechanism ({@code Intake.takeApiRequest}), as orders are taken.
     */
    @Transactional
    public Quote create(CreateQuote command, String actor) {
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("billing.is_required_the_quote_as_json"));
        }
        Map<String, Article> articles = check(command);
        Customer customer = parties.customerFor(command.customerId(), command.customer());
        String locale = customer.locale();
        List<Quote.Line> lines = new ArrayList<>();
        List<Pricing.Amounts> amounts = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            CreateQuote.Line line = command.lines().get(i);
            Article a = articles.get(line.sku());
            Pricing.Amounts priced = Pricing.line(a.price(), a.taxRate(), a.priceIncludesTax(), line.quantity());
            amounts.add(priced);
            lines.add(new Quote.Line(i + 1, a.sku(), a.nameIn(locale), line.quantity(), a.price(), a.taxRate(),
                    a.priceIncludesTax(), priced.net(), priced.tax(), priced.gross()));
        }
        Pricing.Amounts total = Pricing.total(amounts, command.currency());
        int year = Year.now(clock).getValue();
        long seq = numbers.next(series, year);
        String number = "%s-%d-%06d".formatted(series, year, seq);
        Address billing = command.billingAddress() != null ? command.billingAddress() : command.shippingAddress();
        String paymentMethod = command.paymentMethod() == null ? PaymentMethod.PREPAYMENT.code()
                : command.paymentMethod();
        Quote quote = new Quote(Ids.next(), number, QuoteStatus.OPEN, new Quote.Customer(customer.id(),
                customer.email(), customer.name(), locale), command.currency(), paymentMethod,
                command.shippingAddress(), billing, lines, total.net(), total.tax(), total.gross(), Pricing.ROUNDING,
                command.validUntil(), command.note(), 0, null, null, null, null, null, actor, null, null);
        quotes.insert(quote, series, year, seq, actor);
        return require(quote.id());
    }

    public Quote require(UUID id) {
        return quotes.find(id).orElseThrow(() -> new NotFoundException("Quote", id));
    }

    /** The id of a quote named by its id or its number (QUO-2026-000001). */
    public UUID idOf(String idOrNumber) {
        try {
            return UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException notAnId) {
            return quotes.idOfNumber(idOrNumber).orElseThrow(() -> new NotFoundException("Quote", idOrNumber));
        }
    }

    /** One page of quotes, newest first. */
    @Transactional(readOnly = true)
    public Slice<Quote> quotes(QuoteQuery query) {
        Cursor after = query.after() == null ? null : Cursor.decode(query.after(), "after");
        return Slice.of(quotes.page(query.status(), query.customerId(), after, query.limit() + 1), query.limit(),
                last -> new Cursor(last.createdAt(), last.id()).encode());
    }

    /**
     * Sends the quote to its customer: locks it, renders and stores its PDF (once: a later send attaches the same
     * file), marks it SENT and publishes {@link QuoteSent} in this transaction (the mail with the PDF attached is
     * written with it). Sending again sends another copy. Refuses (409) a quote that was accepted, declined or has
     * expired.
     */
    @Transactional
    public Quote send(UUID id) {
        Quote quote = lockOpen(id, QuoteStatus.SENT);
        StoredDocument pdf = archive.find(DocumentKind.QUOTE, quote.number())
                .orElseGet(() -> archive.store(DocumentKind.QUOTE, null, quote.number(), quote.customer().locale(),
                        "application/pdf", "quote-" + quote.number() + ".pdf", renderer.quote(quote)));
        int sending = quotes.markSent(quote.id());
        events.publishEvent(new QuoteSent(quote.id(), quote.number(), sending, pdf.id()));
        return require(id);
    }

    /** The quote's stored PDF; 404 until the quote has been sent. */
    public StoredDocument.File pdf(UUID id) {
        Quote quote = require(id);
        StoredDocument pdf = archive.find(DocumentKind.QUOTE, quote.number()).orElseThrow(() ->
                new NotFoundException("Quote PDF", quote.number() + " (send the quote first)"));
        return archive.file(pdf.id());
    }

    /**
     * Accepts the quote on the customer's behalf: within its validity it becomes an order at the quoted prices,
     * placed (and its stock reserved) in this transaction. Refuses (409) a quote past its validity, already
     * accepted or declined; short stock is the 409 of orders and changes nothing.
     */
    @Transactional
    public Quote accept(UUID id) {
        Quote quote = lockOpen(id, QuoteStatus.ACCEPTED);
        Map<String, Money> prices = new LinkedHashMap<>();
        List<PlaceOrder.Line> lines = new ArrayList<>();
        for (Quote.Line line : quote.lines()) {
            prices.put(line.sku(), line.unitPrice());
            lines.add(new PlaceOrder.Line(line.sku(), line.quantity()));
        }
        PlaceOrder order = new PlaceOrder(Channel.API.code(), quote.number(), quote.customer().id(), null,
                quote.shippingAddress(), quote.billingAddress(), quote.currency(), quote.paymentMethod(), null,
                quote.note(), lines);
        OrderView placed = orders.placeAtAgreedPrices(order, new PlaceOrder.Source(null,
                org.ordo.platform.Actor.current()), prices);
        quotes.markAccepted(quote.id(), placed.id(), placed.number());
        return require(id);
    }

    /** Records that the customer declined the quote. Refuses (409) a quote already decided or expired. */
    @Transactional
    public Quote decline(UUID id, String reason) {
        if (reason != null && reason.length() > TextInput.MAX_REASON) {
            throw new InvalidInputException("reason", Wording.of("platform.must_be_at_most_characters",
                    TextInput.MAX_REASON));
        }
        Quote quote = lockOpen(id, QuoteStatus.DECLINED);
        quotes.markDeclined(quote.id(), reason == null || reason.isBlank() ? null : reason.trim());
        return require(id);
    }

    /** Marks every open or sent quote whose last valid day has passed as EXPIRED, in one statement. */
    @Transactional
    public List<String> expireOverdue() {
        return quotes.expireBefore(LocalDate.now(clock));
    }

    @Scheduled(initialDelayString = "${ordo.billing.quote-expiry-every:PT1H}",
            fixedDelayString = "${ordo.billing.quote-expiry-every:PT1H}")
    void onSchedule() {
        try {
            List<String> expired = expireOverdue();
            if (!expired.isEmpty()) {
                log.info("Quotes expired: {}", expired);
            }
        } catch (RuntimeException e) {
            log.warn("Expiring quotes failed; the next round retries: {}", e.toString());
        }
    }

    /** Locks the quote and checks that it may become {@code next}: not decided, and still valid today. */
    private Quote lockOpen(UUID id, QuoteStatus next) {
        Wording verb = Wording.of("billing.to." + next.name());
        Quote quote = quotes.lock(id).orElseThrow(() -> new NotFoundException("Quote", id));
        if (!quote.status().canBecome(next)) {
            throw new IllegalTransition("Quote is " + quote.status(),
                    Wording.of("billing.quote_is_and_cannot_be", quote.number(),
                            Wording.of("billing.status." + quote.status().name()), verb),
                    Map.of("quoteStatus", quote.status()));
        }
        if (quote.validUntil().isBefore(LocalDate.now(clock))) {
            throw new ConflictException("quote-expired", "Quote expired",
                    Wording.of("billing.quote_was_valid_until_and_cannot", quote.number(), quote.validUntil(), verb),
                    Map.of("validUntil", quote.validUntil().toString()));
        }
        return quote;
    }

    private Map<String, Article> check(CreateQuote c) {
        List<FieldError> errors = new ArrayList<>();
        boolean currencyKnown = c.currency() != null && Money.isKnownCurrency(c.currency());
        if (!currencyKnown) {
            errors.add(new FieldError("currency", c.currency() == null ? Wording.of("platform.is_required")
                    : Wording.of("platform.currency_unknown", c.currency())));
        }
        drafts.customer(errors, c.customerId(), c.customer());
        LocalDate today = LocalDate.now(clock);
        if (c.validUntil() == null) {
            errors.add(new FieldError("validUntil", Wording.of("billing.is_required_the_last_day_the")));
        } else if (c.validUntil().isBefore(today)) {
            errors.add(new FieldError("validUntil", Wording.of("billing.must_be_today_or_later_utc")));
        } else if (c.validUntil().isAfter(today.plusDays(MAX_VALID_DAYS))) {
            errors.add(new FieldError("validUntil", Wording.of("billing.must_be_at_most_days_ahead", MAX_VALID_DAYS)));
        }
        if (c.paymentMethod() != null && PaymentMethod.parse(c.paymentMethod()) == null) {
            errors.add(new FieldError("paymentMethod", Wording.of("platform.must_be_one_of", PaymentMethod.codes())));
        }
        if (c.note() != null && c.note().length() > CreateQuote.NOTE) {
            errors.add(new FieldError("note", Wording.of("platform.must_be_at_most_characters", CreateQuote.NOTE)));
        }
        Map<String, Article> articles = drafts.lines(errors, "quote", c.currency(), currencyKnown,
                c.lines() == null ? null : c.lines().stream()
                        .map(l -> l == null ? null : new DraftChecks.Line(l.sku(), l.quantity())).toList(),
                MAX_LINES, MAX_QUANTITY, c.shippingAddress(), c.billingAddress());
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.stream().distinct().toList());
        }
        return articles;
    }
}
