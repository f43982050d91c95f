package org.ordo.outsourcing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ordo.outsourcing.RoutingRule;
import org.ordo.platform.PerTransaction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing rules: per article, per channel, and the default. */
@Repository
public class RoutingRules {

    private final JdbcClient jdbc;
    private final PerTransaction<Known> known = new PerTransaction<>();

    RoutingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rules this transaction has read: per article (null: none) and per channel (its rule and the default), so
     * that the orders of a batch (an EDI interchange's transaction of messages) ask only for what none before them
     * asked for (docs/benchmarks.md, P4). A rule saved by another transaction meanwhile applies from the next one.
     */
    private static final class Known {
        private final Map<String, RoutingRule> articles = new HashMap<>();
        private final Map<String, List<RoutingRule>> channels = new HashMap<>();
    }

    public void save(String scope, String key, RoutingRule.Strategy strategy, Instant now) {
        known.current().ifPresent(k -> {
            k.articles.clear();
            k.channels.clear();
        });
        jdbc.sql("""
                INSERT INTO routing_rule (scope, key, strategy, updated_at) VALUES (:scope, :key, :strategy, :now)
                ON CONFLICT (scope, key) DO UPDATE SET strategy = EXCLUDED.strategy, updated_at = EXCLUDED.updated_at
                """).param("scope", scope).param("key", key).param("strategy", strategy.name())
                .param("now", Timestamp.from(now)).update();
    }

    public List<RoutingRule> all() {
        return jdbc.sql("SELECT * FROM routing_rule ORDER BY scope DESC, key").query((rs, n) -> rule(rs)).list();
    }

    /**
     * The rules that may apply to a demand: its articles', its channel's and the default; one statement, in a
     * transaction only for the articles and channel it has not asked for before.
     */
    public List<RoutingRule> applying(String channel, Collection<String> skus) {
        String byChannel = channel == null ? "" : channel;
        Known k = known.get(Known::new).orElse(null);
        if (k == null) {
            return read(byChannel, skus);
        }
        List<String> unknown = skus.stream().filter(sku -> !k.articles.containsKey(sku)).distinct().toList();
        if (!unknown.isEmpty() || !k.channels.containsKey(byChannel)) {
            List<RoutingRule> channelRules = new ArrayList<>();
            unknown.forEach(sku -> k.articles.put(sku, null));
            for (RoutingRule r : read(byChannel, unknown)) {
                if (r.article() != null) {
                    k.articles.put(r.article(), r);
                } else {
                    channelRules.add(r);
                }
            }
            k.channels.put(byChannel, List.copyOf(channelRules));
        }
        List<RoutingRule> applying = new ArrayList<>(k.channels.get(byChannel));
        skus.stream().distinct().map(k.articles::get).filter(r -> r != null).forEach(applying::add);
        return applying;
    }

    private List<RoutingRule> read(String channel, Collection<String> skus) {
        return jdbc.sql("""
                SELECT * FROM routing_rule
                WHERE (scope = 'ARTICLE' AND key = ANY(:skus)) OR (scope = 'CHANNEL' AND key = :channel)
                   OR scope = 'DEFAULT'
                """).param("skus", skus.toArray(String[]::new)).param("channel", channel)
                .query((rs, n) -> rule(rs)).list();
    }

    private static RoutingRule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        String scope = rs.getString("scope");
        String key = rs.getString("key");
        return new RoutingRule(scope.equals("ARTICLE") ? key : null, scope.equals("CHANNEL") ? key : null,
                RoutingRule.Strategy.valueOf(rs.getString("strategy")), rs.getTimestamp("updated_at").toInstant());
    }
}
