package org.ordo.inventory.internal;

import java.util.Optional;

import org.ordo.catalog.ArticleUsage;
import org.ordo.inventory.StockLevel;
import org.springframework.stereotype.Component;

/** Stock on hand or reserved holds an article: it cannot turn digital (or change currency) under its stock. */
@Component
class StockedArticles implements ArticleUsage {

    private final StockLedger ledger;

    StockedArticles(StockLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public Optional<String> holding(String sku) {
        var levels = ledger.holding(java.util.List.of(sku));
        if (levels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("stock " + String.join(", ", levels.stream().map(StockedArticles::describe).toList()));
    }

    private static String describe(StockLevel level) {
        return level.onHand() + " on hand" + (level.reserved() == 0 ? "" : " (" + level.reserved() + " reserved)")
                + " at " + level.location();
    }
}
