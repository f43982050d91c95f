package org.ordo.space.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.MovementKind;
import org.ordo.inventory.ShelfStock;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;
import org.ordo.space.PutawaySuggestion.Reason;
import org.ordo.space.PutawaySuggestion.Share;
import org.springframework.stereotype.Component;

/**
 * Keeps the bins of a location in step with its on hand, in the transaction that changed it: what comes in is put
 * away by space (the SKU's own bin, then the nearest bin with room; split over the bins with room when none takes
 * all; what fits nowhere to the overflow bin with an alert), what goes
 * out is taken from the overflow bin first, then along the pick path. Goods issued for orders are also counted per
 * day, as the space forecast's demand history. Locations without bins are left alone.
 */
@Component
public class Shelving implements ShelfStock {

    /** How many bins with room a putaway tries before it goes to overflow. */
    private static final int CANDIDATES = 50;

    /** Where goods went, or would go: the first bin, why, and every bin with how many. */
    public record Placement(String bin, Reason reason, List<Share> shares) {
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
        Cause cause = new Cause(change.kind().name(), change.documentType(), change.documentRef());
        if (change.bin() != null) {
            Bins.Named bin = named(change.locationId(), change.bin(), "bin");
            if (change.delta() > 0) {
                putInto(change.locationId(), bin, change.sku(), change.delta(), cause);
            } else {
                take(change.locationId(), change.sku(), -change.delta(), bin.id(), cause);
            }
            return;
        }
        if (!bins.hasBins(change.locationId())) {
            return;
        }
        if (change.delta() > 0) {
            putAway(change.locationId(), change.sku(), change.delta(), cause);
        } else {
            take(change.locationId(), change.sku(), -change.delta(), null, cause);
        }
    }

    /** Why a bin's stock changed, as its bin ledger row says: the movement kind and the document. */
    record Cause(String kind, String documentType, String documentRef) {
    }

    /** A bin of a location by the code a person gave; 422 naming {@code field} when the location has none such. */
    Bins.Named named(UUID locationId, String code, String field) {
        return bins.named(locationId, code == null ? "" : code.trim())
                .orElseThrow(() -> new InvalidInputException(field, Wording.of("space.no_bin_at_this_location", code)));
    }

    /**
     * Puts goods into the bin a person named: refused (409 {@code bin-full}) when they do not fit its capacities
     * or it is another SKU's own bin. Goods put into the overflow bin are an alert as there.
     */
    void putInto(UUID locationId, Bins.Named bin, String sku, long quantity, Cause cause) {
        if (bin.homeSku() != null && !bin.homeSku().equals(sku)) {
            throw new ConflictException("bin-full", "The bin does not take these goods",
                    Wording.of("space.bin_is_s_own_bin_put", bin.code(), bin.homeSku(), sku),
                    Map.of("bin", bin.code(), "sku", sku));
        }
        if (!place(bin.id(), locationId, sku, quantity, unit(sku), cause)) {
            throw new ConflictException("bin-full", "The bin has no room",
                    Wording.of("space.of_do_not_fit_bin_volume", quantity, sku, bin.code()),
                    Map.of("bin", bin.code(), "sku", sku));
        }
        bins.recordPutaway(locationId, bin.id(), sku, quantity, cause.documentType(), cause.documentRef(),
                bin.overflow(), clock.instant());
    }

    /**
     * Moves goods from one bin of a location to another: never more than the source holds (409
     * {@code not-in-bin}), never beyond the target's capacities (409 {@code bin-full}); both bins locked in one
     * order (by id), so moves and receipts at once cannot pass either check together. On hand does not change.
     */
    public void move(UUID locationId, String sku, Bins.Named from, Bins.Named to, long quantity, String moveRef) {
        Cause cause = new Cause("MOVE", "BIN_MOVE", moveRef);
        UUID first = from.id().compareTo(to.id()) < 0 ? from.id() : to.id();
        bins.lock(first);
        bins.lock(first.equals(from.id()) ? to.id() : from.id());
        long held = bins.held(from.id(), sku).map(Bins.Held::quantity).orElse(0L);
        if (held < quantity) {
            throw new ConflictException("not-in-bin", "Not that much in the bin",
                    Wording.of("space.bin_holds_of_not", from.code(), held, sku, quantity),
                    Map.of("bin", from.code(), "sku", sku, "held", held));
        }
        takeFrom(from.id(), locationId, sku, quantity, cause);
        putInto(locationId, to, sku, quantity, cause);
    }

