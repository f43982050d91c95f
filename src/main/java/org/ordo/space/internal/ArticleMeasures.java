package org.ordo.space.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Dimensions and packing units of articles (table article_dimensions). */
@Repository
public class ArticleMeasures {

    /** One unit's measures; {@code unitsPerPallet} null when the article is not palletised. */
    public record Measure(String sku, int lengthMm, int widthMm, int heightMm, Integer unitsPerCarton,
            Integer cartonsPerPallet) {

        public long volumeMm3() {
            return (long) lengthMm * widthMm * heightMm;
        }

        public Integer unitsPerPallet() {
            return unitsPerCarton == null || cartonsPerPallet == null ? null : unitsPerCarton * cartonsPerPallet;
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticleMeasures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    public void put(Measure m) {
        jdbc.sql("""
                INSERT INTO article_dimensions (sku, length_mm, width_mm, height_mm, units_per_carton, cartons_per_pallet,
                                                updated_at)
                VALUES (:sku, :l, :w, :h, :upc, :cpp, :now)
                ON CONFLICT (sku) DO UPDATE SET length_mm = excluded.length_mm, width_mm = excluded.width_mm,
                    height_mm = excluded.height_mm, units_per_carton = excluded.units_per_carton,
                    cartons_per_pallet = excluded.cartons_per_pallet, updated_at = :now
                """).param("now", now()).param("sku", m.sku()).param("l", m.lengthMm()).param("w", m.widthMm())
                .param("h", m.heightMm())
                .param("upc", m.unitsPerCarton()).param("cpp", m.cartonsPerPallet()).update();
    }

    public Optional<Measure> find(String sku) {
        return jdbc.sql("SELECT * FROM article_dimensions WHERE sku = :sku").param("sku", sku)
                .query((rs, n) -> new Measure(rs.getString("sku"), rs.getInt("length_mm"), rs.getInt("width_mm"),
                        rs.getInt("height_mm"), (Integer) rs.getObject("units_per_carton"),
                        (Integer) rs.getObject("cartons_per_pallet")))
                .optional();
    }

    public Map<String, Measure> findAll(Collection<String> skus) {
        Map<String, Measure> found = new HashMap<>();
        if (skus.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM article_dimensions WHERE sku = ANY(:skus)")
                .param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getString("sku"), new Measure(rs.getString("sku"), rs.getInt("length_mm"),
                        rs.getInt("width_mm"), rs.getInt("height_mm"), (Integer) rs.getObject("units_per_carton"),
                        (Integer) rs.getObject("cartons_per_pallet"))))
                .list();
        return found;
    }
}
