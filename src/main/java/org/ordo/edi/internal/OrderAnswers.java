package org.ordo.edi.internal;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.edi.TradingPartner;
import org.ordo.ordering.OrderView;
import org.springframework.stereotype.Component;

/**
 * What the messages that follow an EDI order (despatch advices, invoices) have in common: the partner and buyer's
 * order number the order came with, the articles as the buyer names them, and sending each message once per
 * subject under the partner's next control number.
 */
@Component
public class OrderAnswers {

    private final TradingPartners partners;
    private final EdiMessages messages;
    private final Catalog catalog;
    private final Clock clock;

    OrderAnswers(TradingPartners partners, EdiMessages messages, Catalog catalog, Clock clock) {
        this.partners = partners;
        this.messages = messages;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An EDI order's partner, its origin and the buyer's order number; {@code us} and {@code them} for UNB/ISA. */
    public record EdiOrder(TradingPartner partner, EdiMessages.Origin origin, OrderView order,
            String buyerOrderNumber) {

        boolean x12() {
            return partner.standard() == TradingPartner.Standard.X12;
        }

        ControlReport.Party us() {
            return new ControlReport.Party(partner.recipientId(), partner.recipientQualifier(),
                    partner.ourApplicationCode());
        }

        ControlReport.Party them() {
            return new ControlReport.Party(partner.senderId(), partner.senderQualifier(),
                    partner.theirApplicationCode());
        }
    }

    /** The order as an EDI order; empty when it came by another channel. */
    public Optional<EdiOrder> of(OrderView order) {
        return messages.originOf(order.id()).flatMap(origin -> partners.find(origin.partner()).map(partner -> {
            // placed with external reference PARTNER/order number (EdiManagement#place)
            String prefix = partner.code() + "/";
            String ref = order.externalRef() == null ? "" : order.externalRef();
            return new EdiOrder(partner, origin, order, ref.startsWith(prefix) ? ref.substring(prefix.length())
                    : ref);
        }));
    }

    /** An article as the buyer names it: {@code kind} GTIN, PARTNER or SKU. */
    public record ArticleNumber(String number, String kind) {
    }

    /**
     * Each SKU as the partner names it: its GTIN or the partner's own number, as the partner orders; our SKU
     * when the article has none.
     */
    public Map<String, ArticleNumber> articleNumbers(TradingPartner partner, Collection<String> skus) {
        Map<String, ArticleNumber> numbers = new HashMap<>();
        Map<String, String> theirs = switch (partner.articleNumbers()) {
            case GTIN -> {
                Map<String, String> gtins = new HashMap<>();
                for (Article article : catalog.findAll(new HashSet<>(skus)).values()) {
                    if (article.gtin() != null) {
                        gtins.put(article.sku(), article.gtin());
                    }
                }
                yield gtins;
            }
            case PARTNER -> partners.numbersOfSkus(partner.code());
            case SKU -> Map.of();
        };
        for (String sku : skus) {
            String number = theirs.get(sku);
            numbers.put(sku, number == null ? new ArticleNumber(sku, "SKU")
                    : new ArticleNumber(number, partner.articleNumbers().name()));
        }
        return numbers;
    }

    /**
     * Sends a message about a subject once: under the partner's row lock, a subject already answered is left alone;
     * otherwise the partner's next control number is taken and the message written with it is stored.
     */
    public void send(EdiOrder edi, String type, String subject, LongFunction<String> write) {
        String code = edi.partner().code();
        partners.lock(code);
        if (messages.answered(code, type, subject)) {
            return;
        }
        long controlNumber = partners.nextControlNumber(code);
        messages.recordAnswer(new EdiMessages.Answer(code, type, subject, edi.origin(), edi.order().id(),
                edi.order().number(), controlNumber, write.apply(controlNumber)));
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock);
    }
}