    /** Where {@code quantity} units would go now, split as the receipt would split them; reads, locks nothing. */
    public Placement suggest(UUID locationId, String sku, long quantity) {
        if (!bins.hasBins(locationId)) {
            return new Placement(null, Reason.NO_BINS, List.of());
        }
        Unit unit = unit(sku);
        List<Bins.Candidate> whole = bins.candidates(locationId, sku, quantity, unit.volume * quantity,
                unit.weight * quantity, 1);
        if (!whole.isEmpty()) {
            return whole(whole.get(0), quantity);
        }
        List<Share> shares = new ArrayList<>();
        long left = quantity;
        for (Bins.Candidate c : bins.candidates(locationId, sku, 1, unit.volume, unit.weight, CANDIDATES)) {
            long fits = Math.min(left, unit.fitting(bins.room(c.id()), bins.held(c.id(), sku)));
            if (fits > 0) {
                shares.add(new Share(c.code(), fits));
                left -= fits;
            }
            if (left == 0) {
                break;
            }
        }
        return split(shares, left);
    }

    /**
     * Puts the goods away: all of them into the first candidate bin that still has room for all once locked; if
     * none has, as many as fit into each bin with room in the same order, and the rest into the overflow bin,
     * recorded as an alert. Each bin is locked and the conditional update decides, so two receipts at once never
     * overfill a bin.
     */
    Placement putAway(UUID locationId, String sku, long quantity, Cause cause) {
        String documentType = cause.documentType();
        String documentRef = cause.documentRef();
        Unit unit = unit(sku);
        Instant at = clock.instant(); // one time for every share, so the receipt's putaways are read back together
        for (Bins.Candidate c : bins.candidates(locationId, sku, quantity, unit.volume * quantity,
                unit.weight * quantity, CANDIDATES)) {
            if (place(c.id(), locationId, sku, quantity, unit, cause)) {
                bins.recordPutaway(locationId, c.id(), sku, quantity, documentType, documentRef, false, at);
                return whole(c, quantity);
            }
        }
        List<Share> shares = new ArrayList<>();
        long left = quantity;
        for (Bins.Candidate c : bins.candidates(locationId, sku, 1, unit.volume, unit.weight, CANDIDATES)) {
            bins.lock(c.id());
            long fits = Math.min(left, unit.fitting(bins.room(c.id()), bins.held(c.id(), sku)));
            if (fits > 0 && place(c.id(), locationId, sku, fits, unit, cause)) {
                bins.recordPutaway(locationId, c.id(), sku, fits, documentType, documentRef, false, at);
                shares.add(new Share(c.code(), fits));
                left -= fits;
            }
            if (left == 0) {
                return split(shares, 0);
            }
        }
        bins.ensureOverflow(locationId);
        UUID overflow = bins.id(locationId, Bins.OVERFLOW).orElseThrow();
        if (!place(overflow, locationId, sku, left, unit, cause)) {
            throw new IllegalStateException("The overflow bin refused goods: it must have no limits");
        }
        bins.recordPutaway(locationId, overflow, sku, left, documentType, documentRef, true, at);
        return split(shares, left);
    }

    private static Placement whole(Bins.Candidate bin, long quantity) {
        return new Placement(bin.code(), bin.home() ? Reason.OWN_BIN : Reason.NEAREST_WITH_ROOM,
                List.of(new Share(bin.code(), quantity)));
    }

    /** Shares in bins with room, and {@code toOverflow} units that fit nowhere. */
    private static Placement split(List<Share> shares, long toOverflow) {
        List<Share> all = new ArrayList<>(shares);
        if (toOverflow > 0) {
            all.add(new Share(Bins.OVERFLOW, toOverflow));
        }
        return new Placement(all.get(0).bin(), all.size() == 1 && toOverflow > 0 ? Reason.OVERFLOW : Reason.SPLIT,
                List.copyOf(all));
    }

