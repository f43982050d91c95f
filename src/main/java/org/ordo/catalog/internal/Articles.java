package org.ordo.catalog.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ordo.catalog.Article;
import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.ArticleType;
import org.ordo.platform.Ids;
import org.ordo.platform.Json;
import org.ordo.platform.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

@Repository
public class Articles {

    private static final TypeReference<Map<String, String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final Json json;
    private final Clock clock;

    Articles(JdbcClient jdbc, Json json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public Article insert(ArticleDraft d, Money price, BigDecimal taxRate) {
        UUID id = Ids.next();
        jdbc.sql("""
                INSERT INTO article (id, sku, type, name, price, currency, tax_rate, price_includes_tax,
                                     weight_grams, backorderable, active, gtin, returnable, created_at, updated_at)
                VALUES (:id, :sku, :type, CAST(:name AS jsonb), :price, :currency, :taxRate, :gross,
                        :weight, :backorderable, :active, :gtin, :returnable, :now, :now)
                """).param("now", now())
                .param("gtin", d.gtin()).param("returnable", d.returnable() == null || d.returnable())
                .param("id", id).param("sku", d.sku()).param("type", d.type().name())
                .param("name", json.write(d.name())).param("price", price.amount())
                .param("currency", price.currency()).param("taxRate", taxRate)
                .param("gross", Boolean.TRUE.equals(d.priceIncludesTax())).param("weight", d.weightGrams())
                .param("backorderable", Boolean.TRUE.equals(d.backorderable()))
                .param("active", d.active() == null || d.active())
                .update();
        return find(d.sku()).orElseThrow();
    }

    public Optional<Article> update(ArticleDraft d, Money price, BigDecimal taxRate) {
        int n = jdbc.sql("""
                UPDATE article SET type = :type, name = CAST(:name AS jsonb), price = :price, currency = :currency,
                       tax_rate = :taxRate, price_includes_tax = :gross, weight_grams = :weight,
                       backorderable = :backorderable, active = :active, gtin = :gtin, returnable = :returnable,
                       updated_at = :now
                WHERE sku = :sku
                """).param("now", now())
                .param("gtin", d.gtin()).param("returnable", d.returnable() == null || d.returnable())
                .param("sku", d.sku()).param("type", d.type().name())
                .param("name", json.write(d.name())).param("price", price.amount())
                .param("currency", price.currency()).param("taxRate", taxRate)
                .param("gross", Boolean.TRUE.equals(d.priceIncludesTax())).param("weight", d.weightGrams())
                .param("backorderable", Boolean.TRUE.equals(d.backorderable()))
                .param("active", d.active() == null || d.active())
                .update();
        return n == 0 ? Optional.empty() : find(d.sku());
    }

    /**
     * The article, locked FOR UPDATE: this waits for every transaction that read it for use
     * ({@link #findAllForUse}, FOR KEY SHARE) and makes new ones wait until this transaction ends.
     */
    public Optional<Article> lockForChange(String sku) {
        return jdbc.sql("SELECT * FROM article WHERE sku = :sku FOR UPDATE").param("sku", sku).query(this::map)
                .optional();
    }

    /**
     * The articles, each locked FOR KEY SHARE (in SKU order, so that no two callers deadlock): users do not wait
     * for each other nor for ordinary updates of the article, only for {@link #lockForChange}. After such a wait
     * the row read is the one committed by the change.
     */
    public Map<String, Article> findAllForUse(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM article WHERE sku = ANY(:skus) ORDER BY sku COLLATE \"C\" FOR KEY SHARE")
                .param("skus", skus.toArray(String[]::new))
                .query(this::map).list().stream().collect(Collectors.toMap(Article::sku, Function.identity()));
    }

    public Optional<Article> find(String sku) {
        return jdbc.sql("SELECT * FROM article WHERE sku = :sku").param("sku", sku).query(this::map).optional();
    }

    public Map<String, Article> findAll(Collection<String> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("SELECT * FROM article WHERE sku = ANY(:skus)")
                .param("skus", skus.toArray(String[]::new))
                .query(this::map).list().stream().collect(Collectors.toMap(Article::sku, Function.identity()));
    }

    public Optional<String> skuOfGtin(String gtin) {
        return jdbc.sql("SELECT sku FROM article WHERE gtin = :gtin").param("gtin", gtin).query(String.class)
                .optional();
    }

    public Map<String, String> skusByGtin(Collection<String> gtins) {
        if (gtins.isEmpty()) {
            return Map.of();
        }
        Map<String, String> skus = new java.util.HashMap<>();
        jdbc.sql("SELECT gtin, sku FROM article WHERE gtin = ANY(:gtins)")
                .param("gtins", gtins.toArray(String[]::new))
                .query((rs, n) -> skus.put(rs.getString("gtin"), rs.getString("sku"))).list();
        return skus;
    }

    public List<Article> list(String q, ArticleType type, Boolean active, String afterSku, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM article WHERE true");
        Map<String, Object> params = new java.util.HashMap<>();
        if (q != null && !q.isBlank()) {
            sql.append(" AND (sku ILIKE :prefix OR EXISTS (SELECT 1 FROM jsonb_each_text(name) n"
                    + " WHERE n.value ILIKE :contains))");
            String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("prefix", escaped + "%");
            params.put("contains", "%" + escaped + "%");
        }
        if (type != null) {
            sql.append(" AND type = :type");
            params.put("type", type.name());
        }
        if (active != null) {
            sql.append(" AND active = :active");
            params.put("active", active);
        }
        if (afterSku != null) {
            sql.append(" AND sku > :after");
            params.put("after", afterSku);
        }
        sql.append(" ORDER BY sku LIMIT :limit");
        params.put("limit", limit);
        return new ArrayList<>(jdbc.sql(sql.toString()).params(params).query(this::map).list());
    }

    /** One statement for all stems (see {@code Catalog.variants}): the caller's lines never each ask the catalog. */
    public Map<String, List<Article>> variants(Collection<String> stems, int perStem) {
        if (stems.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Article>> byStem = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                SELECT * FROM (
                    SELECT a.*, s.stem, row_number() OVER (PARTITION BY s.stem ORDER BY a.sku COLLATE "C") AS nth
                    FROM unnest(CAST(:stems AS text[])) s(stem)
                    JOIN article a ON starts_with(a.sku, s.stem)
                                  AND strpos(substr(a.sku, length(s.stem) + 1), '-') = 0
                                  AND length(a.sku) > length(s.stem)
                    WHERE a.type = 'PHYSICAL' AND a.active) v
                WHERE nth <= :limit ORDER BY stem, sku COLLATE "C"
                """)
                .param("stems", stems.toArray(String[]::new)).param("limit", perStem)
                .query((rs, n) -> Map.entry(rs.getString("stem"), map(rs, n))).list()
                .forEach(e -> byStem.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byStem;
    }

    private Article map(ResultSet rs, int n) throws SQLException {
        String currency = rs.getString("currency");
        return new Article(rs.getObject("id", UUID.class), rs.getString("sku"),
                ArticleType.valueOf(rs.getString("type")), json.read(rs.getString("name"), NAMES),
                new Money(rs.getBigDecimal("price"), currency), plain(rs.getBigDecimal("tax_rate")),
                rs.getBoolean("price_includes_tax"), (Integer) rs.getObject("weight_grams"),
                rs.getBoolean("backorderable"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("gtin"), rs.getBoolean("returnable"));
    }

    /** 19.000 becomes 19, 7.5 stays 7.5. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
