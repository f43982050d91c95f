package org.ordo.mailroom.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.Customer;
import org.ordo.party.CustomerDraft;
import org.ordo.party.PartyManagement;
import org.springframework.stereotype.Component;

/**
 * A draft order from what could be read: the customer by the sender's address (a known customer with their first
 * address and payment terms, else a new contact), the lines found in the text by SKU or GTIN, and the fields of the
 * sender's order form learned from earlier corrections ({@link org.ordo.intake.OrderFormTemplates}). A person corrects it
 * in the review queue before anything is placed.
 */
@Component
public class DraftOrders {

    /** The draft, and the lines that were found (empty: no known article in the text). */
    public record Drafted(PlaceOrder draft, List<OrderLinesInText.Found> found, boolean knownCustomer,
            List<String> fromForm) {

        /** What the reason says about fields filled from the sender's learned order form ("" when none). */
        public String formNote() {
            return fromForm.isEmpty() ? "" : "; " + String.join(", ", fromForm) + " filled from this sender's form";
        }
    }

    private static final Pattern GTIN = Pattern.compile("\\d{8}|\\d{12,14}");

    private final Catalog catalog;
    private final PartyManagement parties;
    private final org.ordo.intake.OrderFormTemplates forms;

    DraftOrders(Catalog catalog, PartyManagement parties, org.ordo.intake.OrderFormTemplates forms) {
        this.catalog = catalog;
        this.parties = parties;
        this.forms = forms;
    }

    public Drafted draft(String channel, String sender, String senderName, String text) {
        List<OrderLinesInText.Found> found = OrderLinesInText.find(text, this::known);
        Customer customer = parties.findCustomerByEmail(sender).orElse(null);
        Map<String, Article> articles = catalog.findAll(found.stream().map(OrderLinesInText.Found::sku).toList());
        String currency = found.stream().map(f -> articles.get(f.sku())).filter(a -> a != null && a.price() != null)
                .map(a -> a.price().currency()).findFirst().orElse("EUR");
        PlaceOrder draft = new PlaceOrder(channel, null, customer == null ? null : customer.id(),
                customer != null || sender == null ? null : CustomerDraft.contact(sender, senderName, null),
                customer == null || customer.addresses() == null || customer.addresses().isEmpty() ? null
                        : customer.addresses().get(0),
                null, currency, customer != null && customer.shipBeforePayment() ? "invoice" : "prepayment", null,
                null, found.stream().map(f -> new PlaceOrder.Line(f.sku(), f.quantity())).toList());
        // a sender whose corrections were confirmed before: their form's fields from the places learned then
        org.ordo.intake.OrderFormTemplates.Filled filled = forms.fill(sender, text, draft);
        return new Drafted(filled.draft(), found, customer != null, filled.filled());
    }

    /** The candidate words that name an article, by SKU or by GTIN. */
    private Map<String, String> known(Set<String> words) {
        Map<String, String> known = new HashMap<>();
        catalog.findAll(words).keySet().forEach(sku -> known.put(sku, sku));
        List<String> gtins = words.stream().filter(w -> GTIN.matcher(w).matches()).toList();
        if (!gtins.isEmpty()) {
            known.putAll(catalog.skusByGtin(gtins));
        }
        return known;
    }
}
