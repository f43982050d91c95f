package org.ordo.space.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.platform.Ids;
import org.ordo.space.Bin;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Bins, the stock in them and the putaways into them. Every statement that changes a bin's stock locks the bin
 * row first ({@link #lock}), so that what it reads of the bin's stock rows is what the others committed; the
 * conditional update and the CHECK constraints of the bin are what keep it within capacity.
 */
@Repository
public class Bins {

    public static final String OVERFLOW = "OVERFLOW";

    /** A bin's stock row of one SKU, with what it takes of the bin. */
    public record Held(UUID binId, String bin, boolean overflow, long quantity, long volumeMm3, long weightGrams,
            int pallets) {
    }

    /** A candidate bin for a putaway, with its free room as read without a lock (a guide; the update decides). */
    public record Candidate(UUID id, String code, boolean home) {
    }

    /** What the bins of a location hold per SKU (for the checker and for utilisation). */
    public record SkuTotal(String sku, long quantity, long volumeMm3, long weightGrams) {
    }

    /** A bin's capacities (null: no limit) and what its stock takes of them, as read. */
    public record Room(Long volumeMm3, long usedVolumeMm3, Long maxWeightGrams, long usedWeightGrams,
            Integer palletPlaces, int usedPallets, Long unitLimitPerSku) {
    }

    /** A bin the checker finds over capacity or off its stock, described. */
    public record OverCapacity(UUID locationId, String finding) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Bins(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stamps come from the application's clock, so tests that move time see them moved too. */
    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    /** Creates the overflow bin of a location unless it has one; true if created. */
    public boolean ensureOverflow(UUID locationId) {
        return jdbc.sql("""
                INSERT INTO bin (id, location_id, code, pick_sequence, overflow, created_at, updated_at)
                VALUES (:id, :loc, :code, 2147483647, true, :now, :now)
                ON CONFLICT DO NOTHING
                """).param("now", now())
                .param("id", Ids.next()).param("loc", locationId).param("code", OVERFLOW).update() == 1;
    }

    public void insert(UUID locationId, String code, int pickSequence, Long volume, Long maxWeight, Integer pallets,
            Long unitLimit, String homeSku) {
        jdbc.sql("""
                INSERT INTO bin (id, location_id, code, pick_sequence, volume_mm3, max_weight_grams, pallet_places,
                                 unit_limit_per_sku, home_sku, created_at, updated_at)
                VALUES (:id, :loc, :code, :seq, :volume, :weight, :pallets, :units, :home, :now, :now)
                """).param("now", now())
                .param("id", Ids.next()).param("loc", locationId).param("code", code).param("seq", pickSequence)
                .param("volume", volume).param("weight", maxWeight).param("pallets", pallets).param("units", unitLimit)
                .param("home", homeSku).update();
    }

    /**
     * Changes a bin's place and capacities, only if what it holds still fits them (and its stock is of its home
     * SKU, when it gets one); false if not, and nothing changed.
     */
    public boolean change(UUID binId, int pickSequence, Long volume, Long maxWeight, Integer pallets, Long unitLimit,
            String homeSku) {
        return jdbc.sql("""
                UPDATE bin SET pick_sequence = :seq, volume_mm3 = :volume, max_weight_grams = :weight,
                       pallet_places = :pallets, unit_limit_per_sku = :units, home_sku = :home, updated_at = :now
                WHERE id = :id
                  AND (CAST(:volume AS bigint) IS NULL OR used_volume_mm3 <= :volume)
                  AND (CAST(:weight AS bigint) IS NULL OR used_weight_grams <= :weight)
                  AND (CAST(:pallets AS integer) IS NULL OR used_pallets <= :pallets)
                  AND (CAST(:units AS bigint) IS NULL
                       OR NOT EXISTS (SELECT 1 FROM bin_stock s WHERE s.bin_id = bin.id AND s.quantity > :units))
                  AND (CAST(:home AS text) IS NULL
                       OR NOT EXISTS (SELECT 1 FROM bin_stock s WHERE s.bin_id = bin.id AND s.quantity > 0
                                      AND s.sku <> :home))
                """).param("now", now())
                .param("id", binId).param("seq", pickSequence).param("volume", volume).param("weight", maxWeight)
                .param("pallets", pallets).param("units", unitLimit).param("home", homeSku).update() == 1;
    }

    public Optional<UUID> id(UUID locationId, String code) {
        return jdbc.sql("SELECT id FROM bin WHERE location_id = :loc AND code = :code").param("loc", locationId)
                .param("code", code).query(UUID.class).optional();
    }

    public boolean hasBins(UUID locationId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM bin WHERE location_id = :loc)").param("loc", locationId)
                .query(Boolean.class).single();
    }

    public List<Bin> all(UUID locationId, String location) {
        return jdbc.sql("""
                SELECT b.*, COALESCE((SELECT sum(s.quantity) FROM bin_stock s WHERE s.bin_id = b.id), 0) AS units
                FROM bin b WHERE b.location_id = :loc ORDER BY b.overflow, b.pick_sequence, b.code
                """).param("loc", locationId).query((rs, n) -> bin(rs, location)).list();
    }

    public Optional<Bin> find(UUID locationId, String location, String code) {
        return jdbc.sql("""
                SELECT b.*, COALESCE((SELECT sum(s.quantity) FROM bin_stock s WHERE s.bin_id = b.id), 0) AS units
                FROM bin b WHERE b.location_id = :loc AND b.code = :code
                """).param("loc", locationId).param("code", code).query((rs, n) -> bin(rs, location)).optional();
    }

    /**
     * Bins that may take a SKU, best first: its own bin, then bins already holding it, then by distance on the pick
     * path from its own bin (or from the start); never another SKU's own bin, never the overflow bin. Only bins
     * that look as if the goods fit (read without a lock: the conditional update decides).
     */
    public List<Candidate> candidates(UUID locationId, String sku, long quantity, long volume, long weight, int limit) {
        return jdbc.sql("""
                WITH anchor AS (
                    SELECT COALESCE(min(pick_sequence), 0) AS seq FROM bin
                    WHERE location_id = :loc AND home_sku = :sku
                )
                SELECT b.id, b.code, b.home_sku IS NOT NULL AS home
                FROM bin b CROSS JOIN anchor a
                LEFT JOIN bin_stock s ON s.bin_id = b.id AND s.sku = :sku
                WHERE b.location_id = :loc AND NOT b.overflow AND (b.home_sku IS NULL OR b.home_sku = :sku)
                  AND (b.volume_mm3 IS NULL OR b.used_volume_mm3 + :volume <= b.volume_mm3)
                  AND (b.max_weight_grams IS NULL OR b.used_weight_grams + :weight <= b.max_weight_grams)
                  AND (b.pallet_places IS NULL OR b.used_pallets < b.pallet_places OR COALESCE(s.quantity, 0) > 0)
                  AND (b.unit_limit_per_sku IS NULL OR COALESCE(s.quantity, 0) + :q <= b.unit_limit_per_sku)
                ORDER BY b.home_sku IS NULL, COALESCE(s.quantity, 0) = 0, abs(b.pick_sequence - a.seq),
                         b.pick_sequence, b.code
                LIMIT :limit
                """).param("loc", locationId).param("sku", sku).param("q", quantity).param("volume", volume)
                .param("weight", weight).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getBoolean("home")))
                .list();
    }

    /** Locks a bin row until the transaction ends; every change of a bin's stock starts here. */
    public void lock(UUID binId) {
        jdbc.sql("SELECT id FROM bin WHERE id = :id FOR UPDATE").param("id", binId).query(UUID.class).single();
    }

    /** A bin's capacities and use; read it after {@link #lock} to know what the bin can still take. */
    public Room room(UUID binId) {
        return jdbc.sql("""
                SELECT volume_mm3, used_volume_mm3, max_weight_grams, used_weight_grams, pallet_places, used_pallets,
                       unit_limit_per_sku
                FROM bin WHERE id = :id
                """).param("id", binId).query((rs, n) -> new Room((Long) rs.getObject("volume_mm3"),
                        rs.getLong("used_volume_mm3"), (Long) rs.getObject("max_weight_grams"),
                        rs.getLong("used_weight_grams"), (Integer) rs.getObject("pallet_places"),
                        rs.getInt("used_pallets"), (Long) rs.getObject("unit_limit_per_sku"))).single();
    }

    public Optional<Held> held(UUID binId, String sku) {
        return jdbc.sql("""
                SELECT s.*, b.code, b.overflow FROM bin_stock s JOIN bin b ON b.id = s.bin_id
                WHERE s.bin_id = :bin AND s.sku = :sku
                """).param("bin", binId).param("sku", sku).query(Bins::held).optional();
    }

    /**
     * Adds to a locked bin what goods take of it, if they fit every capacity; false (nothing changed) if not.
     * {@code newQuantity} is what the SKU's row will hold, for the unit limit.
     */
    public boolean occupy(UUID binId, long volume, long weight, int pallets, long newQuantity) {
        return jdbc.sql("""
                UPDATE bin SET used_volume_mm3 = used_volume_mm3 + :volume,
                       used_weight_grams = used_weight_grams + :weight, used_pallets = used_pallets + :pallets,
                       updated_at = :now
                WHERE id = :id
                  AND (volume_mm3 IS NULL OR used_volume_mm3 + :volume <= volume_mm3)
                  AND (max_weight_grams IS NULL OR used_weight_grams + :weight <= max_weight_grams)
                  AND (pallet_places IS NULL OR used_pallets + :pallets <= pallet_places)
                  AND (unit_limit_per_sku IS NULL OR :units <= unit_limit_per_sku)
                """).param("now", now())
                .param("id", binId).param("volume", volume).param("weight", weight).param("pallets", pallets)
                .param("units", newQuantity).update() == 1;
    }

    /** Gives back what goods took of a locked bin (they left it). */
    public void vacate(UUID binId, long volume, long weight, int pallets) {
        jdbc.sql("""
                UPDATE bin SET used_volume_mm3 = used_volume_mm3 - :volume,
                       used_weight_grams = used_weight_grams - :weight, used_pallets = used_pallets - :pallets,
                       updated_at = :now
                WHERE id = :id
                """).param("now", now())
                .param("id", binId).param("volume", volume).param("weight", weight).param("pallets", pallets)
                .update();
    }

    /** Sets a SKU's row in a locked bin to what it holds now (an empty row is removed). */
    public void hold(UUID binId, String sku, long quantity, long volume, long weight, int pallets) {
        if (quantity == 0) {
            jdbc.sql("DELETE FROM bin_stock WHERE bin_id = :bin AND sku = :sku").param("bin", binId).param("sku", sku)
                    .update();
            return;
        }
        jdbc.sql("""
                INSERT INTO bin_stock (bin_id, sku, quantity, volume_mm3, weight_grams, pallets)
                VALUES (:bin, :sku, :q, :volume, :weight, :pallets)
                ON CONFLICT (bin_id, sku) DO UPDATE SET quantity = excluded.quantity,
                    volume_mm3 = excluded.volume_mm3, weight_grams = excluded.weight_grams, pallets = excluded.pallets
                """).param("bin", binId).param("sku", sku).param("q", quantity).param("volume", volume)
                .param("weight", weight).param("pallets", pallets).update();
    }

    /** The bins of a location holding a SKU, in the order stock is taken out: overflow first, then the pick path. */
    public List<Held> holding(UUID locationId, String sku) {
        return jdbc.sql("""
                SELECT s.*, b.code, b.overflow FROM bin_stock s JOIN bin b ON b.id = s.bin_id
                WHERE b.location_id = :loc AND s.sku = :sku AND s.quantity > 0
                ORDER BY b.overflow DESC, b.pick_sequence, b.code
                """).param("loc", locationId).param("sku", sku).query(Bins::held).list();
    }

    public void recordPutaway(UUID locationId, UUID binId, String sku, long quantity, String documentType,
            String documentRef, boolean overflow, Instant at) {
        jdbc.sql("""
                INSERT INTO putaway (location_id, bin_id, sku, quantity, document_type, document_ref, overflow, at)
                VALUES (:loc, :bin, :sku, :q, :type, :ref, :overflow, :at)
                """).param("loc", locationId).param("bin", binId).param("sku", sku).param("q", quantity)
                .param("type", documentType).param("ref", documentRef).param("overflow", overflow)
                .param("at", Timestamp.from(at)).update();
    }

    /** Per SKU what the bins of a location hold. */
    public List<SkuTotal> totals(UUID locationId) {
        return jdbc.sql("""
                SELECT s.sku, sum(s.quantity) AS q, sum(s.volume_mm3) AS v, sum(s.weight_grams) AS w
                FROM bin_stock s JOIN bin b ON b.id = s.bin_id
                WHERE b.location_id = :loc GROUP BY s.sku
                """).param("loc", locationId).query((rs, n) -> new SkuTotal(rs.getString("sku"), rs.getLong("q"),
                        rs.getLong("v"), rs.getLong("w"))).list();
    }

    /** The locations that have bins. */
    public List<UUID> locationsWithBins() {
        return jdbc.sql("SELECT DISTINCT location_id FROM bin").query(UUID.class).list();
    }

    /**
     * Bins over a capacity, stock rows over the unit limit or of another SKU than the bin's own, and bins whose
     * used figures are not the sums of their stock rows; empty when all is well.
     */
    public List<OverCapacity> overCapacity(int limit) {
        return jdbc.sql("""
                WITH sums AS (
                    SELECT bin_id, sum(volume_mm3) AS v, sum(weight_grams) AS w, sum(pallets) AS p,
                           max(quantity) AS most
                    FROM bin_stock GROUP BY bin_id
                )
                SELECT b.code, b.location_id, b.used_volume_mm3, b.volume_mm3, b.used_weight_grams, b.max_weight_grams,
                       b.used_pallets, b.pallet_places, b.unit_limit_per_sku, s.most,
                       COALESCE(s.v, 0) AS v, COALESCE(s.w, 0) AS w, COALESCE(s.p, 0) AS p
                FROM bin b LEFT JOIN sums s ON s.bin_id = b.id
                WHERE b.used_volume_mm3 > b.volume_mm3 OR b.used_weight_grams > b.max_weight_grams
                   OR b.used_pallets > b.pallet_places OR s.most > b.unit_limit_per_sku
                   OR b.used_volume_mm3 <> COALESCE(s.v, 0) OR b.used_weight_grams <> COALESCE(s.w, 0)
                   OR b.used_pallets <> COALESCE(s.p, 0)
                   OR EXISTS (SELECT 1 FROM bin_stock o WHERE o.bin_id = b.id AND b.home_sku IS NOT NULL
                              AND o.sku <> b.home_sku AND o.quantity > 0)
                ORDER BY b.location_id, b.code
                LIMIT :limit
                """).param("limit", limit).query((rs, n) -> new OverCapacity(rs.getObject("location_id", UUID.class),
                        ("bin %s: volume %d of %s mm3, weight %d of %s g, pallets %d of %s, most units of one SKU %s of"
                        + " %s; its stock rows sum to volume %d, weight %d, pallets %d")
                        .formatted(rs.getString("code"), rs.getLong("used_volume_mm3"),
                                rs.getObject("volume_mm3"), rs.getLong("used_weight_grams"),
                                rs.getObject("max_weight_grams"), rs.getInt("used_pallets"), rs.getObject("pallet_places"),
                                rs.getObject("most"), rs.getObject("unit_limit_per_sku"), rs.getLong("v"),
                                rs.getLong("w"), rs.getLong("p"))))
                .list();
    }

    /** Putaways into the overflow bin not yet acknowledged, newest first. */
    public List<org.ordo.space.Utilisation.OverflowAlert> openAlerts(UUID locationId, int limit) {
        return jdbc.sql("""
                SELECT id, sku, quantity, document_type, document_ref, at FROM putaway
                WHERE location_id = :loc AND overflow AND acknowledged_at IS NULL
                ORDER BY id DESC LIMIT :limit
                """).param("loc", locationId).param("limit", limit)
                .query((rs, n) -> new org.ordo.space.Utilisation.OverflowAlert(rs.getLong("id"), rs.getString("sku"),
                        rs.getLong("quantity"), rs.getString("document_type"), rs.getString("document_ref"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /**
     * Marks an overflow alert of a location as seen by a person; a second acknowledgement keeps the first one's
     * time. False if the location has no such alert.
     */
    public boolean acknowledge(UUID locationId, long alertId, String by, Instant at) {
        return jdbc.sql("""
                UPDATE putaway SET acknowledged_at = COALESCE(acknowledged_at, :at),
                       acknowledged_by = COALESCE(acknowledged_by, :by)
                WHERE id = :id AND location_id = :loc AND overflow
                """).param("id", alertId).param("loc", locationId).param("by", by).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** The volume of a location's bins that have one (empty: none has). */
    public Long capacity(UUID locationId) {
        return jdbc.sql("SELECT sum(volume_mm3) FROM bin WHERE location_id = :loc AND NOT overflow")
                .param("loc", locationId).query(Long.class).list().stream().filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /** A putaway as recorded: how many went into which bin. */
    public record Putaway(String bin, long quantity, boolean overflow) {
    }

    /**
     * The bins the last receipt of a SKU at a location went into (several when it was split), along the pick path
     * with the overflow bin last; empty when there was none. A receipt's putaways share its document and time.
     */
    public List<Putaway> lastPutaway(UUID locationId, String sku) {
        return jdbc.sql("""
                WITH last AS (
                    SELECT document_type, document_ref, at FROM putaway
                    WHERE location_id = :loc AND sku = :sku ORDER BY id DESC LIMIT 1
                )
                SELECT b.code, p.quantity, p.overflow FROM putaway p JOIN bin b ON b.id = p.bin_id JOIN last l
                  ON p.at = l.at AND p.document_type IS NOT DISTINCT FROM l.document_type
                 AND p.document_ref IS NOT DISTINCT FROM l.document_ref
                WHERE p.location_id = :loc AND p.sku = :sku
                ORDER BY b.overflow, b.pick_sequence, b.code
                """).param("loc", locationId).param("sku", sku)
                .query((rs, n) -> new Putaway(rs.getString("code"), rs.getLong("quantity"), rs.getBoolean("overflow")))
                .list();
    }

    /** Per SKU the first bin holding it along the pick path, the overflow bin last. */
    public List<org.ordo.space.PickBin> firstHolding(UUID locationId, java.util.Collection<String> skus) {
        return jdbc.sql("""
                SELECT DISTINCT ON (s.sku) s.sku, b.code, b.pick_sequence
                FROM bin_stock s JOIN bin b ON b.id = s.bin_id
                WHERE b.location_id = :loc AND s.sku = ANY(:skus) AND s.quantity > 0
                ORDER BY s.sku, b.overflow, b.pick_sequence, b.code
                """).param("loc", locationId).param("skus", skus.toArray(String[]::new))
                .query((rs, n) -> new org.ordo.space.PickBin(rs.getString("sku"), rs.getString("code"),
                        rs.getInt("pick_sequence"))).list();
    }

    /** A bin found by its code: what a booking into it must know. */
    public record Named(UUID id, String code, boolean overflow, String homeSku) {
    }

    public Optional<Named> named(UUID locationId, String code) {
        return jdbc.sql("SELECT id, code, overflow, home_sku FROM bin WHERE location_id = :loc AND code = :code")
                .param("loc", locationId).param("code", code)
                .query((rs, n) -> new Named(rs.getObject("id", UUID.class), rs.getString("code"),
                        rs.getBoolean("overflow"), rs.getString("home_sku")))
                .optional();
    }

    /**
     * Appends a row to the bin ledger: a change of a SKU's stock in one bin, why (the stock ledger's movement kind,
     * or MOVE between bins) and the document. Per bin and SKU its rows add up to the bin's stock row (the checker's
     * rule bin-stock-equals-bin-ledger).
     */
    public void book(UUID locationId, UUID binId, String sku, long delta, String kind, String documentType,
            String documentRef, String actor, Instant at) {
        jdbc.sql("""
                INSERT INTO bin_movement (location_id, bin_id, sku, quantity_delta, kind, document_type, document_ref,
                                          actor, at)
                VALUES (:loc, :bin, :sku, :delta, :kind, :type, :ref, :actor, :at)
                """).param("loc", locationId).param("bin", binId).param("sku", sku).param("delta", delta)
                .param("kind", kind).param("type", documentType).param("ref", documentRef).param("actor", actor)
                .param("at", Timestamp.from(at)).update();
    }

    /** A SKU's stock in one bin, as a person sees it. */
    public record Stocked(String sku, long quantity) {
    }

    /** What a bin holds, per SKU. */
    public List<Stocked> stockIn(UUID binId) {
        return jdbc.sql("SELECT sku, quantity FROM bin_stock WHERE bin_id = :bin AND quantity > 0 ORDER BY sku")
                .param("bin", binId).query((rs, n) -> new Stocked(rs.getString("sku"), rs.getLong("quantity")))
                .list();
    }

    /** One row of the bin ledger, as read back. */
    public record Booked(long id, String bin, String sku, long delta, String kind, String documentType,
            String documentRef, String actor, Instant at) {
    }

    /** The bin ledger of a location's bin, newest first. */
    public List<Booked> bookings(UUID binId, int limit) {
        return jdbc.sql("""
                SELECT m.*, b.code FROM bin_movement m JOIN bin b ON b.id = m.bin_id
                WHERE m.bin_id = :bin ORDER BY m.id DESC LIMIT :limit
                """).param("bin", binId).param("limit", limit)
                .query((rs, n) -> new Booked(rs.getLong("id"), rs.getString("code"), rs.getString("sku"),
                        rs.getLong("quantity_delta"), rs.getString("kind"), rs.getString("document_type"),
                        rs.getString("document_ref"), rs.getString("actor"), rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Bin stock rows that are not the sums of their bin ledger rows, described; empty when all is well. */
    public List<String> offLedger(int limit) {
        return jdbc.sql("""
                WITH booked AS (SELECT bin_id, sku, sum(quantity_delta) AS q FROM bin_movement GROUP BY bin_id, sku),
                     held AS (SELECT bin_id, sku, quantity AS q FROM bin_stock WHERE quantity > 0)
                SELECT b.code, l.code AS location, COALESCE(h.sku, k.sku) AS sku, COALESCE(h.q, 0) AS held,
                       COALESCE(k.q, 0) AS booked
                FROM held h FULL JOIN booked k ON k.bin_id = h.bin_id AND k.sku = h.sku
                JOIN bin b ON b.id = COALESCE(h.bin_id, k.bin_id) JOIN location l ON l.id = b.location_id
                WHERE COALESCE(h.q, 0) <> COALESCE(k.q, 0)
                ORDER BY l.code, b.code, 3 LIMIT :limit
                """).param("limit", limit).query((rs, n) -> "%s in bin %s at %s: holds %d, its bin ledger sums to %d"
                        .formatted(rs.getString("sku"), rs.getString("code"), rs.getString("location"),
                                rs.getLong("held"), rs.getLong("booked")))
                .list();
    }

    private static Held held(ResultSet rs, int n) throws SQLException {
        return new Held(rs.getObject("bin_id", UUID.class), rs.getString("code"), rs.getBoolean("overflow"),
                rs.getLong("quantity"), rs.getLong("volume_mm3"), rs.getLong("weight_grams"), rs.getInt("pallets"));
    }

    private static Bin bin(ResultSet rs, String location) throws SQLException {
        return new Bin(rs.getString("code"), location, rs.getInt("pick_sequence"), rs.getBoolean("overflow"),
                (Long) rs.getObject("volume_mm3"), (Long) rs.getObject("max_weight_grams"),
                (Integer) rs.getObject("pallet_places"), (Long) rs.getObject("unit_limit_per_sku"),
                rs.getString("home_sku"), rs.getLong("used_volume_mm3"), rs.getLong("used_weight_grams"),
                rs.getInt("used_pallets"), rs.getLong("units"));
    }
}
