package org.ordo.outsourcing.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.ordo.outsourcing.RoutingRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The routing rules: per article, per channel, and the default. */
@Repository
public class RoutingRules {

    private final JdbcClient jdbc;

    RoutingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String scope, String key, RoutingRule.Strategy strategy, Instant now) {
        jdbc.sql("""
                INSERT INTO routing_rule (scope, key, strategy, updated_at) VALUES (:scope, :key, :strategy, :now)
                ON CONFLICT (scope, key) DO UPDATE SET strategy = EXCLUDED.strategy, updated_at = EXCLUDED.updated_at
                """).param("scope", scope).param("key", key).param("strategy", strategy.name())
                .param("now", Timestamp.from(now)).update();
    }

    public List<RoutingRule> all() {
        return jdbc.sql("SELECT * FROM routing_rule ORDER BY scope DESC, key").query((rs, n) -> rule(rs)).list();
    }

    /** The rules that may apply to a demand: its articles', its channel's and the default; one statement. */
    public List<RoutingRule> applying(String channel, Collection<String> skus) {
        return jdbc.sql("""
                SELECT * FROM routing_rule
                WHERE (scope = 'ARTICLE' AND key = ANY(:skus)) OR (scope = 'CHANNEL' AND key = :channel)
                   OR scope = 'DEFAULT'
                """).param("skus", skus.toArray(String[]::new)).param("channel", channel == null ? "" : channel)
                .query((rs, n) -> rule(rs)).list();
    }

    private static RoutingRule rule(java.sql.ResultSet rs) throws java.sql.SQLException {
        String scope = rs.getString("scope");
        String key = rs.getString("key");
        return new RoutingRule(scope.equals("ARTICLE") ? key : null, scope.equals("CHANNEL") ? key : null,
                RoutingRule.Strategy.valueOf(rs.getString("strategy")), rs.getTimestamp("updated_at").toInstant());
    }
}
