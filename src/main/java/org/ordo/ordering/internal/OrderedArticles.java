package org.ordo.ordering.internal;

import java.util.List;
import java.util.Optional;

import org.ordo.catalog.ArticleUsage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open and held orders hold the articles of their lines as they were ordered. */
@Component
class OrderedArticles implements ArticleUsage {

    private static final int NAMED = 5;

    private final JdbcClient jdbc;

    OrderedArticles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> holding(String sku) {
        // From the few open orders (partial backlog index) to their lines, not through every line ever ordered.
        List<String> numbers = jdbc.sql("""
                SELECT o.number FROM customer_order o
                WHERE o.status IN ('OPEN', 'ON_HOLD')
                  AND EXISTS (SELECT 1 FROM order_line l WHERE l.order_id = o.id AND l.sku = :sku)
                ORDER BY o.number LIMIT :limit
                """).param("sku", sku).param("limit", NAMED + 1).query(String.class).list();
        if (numbers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("open orders " + String.join(", ", numbers.stream().limit(NAMED).toList())
                + (numbers.size() > NAMED ? " and more" : ""));
    }
}
