package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_REASON;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.ordo.billing.Billing;
import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.Adjustment;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.StockStatus;
import org.ordo.platform.Actor;
import org.ordo.platform.ConflictException;
import org.ordo.platform.Cursor;
import org.ordo.platform.IllegalTransition;
import org.ordo.platform.FieldError;
import org.ordo.platform.Ids;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Slice;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.ordo.purchasing.internal.Counts;
import org.ordo.space.BinContents;
import org.ordo.space.SpaceManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cycle counts (docs/purchasing.md#cycle-counts): a person counts a SKU at a location, or in one bin of it; the
 * difference to the books (to the bin's stock) is booked as one ADJUSTMENT with the count's number as reference
 * (document type CYCLE_COUNT), in the bin counted. A difference of more
 * units than the threshold, or a count below what is reserved for orders, waits for a second person.
 */
@Service
public class CycleCounts {

    /** How counted differences are booked in inventory's ledger (document type). */
    public static final String DOCUMENT_TYPE = "CYCLE_COUNT";
    static final String SERIES = "CC";

    private final Counts counts;
    private final InventoryManagement inventory;
    private final SpaceManagement space;
    private final Catalog catalog;
    private final Billing billing;
    private final Clock clock;
    private final long approvalUnits;

    CycleCounts(Counts counts, InventoryManagement inventory, SpaceManagement space, Catalog catalog, Billing billing,
            Clock clock, @Value("${ordo.purchasing.count-approval-units:10}") long approvalUnits) {
        this.space = space;
        if (approvalUnits < 0) {
            throw new IllegalArgumentException("ordo.purchasing.count-approval-units must not be negative");
        }
        this.counts = counts;
        this.inventory = inventory;
        this.catalog = catalog;
        this.billing = billing;
        this.clock = clock;
        this.approvalUnits = approvalUnits;
    }

    /**
     * Records a count against the books as they are now. Within the threshold and not below what is reserved, the
     * difference is booked at once (BOOKED); otherwise it waits (AWAITING_APPROVAL) and nothing changes yet. 422
     * naming every faulty field.
     */
    @Transactional
    public CycleCount count(CountStock command) {
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_count_as_json"));
        }
        List<FieldError> errors = new ArrayList<>();
        Article article = command.sku() == null || command.sku().length() > MAX_SKU ? null
                : catalog.find(command.sku()).orElse(null);
        if (command.sku() != null && command.sku().length() > MAX_SKU) {
            errors.add(new FieldError("sku", Wording.of("platform.must_be_at_most_characters", MAX_SKU)));
        } else if (article == null) {
            errors.add(new FieldError("sku", PurchasingInput.missingSku(command.sku())));
        } else if (!article.isPhysical()) {
            errors.add(new FieldError("sku", Wording.of("purchasing.is_a_digital_article_it_has")));
        }
        String location = command.location();
        if (location == null || location.isBlank()) {
            errors.add(new FieldError("location", Wording.of("purchasing.is_required_a_location_code")));
        } else if (location.length() > MAX_LOCATION_CODE) {
            errors.add(new FieldError("location", Wording.of("platform.must_be_at_most_characters",
                    MAX_LOCATION_CODE)));
        } else if (inventory.locations().stream().noneMatch(l -> l.code().equals(location))) {
            errors.add(new FieldError("location", Wording.of("purchasing.is_not_a_known_location", location)));
        }
        if (command.counted() == null) {
            errors.add(new FieldError("counted", Wording.of("purchasing.is_required_the_units_found")));
        } else if (command.counted() < 0 || command.counted() > MAX_QUANTITY) {
            errors.add(new FieldError("counted", Wording.of("platform.must_be_between_0_and", MAX_QUANTITY)));
        }
        String note = text(errors, "note", command.note(), MAX_NOTE);
        text(errors, "bin", command.bin(), PurchasingInput.MAX_BIN);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        StockStatus.LocationStock level = inventory.stock(article.sku()).locations().stream()
                .filter(l -> l.location().equals(location)).findFirst().orElse(null);
        long expected = level == null ? 0 : level.onHand();
        long reserved = level == null ? 0 : level.reserved();
        String bin = null;
        if (command.bin() != null && !command.bin().isBlank()) {
            BinContents contents;
            try {
                contents = space.contents(location, command.bin().trim());
            } catch (NotFoundException e) {
                throw new InvalidInputException("bin", Wording.of("purchasing.no_bin_at", command.bin().trim(),
                        location));
            }
            bin = contents.bin();
            long inBin = contents.of(article.sku());
            // the reservations this bin must cover: what the location's other bins cannot
            reserved = Math.max(0, reserved - (expected - inBin));
            expected = inBin;
        }
        return record(article.sku(), location, bin, command.counted(), expected, reserved, note, null,
                Actor.current(), clock.instant());
    }

    /**
     * Records a count of a whole bin (docs/purchasing.md#counting-a-whole-bin): one count per SKU that the bin holds
     * or the command lists, against what the bin holds now; a SKU the bin holds but the command does not list was not
     * found (counted 0). Each is booked in the bin at once or waits for a second person, as {@link #count} decides.
     * The SKUs' stock levels and then the bin are locked before the bin is read (the order receipts and picks take
     * them in), so no pick, move or receipt changes the bin between reading and booking. All or nothing: 422 naming
     * every faulty field, 404 for an unknown location or bin, 409 {@code bin-full} when more was found than the bin
     * can hold by its capacities.
     */
    @Transactional
    public BinCount countBin(String locationCode, String binCode, CountBin command) {
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_lines_counted_as"));
        }
        List<FieldError> errors = new ArrayList<>();
        String note = text(errors, "note", command.note(), MAX_NOTE);
        Map<String, Long> found = new TreeMap<>();
        if (command.lines() == null) {
            errors.add(new FieldError("lines", Wording.of("purchasing.is_required_each_sku_found_with")));
        } else if (command.lines().size() > MAX_LINES) {
            throw new InvalidInputException("lines", Wording.of("purchasing.has_more_than_lines", MAX_LINES));
        } else {
            for (int i = 0; i < command.lines().size(); i++) {
                String at = "lines[" + i + "]";
                CountBin.Line line = command.lines().get(i);
                if (line == null) {
                    errors.add(new FieldError(at, Wording.of("purchasing.must_be_a_line")));
                    continue;
                }
                Article article = line.sku() == null || line.sku().length() > MAX_SKU ? null
                        : catalog.find(line.sku()).orElse(null);
                if (line.sku() != null && line.sku().length() > MAX_SKU) {
                    errors.add(new FieldError(at + ".sku", Wording.of("platform.must_be_at_most_characters",
                            MAX_SKU)));
                } else if (article == null) {
                    errors.add(new FieldError(at + ".sku", PurchasingInput.missingSku(line.sku())));
                } else if (!article.isPhysical()) {
                    errors.add(new FieldError(at + ".sku", Wording.of("purchasing.is_a_digital_article_it_has")));
                } else if (found.containsKey(article.sku())) {
                    errors.add(new FieldError(at + ".sku", Wording.of("purchasing.appears_twice_give_each_sku_once")));
                }
                if (line.counted() == null) {
                    errors.add(new FieldError(at + ".counted", Wording.of("purchasing.is_required_the_units_found")));
                } else if (line.counted() < 0 || line.counted() > MAX_QUANTITY) {
                    errors.add(new FieldError(at + ".counted", Wording.of("platform.must_be_between_0_and",
                            MAX_QUANTITY)));
                }
                if (article != null && line.counted() != null) {
                    found.putIfAbsent(article.sku(), line.counted());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String location = inventory.location(locationCode).code();
        // What the bin holds before anything is locked says which levels to lock; levels first, then the bin.
        BinContents before = space.contents(location, binCode);
        Set<String> skus = new TreeSet<>(found.keySet());
        before.items().forEach(i -> skus.add(i.sku()));
        Map<String, StockStatus.LocationStock> levels = new HashMap<>(inventory.lockLevels(location, skus));
        BinContents bin = space.lockContents(location, before.bin());
        Set<String> arrived = new TreeSet<>();
        bin.items().stream().map(BinContents.Item::sku).filter(s -> !skus.contains(s)).forEach(arrived::add);
        if (!arrived.isEmpty()) {
            // put into the bin between the two reads: their levels after the bin, against the order, but only
            // for goods that arrived in those milliseconds
            levels.putAll(inventory.lockLevels(location, arrived));
            skus.addAll(arrived);
        }
        UUID id = Ids.next();
        String actor = Actor.current();
        Instant now = clock.instant();
        List<CycleCount> recorded = new ArrayList<>();
        for (String sku : skus) {
            long inBin = bin.of(sku);
            if (inBin == 0 && !found.containsKey(sku)) {
                continue; // taken out of the bin between the two reads, and not found there: nothing to count
            }
            StockStatus.LocationStock level = levels.get(sku);
            long onHand = level == null ? 0 : level.onHand();
            long reserved = level == null ? 0 : level.reserved();
            // the reservations this bin must cover: what the location's other bins cannot
            recorded.add(record(sku, location, bin.bin(), found.getOrDefault(sku, 0L), inBin,
                    Math.max(0, reserved - (onHand - inBin)), note, id, actor, now));
        }
        return new BinCount(id, location, bin.bin(), note, actor, now, recorded);
    }

    /**
     * Writes one count against the books given and books its difference at once, unless it is above the threshold
     * or below what is reserved: then it waits for a second person.
     */
    private CycleCount record(String sku, String location, String bin, long counted, long expected, long reserved,
            String note, UUID binCount, String actor, Instant now) {
        boolean waits = Math.abs(counted - expected) > approvalUnits || counted < reserved;
        UUID id = Ids.next();
        String number = billing.nextNumber(SERIES, LocalDate.now(clock).getYear());
        counts.insert(new CycleCount(id, number, sku, location, counted, expected, reserved,
                counted - expected, counted < reserved, waits ? CycleCount.Status.AWAITING_APPROVAL
                        : CycleCount.Status.BOOKED, note, actor, now, waits ? null : actor, waits ? null : now, null,
                bin, binCount));
        if (!waits) {
            book(counts.find(id).orElseThrow());
        }
        return require(id);
    }

    /**
     * A second person decides a count waiting for approval: approved, its difference is booked (409
     * {@code insufficient-stock} while more is reserved than stays on hand: release those reservations first);
     * rejected (with a reason), nothing is booked. The one who counted cannot decide (409 {@code same-person}); a
     * count is decided once (409 {@code illegal-transition}).
     */
    @Transactional
    public CycleCount decide(UUID id, DecideCount decision) {
        CycleCount count = require(id);
        List<FieldError> errors = new ArrayList<>();
        if (decision == null || decision.approve() == null) {
            errors.add(new FieldError("approve", Wording.of("purchasing.is_required_true_books_the_difference")));
        }
        String reason = text(errors, "reason", decision == null ? null : decision.reason(), MAX_REASON);
        if (decision != null && Boolean.FALSE.equals(decision.approve()) && reason == null) {
            errors.add(new FieldError("reason", Wording.of("purchasing.is_required_say_why_the_count")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String actor = Actor.current();
        if (count.status() == CycleCount.Status.AWAITING_APPROVAL && actor.equals(count.countedBy())) {
            throw new ConflictException("same-person", "Needs a second person",
                    Wording.of("purchasing.count_was_made_by_another_person", count.number(), actor),
                    Map.of("countedBy", actor));
        }
        boolean approve = decision.approve();
        if (!counts.decide(id, approve ? CycleCount.Status.BOOKED : CycleCount.Status.REJECTED, actor,
                clock.instant(), reason)) {
            throw new IllegalTransition("Count decided already", Wording.of("purchasing.count_is_and_cannot_be_decided",
                    count.number(), Wording.of("purchasing.count_state." + count.status().name())),
                    Map.of("countStatus", count.status()));
        }
        if (approve) {
            book(count);
        }
        return require(id);
    }

    /** Books a count's difference as one ADJUSTMENT referencing it; nothing when it found what the books said. */
    private void book(CycleCount count) {
        if (count.difference() != 0) {
            // a bin's count is booked in that bin (what it lacks by then comes from the SKU's other bins)
            inventory.adjust(new Adjustment(count.sku(), count.location(), count.difference(), "cycle count",
                    count.number()), DOCUMENT_TYPE, count.bin());
        }
    }

    public CycleCount require(UUID id) {
        return counts.find(id).orElseThrow(() -> new NotFoundException("Cycle count", id));
    }

    /** The id of a count given by id or number; 404 when there is none. */
    public UUID idOf(String idOrNumber) {
        try {
            return UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException e) {
            return counts.idOf(idOrNumber).orElseThrow(() -> new NotFoundException("Cycle count", idOrNumber));
        }
    }

    /** Counts newest first, keyset-paged; narrowed by status when given. */
    public Slice<CycleCount> list(CycleCount.Status status, String after, int limit) {
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after, "after");
        return Slice.of(counts.page(status, cursor == null ? null : cursor.at(), cursor == null ? null : cursor.id(),
                limit + 1), limit, last -> new Cursor(last.countedAt(), last.id()).encode());
    }

    private static String text(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Wording fault = TextInput.fault(value, false);
        if (fault != null) {
            errors.add(new FieldError(field, fault));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, Wording.of("platform.must_be_at_most_characters", max)));
        }
        return value.trim();
    }
}
