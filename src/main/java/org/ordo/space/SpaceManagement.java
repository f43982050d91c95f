package org.ordo.space;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.ExpectedReceipt;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Csv;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Wording;
import org.ordo.space.internal.ArticleMeasures;
import org.ordo.space.internal.ArticleMeasures.Measure;
import org.ordo.space.internal.Bins;
import org.ordo.space.internal.Demand;
import org.ordo.space.internal.PeakCalendar;
import org.ordo.space.internal.Shelving;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warehouse space: article dimensions, bins with capacities, putaway by space, utilisation and the space forecast.
 * Bins follow every change of on hand in its transaction (see {@link Shelving}); the location's level stays the
 * authority, and the checker holds the bins against it.
 */
@Service
public class SpaceManagement {

    public static final int FORECAST_WEEKS = 12;
    /**
     * The recent rate of a SKU without history: what it sold in this many calendar weeks before the forecast's
     * week.
     */
    static final int RECENT_WEEKS = 4;
    private static final String BIN_CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}";
    private static final int ALERTS = 50;
    private static final long[] NONE_SOLD = new long[0];

    private final InventoryManagement inventory;
    private final Catalog catalog;
    private final ArticleMeasures measures;
    private final Bins bins;
    private final Shelving shelving;
    private final Demand demand;
    private final PeakCalendar calendar;
    private final Clock clock;

    SpaceManagement(InventoryManagement inventory, Catalog catalog, ArticleMeasures measures, Bins bins,
            Shelving shelving, Demand demand, PeakFactors factors, Clock clock) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.measures = measures;
        this.bins = bins;
        this.shelving = shelving;
        this.demand = demand;
        this.calendar = new PeakCalendar(factors);
        this.clock = clock;
    }

    // --- dimensions -----------------------------------------------------------------------------------------

    /** Sets what one unit of a physical article measures and how it is packed; 404 unknown SKU, 422 digital. */
    @Transactional
    public ArticleDimensions measure(String sku, DimensionsDraft draft) {
        Article article = catalog.require(sku);
        draft.check();
        if (!article.isPhysical()) {
            throw new InvalidInputException("sku", Wording.of("space.is_digital_and_takes_no_space", sku));
        }
        measures.put(new Measure(sku, draft.lengthMm(), draft.widthMm(), draft.heightMm(), draft.unitsPerCarton(),
                draft.cartonsPerPallet()));
        return dimensions(sku);
    }

    /** What one unit of an article measures; 404 when the article or its dimensions are unknown. */
    public ArticleDimensions dimensions(String sku) {
        Article article = catalog.require(sku);
        Measure m = measures.find(sku).orElseThrow(() -> new NotFoundException("Dimensions of article", sku));
        return new ArticleDimensions(sku, m.lengthMm(), m.widthMm(), m.heightMm(), m.volumeMm3(),
                article.weightGrams(), m.unitsPerCarton(), m.cartonsPerPallet(), m.unitsPerPallet());
    }

    // --- bins -----------------------------------------------------------------------------------------------

    /**
     * Sets up or changes a bin of a location. The first bin of a location also creates its overflow bin and puts
     * the stock already there away as if it had just come in, so that the bins add up to the location from the start. A change that its
     * stock would no longer fit is refused (409) and changes nothing.
     */
    @Transactional
    public Bin setUpBin(String locationCode, String code, BinDraft draft) {
        Location location = inventory.location(locationCode);
        List<FieldError> errors = faults(code, draft, "");
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (store(location, code, draft)) {
            shelveExistingStock(location);
        }
        return bins.find(location.id(), locationCode, code).orElseThrow();
    }

    /**
     * Sets up or changes many bins of a location at once, as {@link #setUpBin} does each, in one transaction: a
     * wrong field of any bin (422, naming {@code bins[i].field}) or a bin its stock would no longer fit (409, naming
     * the bin) and none is stored. Answers the location's bins afterwards.
     */
    @Transactional
    public List<Bin> setUpBins(String locationCode, BinSetup setup) {
        Location location = inventory.location(locationCode);
        if (setup == null || setup.bins() == null || setup.bins().isEmpty() || setup.bins().size() > BinSetup.MAX_BINS) {
            throw new InvalidInputException("bins", Wording.of("space.1_to_bins", BinSetup.MAX_BINS));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < setup.bins().size(); i++) {
            BinSetup.Entry entry = setup.bins().get(i);
            String at = "bins[" + i + "].";
            if (entry == null) {
                errors.add(new FieldError("bins[" + i + "]", Wording.of("platform.is_required")));
                continue;
            }
            errors.addAll(faults(entry.code(), entry.draft(), at));
            if (entry.code() != null && !codes.add(entry.code())) {
                errors.add(new FieldError(at + "code", Wording.of("space.is_named_twice", entry.code())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean first = false;
        for (BinSetup.Entry entry : setup.bins()) {
            first |= store(location, entry.code(), entry.draft());
        }
        if (first) {
            shelveExistingStock(location); // once every bin is there, so the stock goes where putaway would put it
        }
        return bins.all(location.id(), location.code());
    }

    /** What is wrong with a bin's code and draft, each field named after {@code prefix}. */
    private List<FieldError> faults(String code, BinDraft draft, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(BIN_CODE) || Bins.OVERFLOW.equalsIgnoreCase(code)) {
            errors.add(new FieldError(prefix + "code",
                    Wording.of("space.1_32_letters_digits_or_overflow")));
        }
        try {
            draft.check();
        } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(f.at(prefix + f.field())));
        }
        if (draft.homeSku() != null && draft.homeSku().length() <= 64 && catalog.find(draft.homeSku()).isEmpty()) {
            errors.add(new FieldError(prefix + "homeSku", Wording.of("platform.unknown_sku", draft.homeSku())));
        }
        return errors;
    }

    /**
     * Stores a checked bin: a change only if its stock still fits (else 409). True if it is the location's first bin
     * (its overflow bin was created with it): the caller then puts the stock already there away.
     */
    private boolean store(Location location, String code, BinDraft draft) {
        var existing = bins.id(location.id(), code);
        if (existing.isPresent()) {
            if (!bins.change(existing.get(), draft.pickSequence(), draft.volumeMm3(), draft.maxWeightGrams(),
                    draft.palletPlaces(), draft.unitLimitPerSku(), draft.homeSku())) {
                throw new ConflictException("bin-too-small", "The bin's stock would not fit",
                        Wording.of("space.bin_at_holds_more_than_these", code, location.code()),
                        Map.of("bin", code, "location", location.code()));
            }
            return false;
        }
        boolean first = bins.ensureOverflow(location.id());
        bins.insert(location.id(), code, draft.pickSequence(), draft.volumeMm3(), draft.maxWeightGrams(),
                draft.palletPlaces(), draft.unitLimitPerSku(), draft.homeSku());
        return first;
    }

    /** The bins of a location: along the pick path, the overflow bin last. */
    public List<Bin> bins(String locationCode) {
        Location location = inventory.location(locationCode);
        return bins.all(location.id(), location.code());
    }

    /** Where received goods would go now (the receipt puts them there); reads, locks nothing. */
    public PutawaySuggestion suggestPutaway(String locationCode, String sku, Long quantity) {
        Location location = inventory.location(locationCode);
        List<FieldError> errors = new ArrayList<>();
        if (sku == null || sku.isBlank() || catalog.find(sku).isEmpty()) {
            errors.add(new FieldError("sku", Wording.of("platform.unknown_sku", sku)));
        }
        if (quantity == null || quantity < 1 || quantity > InventoryManagement.MAX_QUANTITY) {
            errors.add(new FieldError("quantity", Wording.of("space.must_be_1_to", InventoryManagement.MAX_QUANTITY)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Shelving.Placement p = shelving.suggest(location.id(), sku, quantity);
        return new PutawaySuggestion(sku, location.code(), quantity, p.bin(), p.reason(),
                p.shares().stream().anyMatch(s -> Bins.OVERFLOW.equals(s.bin())), p.shares());
    }

    /**
     * The bins the last receipt of a SKU at a location went into (several when it was split), if the location has
     * bins; reads only.
     */
    public java.util.Optional<PutawaySuggestion> lastPutaway(String locationCode, String sku) {
        Location location = inventory.location(locationCode);
        List<Bins.Putaway> last = bins.lastPutaway(location.id(), sku);
        if (last.isEmpty()) {
            return java.util.Optional.empty();
        }
        boolean overflow = last.stream().anyMatch(Bins.Putaway::overflow);
        PutawaySuggestion.Reason reason = last.size() > 1 ? PutawaySuggestion.Reason.SPLIT
                : overflow ? PutawaySuggestion.Reason.OVERFLOW : PutawaySuggestion.Reason.NEAREST_WITH_ROOM;
        return java.util.Optional.of(new PutawaySuggestion(sku, location.code(),
                last.stream().mapToLong(Bins.Putaway::quantity).sum(), last.get(0).bin(), reason, overflow,
                last.stream().map(p -> new PutawaySuggestion.Share(p.bin(), p.quantity())).toList()));
    }

    /**
     * Records that a person has seen an overflow alert (and moved or made room for the goods); it leaves the open
     * alerts. Acknowledging it again changes nothing. 404 when the location has no such alert.
     */
    @Transactional
    public void acknowledgeAlert(String locationCode, long alertId) {
        Location location = inventory.location(locationCode);
        if (!bins.acknowledge(location.id(), alertId, org.ordo.platform.Actor.current(), clock.instant())) {
            throw new NotFoundException("Overflow alert", locationCode + "/" + alertId);
        }
    }

    // --- moves between bins, a bin's contents, where to pick ----------------------------------------------

    /**
     * Moves goods between two bins of a location ({@code moveId} names the move in the bin ledger): never more than
     * the source holds (409 {@code not-in-bin}), never beyond the target's capacities or into another SKU's own bin
     * (409 {@code bin-full}); both bins locked, so moves and receipts at once cannot pass these checks together.
     * On hand at the location does not change. 422 naming every faulty field.
     */
    @Transactional
    public BinMove moveBetweenBins(String locationCode, MoveBetweenBins command, UUID moveId) {
        Location location = inventory.location(locationCode);
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("space.is_required_sku_from_to_and"));
        }
        List<FieldError> errors = new ArrayList<>();
        if (command.sku() == null || command.sku().isBlank() || command.sku().length() > 64
                || catalog.find(command.sku().trim()).isEmpty()) {
            errors.add(new FieldError("sku", Wording.of("platform.unknown_sku", command.sku())));
        }
        Bins.Named from = binField(location, command.from(), "from", errors);
        Bins.Named to = binField(location, command.to(), "to", errors);
        if (from != null && to != null && from.id().equals(to.id())) {
            errors.add(new FieldError("to", Wording.of("space.is_the_bin_the_goods_leave")));
        }
        if (command.quantity() == null || command.quantity() < 1
                || command.quantity() > InventoryManagement.MAX_QUANTITY) {
            errors.add(new FieldError("quantity", Wording.of("space.must_be_1_to", InventoryManagement.MAX_QUANTITY)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String sku = catalog.find(command.sku().trim()).orElseThrow().sku();
        shelving.move(location.id(), sku, from, to, command.quantity(), moveId.toString());
        return new BinMove(moveId, location.code(), sku, from.code(), to.code(), command.quantity(),
                bins.held(from.id(), sku).map(Bins.Held::quantity).orElse(0L),
                bins.held(to.id(), sku).map(Bins.Held::quantity).orElse(0L), org.ordo.platform.Actor.current(),
                clock.instant());
    }

    private Bins.Named binField(Location location, String code, String field, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, Wording.of("space.is_required_a_bin_code")));
            return null;
        }
        var bin = bins.named(location.id(), code.trim());
        if (bin.isEmpty()) {
            errors.add(new FieldError(field, Wording.of("space.no_bin_at", code.trim(), location.code())));
        }
        return bin.orElse(null);
    }

    /** What one bin of a location holds, per SKU; 404 when the location has no such bin. Reads, locks nothing. */
    @Transactional(readOnly = true)
    public BinContents contents(String locationCode, String binCode) {
        Location location = inventory.location(locationCode);
        Bin bin = bins.find(location.id(), location.code(), binCode == null ? "" : binCode.trim())
                .orElseThrow(() -> new NotFoundException("Bin", locationCode + "/" + binCode));
        Bins.Named named = bins.named(location.id(), bin.code()).orElseThrow();
        return new BinContents(location.code(), bin.code(), bin.pickSequence(), bin.overflow(),
                bins.stockIn(named.id()).stream().map(s -> new BinContents.Item(s.sku(), s.quantity())).toList(),
                bins.bookings(named.id(), 50).stream().map(b -> new BinContents.Booking(b.id(), b.sku(), b.delta(),
                        b.kind(), b.documentType(), b.documentRef(), b.actor(), b.at())).toList());
    }

    /**
     * What one bin holds, with the bin locked until the caller's transaction ends, so no receipt, pick or move
     * changes it while a count reads and books it. The caller locks the SKUs' stock levels first: levels, then bins,
     * is the order receipts and picks take them in. 404 when the location has no such bin.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public BinContents lockContents(String locationCode, String binCode) {
        Location location = inventory.location(locationCode);
        Bins.Named named = bins.named(location.id(), binCode == null ? "" : binCode.trim())
                .orElseThrow(() -> new NotFoundException("Bin", locationCode + "/" + binCode));
        bins.lock(named.id());
        return contents(locationCode, named.code());
    }

    /**
     * For each SKU, the bin a picker takes it from at a location: the first bin on the pick path holding it (the
     * overflow bin only when no other does). SKUs that no bin holds (or a location without bins) are left out: their
     * lines come last. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public Map<String, PickBin> pickBins(String locationCode, java.util.Collection<String> skus) {
        Location location = inventory.location(locationCode);
        Map<String, PickBin> found = new HashMap<>();
        if (skus.isEmpty() || !bins.hasBins(location.id())) {
            return found;
        }
        bins.firstHolding(location.id(), skus).forEach(p -> found.put(p.sku(), p));
        return found;
    }

    // --- utilisation ----------------------------------------------------------------------------------------

    /** How full a warehouse and each bin are, from on hand, reserved and incoming; reads, locks nothing. */
    @Transactional(readOnly = true)
    public Utilisation utilisation(String locationCode) {
        Location location = inventory.location(locationCode);
        Map<String, long[]> stock = levels(location.code());
        Map<String, List<ExpectedReceipt>> incoming = inventory.expectedAt(location.code());
        Set<String> skus = new HashSet<>(stock.keySet());
        skus.addAll(incoming.keySet());
        Map<String, Measure> measured = measures.findAll(skus);
        long onHand = 0;
        long reserved = 0;
        long coming = 0;
        long onHandVolume = 0;
        long reservedVolume = 0;
        long incomingVolume = 0;
        for (String sku : skus) {
            long[] level = stock.getOrDefault(sku, new long[2]);
            long in = incoming.getOrDefault(sku, List.of()).stream().mapToLong(ExpectedReceipt::quantity).sum();
            long volume = measured.containsKey(sku) ? measured.get(sku).volumeMm3() : 0;
            onHand += level[0];
            reserved += level[1];
            coming += in;
            onHandVolume += level[0] * volume;
            reservedVolume += level[1] * volume;
            incomingVolume += in * volume;
        }
        Long capacity = bins.capacity(location.id());
        long projected = onHandVolume - reservedVolume + incomingVolume;
        int unmeasured = (int) skus.stream().filter(s -> !measured.containsKey(s)).count();
        List<Utilisation.BinUse> uses = bins.all(location.id(), location.code()).stream().map(b -> new Utilisation.BinUse(
                b.code(), b.pickSequence(), b.overflow(), b.units(), b.usedVolumeMm3(), b.volumeMm3(),
                b.usedWeightGrams(), b.maxWeightGrams(), b.usedPallets(), b.palletPlaces(), fullest(b))).toList();
        return new Utilisation(location.code(), new Utilisation.Warehouse(capacity, onHand, reserved, coming,
                onHandVolume, reservedVolume, incomingVolume, projected, percent(onHandVolume, capacity),
                percent(projected, capacity), unmeasured), uses, bins.openAlerts(location.id(), ALERTS));
    }

    /**
     * Says why goods would not fit a warehouse (a purchase order about to be placed): their volume against the bins'
     * volume less what stock already projects (on hand − reserved + incoming); empty when they fit or the
     * warehouse has no bins with a volume. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<String> wouldNotFit(String locationCode, Map<String, Long> quantities) {
        if (inventory.locations().stream().noneMatch(l -> l.code().equals(locationCode))) {
            return java.util.Optional.empty();
        }
        Utilisation.Warehouse w = utilisation(locationCode).warehouse();
        if (w.capacityVolumeMm3() == null) {
            return java.util.Optional.empty();
        }
        Map<String, Measure> measured = measures.findAll(quantities.keySet());
        long needed = quantities.entrySet().stream().mapToLong(e -> measured.containsKey(e.getKey())
                ? e.getValue() * measured.get(e.getKey()).volumeMm3() : 0).sum();
        long free = w.capacityVolumeMm3() - w.projectedVolumeMm3();
        if (needed <= free) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("needs %s l at %s, but only %s l of %s l are free once stock and open purchase orders are in"
                .formatted(litres(needed), locationCode, litres(Math.max(0, free)), litres(w.capacityVolumeMm3())));
    }

    // --- forecast -------------------------------------------------------------------------------------------

    /**
     * The space a warehouse needs in each of the next {@value #FORECAST_WEEKS} weeks and the first day it runs
     * full; reads, locks nothing. Demand per SKU and day: a seventh of what it sold in the calendar week 52 weeks
     * before when the SKU has history that old (none sold then counts as none), else its daily rate of the
     * {@value #RECENT_WEEKS} calendar weeks before this one times the day's peak factor.
     * Stock starts at on hand minus reserved (reserved goods are about to leave) and never falls below zero.
     */
    @Transactional(readOnly = true)
    public SpaceForecast forecast(String locationCode) {
        Location location = inventory.location(locationCode);
        LocalDate from = LocalDate.now(clock);
        int days = FORECAST_WEEKS * 7;
        Map<String, long[]> stock = levels(location.code());
        Map<String, List<ExpectedReceipt>> incoming = inventory.expectedAt(location.code());
        Demand.History past = demand.history(location.id(), from, FORECAST_WEEKS, RECENT_WEEKS);
        Map<String, long[]> history = past.lastYear();
        Set<String> withHistory = past.withHistory();
        Map<String, Long> recent = past.recent();
        Set<String> skus = new TreeSet<>(stock.keySet());
        skus.addAll(incoming.keySet());
        skus.addAll(recent.keySet());
        skus.addAll(history.keySet());
        Map<String, Measure> measured = measures.findAll(skus);
        double[] factor = new double[days];
        for (int d = 0; d < days; d++) {
            factor[d] = calendar.factor(from.plusDays(d));
        }
        double[] needed = new double[days];
        double[] receiptsVolume = new double[days];
        double[] demandVolume = new double[days];
        for (String sku : skus) {
            Measure m = measured.get(sku);
            if (m == null) {
                continue; // without dimensions it takes no room we could count
            }
            double volume = m.volumeMm3();
            double[] in = new double[days];
            for (ExpectedReceipt r : incoming.getOrDefault(sku, List.of())) {
                int d = (int) Math.max(0, r.expectedOn().toEpochDay() - from.toEpochDay());
                if (d < days) {
                    in[d] += r.quantity();
                }
            }
            long[] pastWeeks = withHistory.contains(sku) ? history.getOrDefault(sku, NONE_SOLD) : null;
            double rate = recent.getOrDefault(sku, 0L) / (RECENT_WEEKS * 7.0);
            long[] level = stock.getOrDefault(sku, new long[2]);
            double units = Math.max(0, level[0] - level[1]);
            for (int d = 0; d < days; d++) {
                double out = pastWeeks != null ? past.lastYearsWeek(pastWeeks, from.plusDays(d)) / 7.0
                        : rate * factor[d];
                double taken = Math.min(units + in[d], out);
                units = units + in[d] - taken;
                needed[d] += units * volume;
                receiptsVolume[d] += in[d] * volume;
                demandVolume[d] += taken * volume;
            }
        }
        Long capacity = bins.capacity(location.id());
        LocalDate firstFull = null;
        for (int d = 0; d < days && capacity != null; d++) {
            if (needed[d] > capacity) {
                firstFull = from.plusDays(d);
                break;
            }
        }
        List<SpaceForecast.Week> weeks = new ArrayList<>();
        for (int w = 0; w < FORECAST_WEEKS; w++) {
            double most = 0;
            double in = 0;
            double out = 0;
            for (int d = w * 7; d < w * 7 + 7; d++) {
                most = Math.max(most, needed[d]);
                in += receiptsVolume[d];
                out += demandVolume[d];
            }
            LocalDate start = from.plusWeeks(w);
            weeks.add(new SpaceForecast.Week(start, Math.round(in), Math.round(out), Math.round(most), capacity,
                    capacity != null && most > capacity, calendar.within(start, start.plusDays(6))));
        }
        return new SpaceForecast(location.code(), from, capacity, firstFull, weeks);
    }

    /**
     * The forecast of every active own warehouse whose bins have a volume (external locations hold no space of
     * ours), those that run full first, then by code: the dashboard's space needed against space available.
     * Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<SpaceForecast> forecasts() {
        return inventory.locations().stream()
                .filter(l -> l.active() && !l.external() && bins.capacity(l.id()) != null)
                .map(l -> forecast(l.code()))
                .sorted(java.util.Comparator.comparing(SpaceForecast::firstFullDay,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                        .thenComparing(SpaceForecast::location))
                .toList();
    }

    /** The forecast as CSV: one line per week, volumes in litres (cubic decimetres). */
    public String forecastCsv(String locationCode) {
        return forecastCsv(locationCode, java.util.function.UnaryOperator.identity());
    }

    /**
     * The forecast as CSV with its column names and the {@code full} column's {@code true}/{@code false} given by
     * {@code words} (the back office's file, in its reader's language); the API's file keeps the names as they are.
     */
    public String forecastCsv(String locationCode, java.util.function.UnaryOperator<String> words) {
        SpaceForecast f = forecast(locationCode);
        Csv csv = new Csv(java.util.stream.Stream.of("location", "week_from", "receipts_litres", "demand_litres",
                "needed_litres", "available_litres", "full", "peaks", "first_full_day").map(words)
                .toArray(String[]::new));
        for (SpaceForecast.Week w : f.weeks()) {
            csv.row(f.location(), w.from(), litres(w.receiptsVolumeMm3()), litres(w.demandVolumeMm3()),
                    litres(w.neededVolumeMm3()), w.availableVolumeMm3() == null ? "" : litres(w.availableVolumeMm3()),
                    words.apply(String.valueOf(w.full())), String.join(";", w.peaks()),
                    f.firstFullDay() == null ? "" : f.firstFullDay());
        }
        return csv.toString();
    }

    // --- the checker ----------------------------------------------------------------------------------------

    /** Per location with bins, SKUs whose bins do not add up to the location's on hand; empty when all is well. */
    @Transactional(readOnly = true)
    public List<String> binsOffLocationStock() {
        List<String> found = new ArrayList<>();
        Map<UUID, Location> byId = new HashMap<>();
        inventory.locations().forEach(l -> byId.put(l.id(), l));
        for (UUID id : bins.locationsWithBins()) {
            Location location = byId.get(id);
            Map<String, long[]> levels = levels(location.code());
            Map<String, Long> inBins = new HashMap<>();
            bins.totals(id).forEach(t -> inBins.put(t.sku(), t.quantity()));
            Set<String> skus = new TreeSet<>(levels.keySet());
            skus.addAll(inBins.keySet());
            for (String sku : skus) {
                long onHand = levels.getOrDefault(sku, new long[2])[0];
                long binned = inBins.getOrDefault(sku, 0L);
                if (onHand != binned) {
                    found.add("%s at %s: on hand %d, in bins %d".formatted(sku, location.code(), onHand, binned));
                }
            }
        }
        return found;
    }

    /** Bin stock rows that are not the sums of their bin ledger rows; empty when all is well. */
    @Transactional(readOnly = true)
    public List<String> binsOffLedger(int limit) {
        return bins.offLedger(limit);
    }

    /** Bins over a capacity, or whose used figures are not their stock's; empty when all is well. */
    @Transactional(readOnly = true)
    public List<String> binsOverCapacity(int limit) {
        Map<UUID, String> codes = new HashMap<>();
        inventory.locations().forEach(l -> codes.put(l.id(), l.code()));
        return bins.overCapacity(limit).stream().map(o -> "at " + codes.get(o.locationId()) + ", " + o.finding())
                .toList();
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** On hand and reserved per SKU at a location, read page by page. */
    private Map<String, long[]> levels(String locationCode) {
        Map<String, long[]> bySku = new HashMap<>();
        inventory.levelsAt(locationCode).forEach(l -> bySku.put(l.sku(), new long[] {l.onHand(), l.reserved()}));
        return bySku;
    }

    private void shelveExistingStock(Location location) {
        levels(location.code()).forEach((sku, level) -> {
            if (level[0] > 0) {
                shelving.follow(new org.ordo.inventory.ShelfStock.OnHandChange(sku, location.id(), level[0],
                        org.ordo.inventory.MovementKind.ADJUSTMENT, "BINS", "stock before bins were set up"));
            }
        });
    }

    private static Double fullest(Bin b) {
        Double most = null;
        for (Double p : new Double[] {percent(b.usedVolumeMm3(), b.volumeMm3()),
                percent(b.usedWeightGrams(), b.maxWeightGrams()),
                b.palletPlaces() == null ? null : percent(b.usedPallets(), (long) b.palletPlaces())}) {
            if (p != null && (most == null || p > most)) {
                most = p;
            }
        }
        return most;
    }

    private static Double percent(long used, Long capacity) {
        return capacity == null || capacity == 0 ? null : Math.round(used * 1000.0 / capacity) / 10.0;
    }

    private static String litres(long mm3) {
        return java.math.BigDecimal.valueOf(mm3, 6).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
