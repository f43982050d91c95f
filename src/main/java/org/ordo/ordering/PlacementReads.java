package org.ordo.ordering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.party.Customer;
import org.ordo.party.PartyManagement;

/**
 * What placing orders reads to check and price them, read once per batch of orders that share a transaction: the
 * articles (read and locked against a change of type or currency, as {@link Catalog#findAllForUse} does) and the
 * customers named by id. A single order is a batch of one and reads exactly what it always did; a batch (an EDI
 * interchange's transaction of messages) reads each article and customer once instead of once per order, and
 * prices every order of the batch as the catalog stood when the batch read it (docs/benchmarks.md, P4).
 * Kept only for one transaction: made by the caller that opens the batch, never shared.
 */
final class PlacementReads {

    private final Catalog catalog;
    private final PartyManagement parties;
    private final Map<String, Article> articles = new HashMap<>();
    private final Map<UUID, Optional<Customer>> customers = new HashMap<>();

    PlacementReads(Catalog catalog, PartyManagement parties) {
        this.catalog = catalog;
        this.parties = parties;
    }

    /** The articles of these SKUs that exist; those not read before are read (and locked) in one statement. */
    Map<String, Article> articles(Collection<String> skus) {
        List<String> missing = new ArrayList<>();
        for (String sku : skus) {
            if (sku != null && !articles.containsKey(sku)) {
                missing.add(sku);
            }
        }
        if (!missing.isEmpty()) {
            articles.putAll(catalog.findAllForUse(missing.stream().distinct().toList()));
        }
        Map<String, Article> found = new HashMap<>();
        for (String sku : skus) {
            Article article = sku == null ? null : articles.get(sku);
            if (article != null) {
                found.put(sku, article);
            }
        }
        return found;
    }

    /** The stock levels locked for the batch's orders; null for a single order, which locks its own. */
    private org.ordo.inventory.StockBatch stock;

    void stock(org.ordo.inventory.StockBatch stock) {
        this.stock = stock;
    }

    org.ordo.inventory.StockBatch stock() {
        return stock;
    }

    /**
     * Order numbers drawn ahead for the orders of a batch, each with the order its channel already sent under its
     * external reference (null: none); taken by {@link #numbered} for the very command they were drawn for.
     */
    private final Map<PlaceOrder, org.ordo.ordering.internal.Orders.Numbered> numbered =
            new java.util.IdentityHashMap<>();

    void numberedAhead(List<PlaceOrder> commands, List<org.ordo.ordering.internal.Orders.Numbered> ahead) {
        for (int i = 0; i < commands.size(); i++) {
            numbered.put(commands.get(i), ahead.get(i));
        }
    }

    /**
     * The order's number and the earlier order with its reference: drawn ahead for a batch (one statement for all
     * its orders), else drawn now. An order of the batch refused before it took its number leaves a gap in the
     * order numbers, as a refused order always could; an earlier order of the same batch with the same reference is
     * found when the insert meets it.
     */
    org.ordo.ordering.internal.Orders.Numbered numbered(org.ordo.ordering.internal.Orders orders,
            PlaceOrder command) {
        org.ordo.ordering.internal.Orders.Numbered ahead = numbered.remove(command);
        return ahead != null ? ahead : orders.nextNumber(command.channel(), command.externalRef());
    }

    /** The customer with this id, read once. */
    Optional<Customer> customer(UUID id) {
        return id == null ? Optional.empty() : customers.computeIfAbsent(id, parties::findCustomer);
    }
}