    /** Books goods into a bin if they fit it, with the bin locked; false (nothing changed) if they do not. */
    private boolean place(UUID binId, UUID locationId, String sku, long quantity, Unit unit, Cause cause) {
        long volume = unit.volume * quantity;
        long weight = unit.weight * quantity;
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
        bins.book(locationId, binId, sku, quantity, cause.kind(), cause.documentType(), cause.documentRef(),
                Actor.current(), clock.instant());
        return true;
    }

    /**
     * Takes goods out of the bins holding them: the bin a person named first ({@code first}, may be null), then the
     * overflow bin, then along the pick path; each bin locked, giving back the share of volume, weight and pallet
     * places they were booked with, each bin's share a row of the bin ledger.
     */
    void take(UUID locationId, String sku, long quantity, UUID first, Cause cause) {
        long left = quantity;
        if (first != null) {
            bins.lock(first);
            left -= takeFrom(first, locationId, sku, left, cause);
        }
        for (Bins.Held h : bins.holding(locationId, sku)) {
            if (left == 0) {
                break;
            }
            if (h.binId().equals(first)) {
                continue;
            }
            bins.lock(h.binId());
            left -= takeFrom(h.binId(), locationId, sku, left, cause);
        }
        // The level's own CHECKs refused what was not on hand; bins short of it are the checker's finding.
    }

    /** Takes up to {@code most} units of a SKU out of one locked bin; answers how many it held to take. */
    private long takeFrom(UUID binId, UUID locationId, String sku, long most, Cause cause) {
        Bins.Held now = bins.held(binId, sku).orElse(null);
        if (now == null || now.quantity() == 0 || most == 0) {
            return 0;
        }
        long taken = Math.min(most, now.quantity());
        long rest = now.quantity() - taken;
        long volume = rest == 0 ? now.volumeMm3() : Math.multiplyExact(now.volumeMm3(), taken) / now.quantity();
        long weight = rest == 0 ? now.weightGrams() : Math.multiplyExact(now.weightGrams(), taken) / now.quantity();
        int pallets = rest == 0 ? now.pallets()
                : now.pallets() - (int) ceilDiv(Math.multiplyExact((long) now.pallets(), rest), now.quantity());
        bins.vacate(binId, volume, weight, pallets);
        bins.hold(binId, sku, rest, now.volumeMm3() - volume, now.weightGrams() - weight, now.pallets() - pallets);
        bins.book(locationId, binId, sku, -taken, cause.kind(), cause.documentType(), cause.documentRef(),
                Actor.current(), clock.instant());
        return taken;
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

        /** How many more units a bin has room for, given what the SKU already holds there (read after the lock). */
        long fitting(Bins.Room room, Optional<Bins.Held> held) {
            long had = held.map(Bins.Held::quantity).orElse(0L);
            int pallets = held.map(Bins.Held::pallets).orElse(0);
            long most = Long.MAX_VALUE;
            if (room.volumeMm3() != null && volume > 0) {
                most = Math.min(most, (room.volumeMm3() - room.usedVolumeMm3()) / volume);
            }
            if (room.maxWeightGrams() != null && weight > 0) {
                most = Math.min(most, (room.maxWeightGrams() - room.usedWeightGrams()) / weight);
            }
            if (room.unitLimitPerSku() != null) {
                most = Math.min(most, room.unitLimitPerSku() - had);
            }
            if (room.palletPlaces() != null) {
                long free = room.palletPlaces() - room.usedPallets();
                if (perPallet == null) {
                    most = had == 0 && free < 1 ? 0 : most; // one place per bin, whatever the quantity
                } else {
                    most = Math.min(most, (pallets + free) * perPallet - had);
                }
            }
            return Math.max(0, most);
        }

        int pallets(long quantity) {
            if (quantity == 0) {
                return 0;
            }
            return perPallet == null ? 1 : (int) ceilDiv(quantity, perPallet);
        }
    }
}
