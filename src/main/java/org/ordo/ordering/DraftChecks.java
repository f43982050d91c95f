package org.ordo.ordering;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.party.CustomerDraft;
import org.ordo.party.PartyManagement;
import org.ordo.platform.Address;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Component;

/**
 * The checks an order and a quote share: who the customer is, and the lines (known, active SKUs priced in the
 * document's currency, quantities within bounds, an address where goods ship). Each adds what is wrong to the
 * caller's list, so a caller reports all problems of a request at once, in its own order.
 */
@Component
public class DraftChecks {

    /** A requested line, as an order or a quote names it; either part may be missing. */
    public record Line(String sku, Long quantity) {
    }

    private final Catalog catalog;
    private final PartyManagement parties;

    DraftChecks(Catalog catalog, PartyManagement parties) {
        this.catalog = catalog;
        this.parties = parties;
    }

    /** What placing a batch of orders reads once for all of them; one per batch (or per single order). */
    PlacementReads reads() {
        return new PlacementReads(catalog, parties);
    }

    /** An existing customer by id, or the details of one: exactly one of the two, and valid. */
    public void customer(List<FieldError> errors, UUID customerId, CustomerDraft customer) {
        customer(errors, customerId, customer, parties::findCustomer);
    }

    /** As above, finding the customer with {@code find} (a batch of orders reads each customer once). */
    void customer(List<FieldError> errors, UUID customerId, CustomerDraft customer,
            java.util.function.Function<UUID, java.util.Optional<org.ordo.party.Customer>> find) {
        if (customerId == null && customer == null) {
            errors.add(new FieldError("customer", Wording.of("ordering.name_an_existing_customerid_or_give")));
        } else if (customerId != null && customer != null) {
            errors.add(new FieldError("customer", Wording.of("ordering.give_either_customerid_or_customer_not")));
        } else if (customer != null) {
            try {
                customer.check("customer.");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        } else if (find.apply(customerId).isEmpty()) {
            errors.add(new FieldError("customerId", Wording.of("ordering.unknown_customer", customerId)));
        }
    }

    /**
     * The lines of a document ({@code noun}: "order" or "quote") and its addresses; answers the articles the
     * lines name, found in one read (empty when the lines themselves are missing or too many).
     *
     * @param currencyKnown whether {@code currency} is a valid code (checked, and reported, by the caller)
     */
    public Map<String, Article> lines(List<FieldError> errors, String noun, String currency, boolean currencyKnown,
            List<Line> lines, int maxLines, long maxQuantity, Address shippingAddress, Address billingAddress) {
        return lines(errors, noun, currency, currencyKnown, lines, maxLines, maxQuantity, shippingAddress,
                billingAddress, catalog::findAllForUse);
    }

    /** As above, reading the articles with {@code read} (a batch of orders reads and locks them once). */
    Map<String, Article> lines(List<FieldError> errors, String noun, String currency, boolean currencyKnown,
            List<Line> lines, int maxLines, long maxQuantity, Address shippingAddress, Address billingAddress,
            java.util.function.Function<List<String>, Map<String, Article>> read) {
        Map<String, Article> articles = Map.of();
        boolean quote = noun.equals("quote");
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of(quote ? "ordering.a_quote_needs_at_least_one_line"
                    : "ordering.an_order_needs_at_least_one_line")));
        } else if (lines.size() > maxLines) {
            errors.add(new FieldError("lines", Wording.of(quote ? "ordering.at_most_lines_per_quote"
                    : "ordering.at_most_lines_per_order", maxLines)));
        } else {
            articles = read.apply(lines.stream().filter(l -> l != null && l.sku() != null).map(Line::sku)
                    .distinct().toList());
            boolean physical = false;
            for (int i = 0; i < lines.size(); i++) {
                String at = "lines[" + i + "]";
                Line line = lines.get(i);
                if (line == null) {
                    errors.add(new FieldError(at, Wording.of("ordering.must_not_be_null")));
                    continue;
                }
                if (line.quantity() == null) {
                    errors.add(new FieldError(at + ".quantity", Wording.of("platform.is_required")));
                } else if (line.quantity() < 1 || line.quantity() > maxQuantity) {
                    errors.add(new FieldError(at + ".quantity", Wording.of("platform.must_be_between_1_and",
                            maxQuantity)));
                }
                Article article = line.sku() == null ? null : articles.get(line.sku());
                if (line.sku() == null || line.sku().isBlank()) {
                    errors.add(new FieldError(at + ".sku", Wording.of("platform.is_required")));
                } else if (article == null) {
                    errors.add(new FieldError(at + ".sku", Wording.of("platform.unknown_sku", line.sku())));
                } else if (!article.active()) {
                    errors.add(new FieldError(at + ".sku", Wording.of("ordering.is_not_for_sale_inactive",
                            line.sku())));
                } else {
                    physical |= article.isPhysical();
                    if (currencyKnown && !article.price().currency().equals(currency)) {
                        errors.add(new FieldError("currency", Wording.of(quote
                                ? "ordering.the_quote_is_in_but_is_priced" : "ordering.the_order_is_in_but_is",
                                currency, line.sku(), article.price().currency())));
                    }
                }
            }
            if (physical && shippingAddress == null) {
                errors.add(new FieldError("shippingAddress", Wording.of("ordering.is_required_for_physical_goods")));
            }
        }
        if (shippingAddress != null) {
            errors.addAll(shippingAddress.problems("shippingAddress"));
        }
        if (billingAddress != null) {
            errors.addAll(billingAddress.problems("billingAddress"));
        }
        return articles;
    }
}
