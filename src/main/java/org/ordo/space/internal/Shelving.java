package org.ordo.space.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.MovementKind;
import org.ordo.inventory.ShelfStock;
import org.ordo.space.PutawaySuggestion.Reason;
import org.springframework.stereotype.Component;

/**
 * Keeps the bins of a location in step with its on hand, in the transaction that changed it: what comes in is put
 * away by space (the SKU's own bin, then the nearest bin with room, else the overflow bin with an alert), what goes
 * out is taken from the overflow bin first, then along the pick path. Goods issued for orders are also counted per
 * day, as the space forecast's demand history. Locations without bins are left alone.
 */
@Component
public class Shelving implements ShelfStock {

    /** How many bins with room a putaway tries before it goes to overflow. */
    private static final int CANDIDATES = 50;

    /** Where goods went, or would go. */
    public record Placement(String bin, Reason reason) {
    }

    private final Bins bins;
    private final ArticleMeasures measures;
    private final Catalog catalog;
    private final Demand demand;
    private final Clock clock;

    Shelving(Bins bins, ArticleMeasures measures, Catalog catalog, Demand demand, Clock clock) {
        this.bins = bins;
        this.measures = measures;
        this.catalog = catalog;
        this.demand = demand;
        this.clock = clock;
    }

    @Override
    public void follow(OnHandChange change) {
        if (change.kind() == MovementKind.ISSUE && change.delta() < 0) {
            demand.issued(change.locationId(), change.sku(), LocalDate.now(clock), -change.delta());
        }
        if (!bins.hasBins(change.locationId())) {
            return;
        }
        if (change.delta() > 0) {
            putAway(change.locationId(), change.sku(), change.delta(), change.documentType(), change.documentRef());
        } else {
            take(change.locationId(), change.sku(), -change.delta());
        }
    }

    /** Where {@code quantity} units would go now; reads, locks nothing. */
    public Placement suggest(UUID locationId, String sku, long quantity) {
        if (!bins.hasBins(locationId)) {
            return new Placement(null, Reason.NO_BINS);
        }
        Unit unit = unit(sku);
        List<Bins.Candidate> found = bins.candidates(locationId, sku, quantity, unit.volume * quantity,
                unit.weight * quantity, 1);
        if (found.isEmpty()) {
            return new Placement(Bins.OVERFLOW, Reason.OVERFLOW);
        }
        return new Placement(found.get(0).code(), found.get(0).home() ? Reason.OWN_BIN : Reason.NEAREST_WITH_ROOM);
    }

    /**
     * Puts all of the goods into the first candidate bin that still has room once locked; the conditional update
     * decides, so two receipts at once never overfill a bin. Nothing fits: the overflow bin, recorded as an alert.
     */
    Placement putAway(UUID locationId, String sku, long quantity, String documentType, String documentRef) {
        Unit unit = unit(sku);
        long volume = unit.volume * quantity;
        long weight = unit.weight * quantity;
        for (Bins.Candidate c : bins.candidates(locationId, sku, quantity, volume, weight, CANDIDATES)) {
            if (place(c.id(), sku, quantity, volume, weight, unit)) {
                bins.recordPutaway(locationId, c.id(), sku, quantity, documentType, documentRef, false, clock.instant());
                return new Placement(c.code(), c.home() ? Reason.OWN_BIN : Reason.NEAREST_WITH_ROOM);
            }
        }
        bins.ensureOverflow(locationId);
        UUID overflow = bins.id(locationId, Bins.OVERFLOW).orElseThrow();
        if (!place(overflow, sku, quantity, volume, weight, unit)) {
            throw new IllegalStateException("The overflow bin refused goods: it must have no limits");
        }
        bins.recordPutaway(locationId, overflow, sku, quantity, documentType, documentRef, true, clock.instant());
        return new Placement(Bins.OVERFLOW, Reason.OVERFLOW);
    }

    /** Books goods into a bin if they fit it, with the bin locked; false (nothing changed) if they do not. */
    private boolean place(UUID binId, String sku, long quantity, long volume, long weight, Unit unit) {
        bins.lock(binId);
        Optional<Bins.Held> before = bins.held(binId, sku);
        long had = before.map(Bins.Held::quantity).orElse(0L);
        int pallets = before.map(Bins.Held::pallets).orElse(0);
        int nowPallets = Math.max(pallets, unit.pallets(had + quantity));
        if (!bins.occupy(binId, volume, weight, nowPallets - pallets, had + quantity)) {
            return false;
        }
        bins.hold(binId, sku, had + quantity, before.map(Bins.Held::volumeMm3).orElse(0L) + volume,
                before.map(Bins.Held::weightGrams).orElse(0L) + weight, nowPallets);
        return true;
    }

    /**
     * Takes goods out of the bins holding them (overflow first, then along the pick path), each bin locked, giving
     * back the share of volume, weight and pallet places they were booked with.
     */
    void take(UUID locationId, String sku, long quantity) {
        long left = quantity;
        for (Bins.Held h : bins.holding(locationId, sku)) {
            if (left == 0) {
                break;
            }
            bins.lock(h.binId());
            Bins.Held now = bins.held(h.binId(), sku).orElse(null);
            if (now == null || now.quantity() == 0) {
                continue;
            }
            long taken = Math.min(left, now.quantity());
            long rest = now.quantity() - taken;
            long volume = rest == 0 ? now.volumeMm3() : Math.multiplyExact(now.volumeMm3(), taken) / now.quantity();
            long weight = rest == 0 ? now.weightGrams() : Math.multiplyExact(now.weightGrams(), taken) / now.quantity();
            int pallets = rest == 0 ? now.pallets()
                    : now.pallets() - (int) ceilDiv(Math.multiplyExact((long) now.pallets(), rest), now.quantity());
            bins.vacate(h.binId(), volume, weight, pallets);
            bins.hold(h.binId(), sku, rest, now.volumeMm3() - volume, now.weightGrams() - weight,
                    now.pallets() - pallets);
            left -= taken;
        }
        // The level's own CHECKs refused what was not on hand; bins short of it are the checker's finding.
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private Unit unit(String sku) {
        Integer grams = catalog.find(sku).map(Article::weightGrams).orElse(null);
        return measures.find(sku).map(m -> new Unit(m.volumeMm3(), grams == null ? 0 : grams, m.unitsPerPallet()))
                .orElse(new Unit(0, grams == null ? 0 : grams, null));
    }

    /** What one unit takes: volume, weight, and how many fit on a pallet (null: each SKU takes one place). */
    private record Unit(long volume, long weight, Integer perPallet) {

        int pallets(long quantity) {
            if (quantity == 0) {
                return 0;
            }
            return perPallet == null ? 1 : (int) ceilDiv(quantity, perPallet);
        }
    }
}
