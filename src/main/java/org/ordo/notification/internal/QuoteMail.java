package org.ordo.notification.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.ordo.billing.Quote;
import org.ordo.billing.QuoteManagement;
import org.ordo.billing.QuoteSent;
import org.ordo.notification.MessageKind;
import org.ordo.platform.Ids;
import org.ordo.platform.TextBundle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The quote mail: its lines and totals, valid until when, with the quote PDF attached; once per sending.
 * Written in the transaction of the event that causes it, once per cause (see {@link Composer}).
 */
@Component
class QuoteMail {

    private final Templates templates;
    private final QuoteManagement quotes;
    private final Messages messages;

    private final org.ordo.billing.ShopProfile shop;

    QuoteMail(Templates templates, QuoteManagement quotes, Messages messages, org.ordo.billing.ShopProfile shop) {
        this.shop = shop;
        this.templates = templates;
        this.quotes = quotes;
        this.messages = messages;
    }

    @EventListener
    void on(QuoteSent sent) {
        Quote quote = quotes.require(sent.quoteId());
        TextBundle.Texts t = templates.in(quote.customer().locale());
        Map<String, String> values = new HashMap<>();
        values.put("name", quote.customer().name());
        values.put("quote", quote.number());
        values.put("date", t.date(quote.createdAt()));
        values.put("validUntil", t.date(quote.validUntil()));
        values.put("greeting", t.render("greeting", Map.of("name", quote.customer().name())));
        values.put("closing", t.render("closing", Map.of("shop", shop.name())));
        values.put("lines", quote.lines().stream().map(line -> t.render("quote.line", Map.of(
                "quantity", t.number(line.quantity()), "article", line.name(), "sku", line.sku(),
                "amount", t.money(line.gross())))).collect(Collectors.joining("\n")));
        values.put("net", t.money(quote.net()));
        values.put("tax", t.money(quote.tax()));
        values.put("total", t.money(quote.gross()));
        MessageKind kind = MessageKind.QUOTE;
        messages.queue(Ids.next(), new Messages.Draft(kind, null, quote.customer().email(),
                t.locale().toLanguageTag(), t.render(kind.key() + ".subject", values),
                t.render(kind.key() + ".body", values), kind.name() + ":" + quote.id() + ":" + sent.sending(), null,
                List.of(sent.documentId())));
    }
}
