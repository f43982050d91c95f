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

    /** The customer with this id, read once. */
    Optional<Customer> customer(UUID id) {
        return id == null ? Optional.empty() : customers.computeIfAbsent(id, parties::findCustomer);
    }
}
