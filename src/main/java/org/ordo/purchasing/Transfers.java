package org.ordo.purchasing;

import static org.ordo.purchasing.PurchasingManagement.MAX_LINES;
import static org.ordo.purchasing.PurchasingManagement.MAX_LOCATION_CODE;
import static org.ordo.purchasing.PurchasingManagement.MAX_NOTE;
import static org.ordo.purchasing.PurchasingManagement.MAX_QUANTITY;
import static org.ordo.purchasing.PurchasingManagement.MAX_SKU;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.ordo.billing.Billing;
import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
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
import org.ordo.purchasing.internal.StockTransfers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfers between locations (docs/purchasing.md#transfers): shipped in one transaction, received in another.
 * Shipping takes the goods off the source's on hand (TRANSFER_OUT, only what is not reserved) and records the
 * transfer in transit; receiving marks it received once and puts the goods on hand at the destination (TRANSFER_IN,
 * filling backorders). Between the two the goods are in transit and on no location, so a crash in between leaves a
 * transfer in transit and the ledger's TRANSFER_OUT less TRANSFER_IN equal to it (the checker's rule).
 */
@Service
public class Transfers {

    /** The number series of transfers: TR-2026-000001. */
    static final String SERIES = "TR";

    private final StockTransfers transfers;
    private final InventoryManagement inventory;
    private final Catalog catalog;
    private final Billing billing;
    private final Clock clock;

    Transfers(StockTransfers transfers, InventoryManagement inventory, Catalog catalog, Billing billing, Clock clock) {
        this.transfers = transfers;
        this.inventory = inventory;
        this.catalog = catalog;
        this.billing = billing;
        this.clock = clock;
    }

    /**
     * Ships goods from one location to another: numbered gap-free, each line one TRANSFER_OUT at the source, in one
     * transaction. 422 naming every faulty field; 409 {@code insufficient-stock} when a SKU has less unreserved
     * stock at the source (then nothing leaves). Levels are taken in SKU order, as every stock change takes them.
     */
    @Transactional
    public Transfer ship(ShipTransfer command) {
        if (command == null) {
            throw new InvalidInputException("body", Wording.of("purchasing.is_required_the_transfer_as_json"));
        }
        List<FieldError> errors = new ArrayList<>();
        String from = location(errors, "from", command.from());
        String to = location(errors, "to", command.to());
        if (from != null && from.equals(to)) {
            errors.add(new FieldError("to", Wording.of("purchasing.must_be_another_location_than_from")));
        }
        String note = null;
        if (command.note() != null && !command.note().isBlank()) {
            Wording fault = TextInput.fault(command.note(), false);
            if (fault != null) {
                errors.add(new FieldError("note", fault));
            } else if (command.note().length() > MAX_NOTE) {
                errors.add(new FieldError("note", Wording.of("platform.must_be_at_most_characters", MAX_NOTE)));
            }
            note = command.note().trim();
        }
        List<ShipTransfer.Line> given = command.lines() == null ? List.of() : command.lines();
        if (given.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("purchasing.is_required_at_least_one_sku")));
        } else if (given.size() > MAX_LINES) {
            throw new InvalidInputException("lines", Wording.of("purchasing.has_more_than_lines", MAX_LINES));
        }
        List<Transfer.Line> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "lines[" + i + "]";
            ShipTransfer.Line l = given.get(i);
            if (l == null) {
                errors.add(new FieldError(at, Wording.of("purchasing.must_be_a_line")));
                continue;
            }
            Article article = l.sku() == null || l.sku().length() > MAX_SKU ? null : catalog.find(l.sku()).orElse(null);
            if (l.sku() != null && l.sku().length() > MAX_SKU) {
                errors.add(new FieldError(at + ".sku", Wording.of("platform.must_be_at_most_characters", MAX_SKU)));
            } else if (article == null) {
                errors.add(new FieldError(at + ".sku", PurchasingInput.missingSku(l.sku())));
            } else if (!article.isPhysical()) {
                errors.add(new FieldError(at + ".sku", Wording.of("purchasing.is_a_digital_article_it_has_2")));
            } else if (!seen.add(article.sku())) {
                errors.add(new FieldError(at + ".sku", Wording.of("purchasing.appears_twice_give_each_sku_once_2")));
            }
            if (l.quantity() == null) {
                errors.add(new FieldError(at + ".quantity", Wording.of("platform.is_required_a_whole_number")));
            } else if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError(at + ".quantity", Wording.of("platform.must_be_between_1_and",
                        MAX_QUANTITY)));
            }
            if (article != null && l.quantity() != null) {
                lines.add(new Transfer.Line(i + 1, article.sku(), l.quantity(), 0));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        UUID id = Ids.next();
        String number = billing.nextNumber(SERIES, LocalDate.now(clock).getYear());
        transfers.insert(new StockTransfers.Head(id, number, from, to, Transfer.Status.IN_TRANSIT, note,
                Actor.current(), now, null, null, null, null, null, null), lines);
        lines.stream().sorted(Comparator.comparing(Transfer.Line::sku))
                .forEach(l -> inventory.sendAway(l.sku(), from, l.quantity(), number));
        return require(id);
    }

    /** Receives everything of a transfer that is still in transit (see {@link #receive(UUID, ReceiveTransfer)}). */
    @Transactional
    public Transfer receive(UUID id) {
        return receive(id, new ReceiveTransfer(null));
    }

    /**
     * Receives what arrived of a transfer at its destination: the lines given, or without lines everything still in
     * transit. Locks the transfer, so receipts of it take turns; each line's part is added by a conditional update
     * that never passes what was shipped, then booked as one TRANSFER_IN there (in SKU order, filling backorders).
     * The transfer is RECEIVED once all arrived. 409 {@code illegal-transition} when nothing is in transit any more,
     * 409 {@code over-receipt} when a line would receive more than is in transit; 422 naming every faulty field.
     */
    @Transactional
    public Transfer receive(UUID id, ReceiveTransfer command) {
        StockTransfers.Head head = transfers.find(id).orElseThrow(() -> new NotFoundException("Transfer", id));
        if (transfers.lockInTransit(id).isEmpty()) {
            throw receivedAlready(head);
        }
        List<Transfer.Line> lines = transfers.lines(id);
        Map<String, Long> arrived = new TreeMap<>();
        if (command == null || command.lines() == null) {
            lines.stream().filter(l -> l.received() < l.quantity())
                    .forEach(l -> arrived.put(l.sku(), l.quantity() - l.received()));
        } else {
            arrived.putAll(arrived(command.lines(), lines));
        }
        if (arrived.isEmpty()) {
            throw receivedAlready(head);
        }
        for (var e : arrived.entrySet()) {
            Transfer.Line line = lines.stream().filter(l -> l.sku().equals(e.getKey())).findFirst().orElseThrow();
            if (!transfers.receiveLine(id, line.line(), e.getValue())) {
                throw new ConflictException("over-receipt", "More than in transit",
                        Wording.of("purchasing.transfer_has_of_in_transit_cannot", head.number(),
                        (line.quantity() - line.received()), line.sku(), e.getValue()),
                        Map.of("sku", line.sku(), "inTransit", line.quantity() - line.received()));
            }
            inventory.takeIn(line.sku(), head.to(), e.getValue(), head.number());
        }
        transfers.receive(id, Actor.current(), clock.instant());
        return require(id);
    }

    /**
     * Closes a transfer short with a reason: nothing more of it will arrive. What is still in transit goes back on
     * hand at the source (one TRANSFER_IN there per SKU, naming the transfer, filling backorders there); when it was
     * lost ({@code lost}), it is written off there at once (an ADJUSTMENT "lost in transit" naming the transfer), so
     * the source ends where it was after shipping. Either way the ledger's stock in transit falls by what the transfer
     * carried, as the checker's rule in-transit-equals-open-transfers wants. Locks the transfer, as receipts do: 409
     * {@code illegal-transition} once it is received or closed; 422 without a reason.
     */
    @Transactional
    public Transfer closeShort(UUID id, CloseTransfer command) {
        String reason = checkClosure(command);
        StockTransfers.Head head = transfers.find(id).orElseThrow(() -> new NotFoundException("Transfer", id));
        if (transfers.lockInTransit(id).isEmpty()) {
            throw org.ordo.platform.IllegalTransition.between(org.ordo.platform.Wording.of("platform.subject.transfer",
                    head.number()),
                    transfers.find(id).orElseThrow().status(), Transfer.Status.CLOSED_SHORT, "transferStatus");
        }
        boolean lost = Boolean.TRUE.equals(command.lost());
        transfers.lines(id).stream().filter(l -> l.received() < l.quantity())
                .sorted(Comparator.comparing(Transfer.Line::sku)).forEach(l -> {
                    long rest = l.quantity() - l.received();
                    inventory.takeIn(l.sku(), head.from(), rest, head.number());
                    if (lost) {
                        inventory.adjust(new org.ordo.inventory.Adjustment(l.sku(), head.from(), -rest,
                                "lost in transit", head.number()), InventoryManagement.TRANSFER);
                    }
                });
        transfers.closeShort(id, Actor.current(), clock.instant(), reason.trim(), lost);
        return require(id);
    }

    /**
     * The reason of a closure, checked: 422 naming {@code reason} when it is missing, too long or holds control
     * characters. The API checks the body with it before it looks the transfer up, as for every other body.
     */
    public static String checkClosure(CloseTransfer command) {
        String reason = command == null ? null : command.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", Wording.of("purchasing.is_required_say_why_nothing_more"));
        }
        Wording fault = TextInput.fault(reason, false);
        if (fault != null || reason.length() > PurchasingManagement.MAX_REASON) {
            throw new InvalidInputException("reason", fault != null ? fault
                    : Wording.of("platform.must_be_at_most_characters", PurchasingManagement.MAX_REASON));
        }
        return reason;
    }

    private static IllegalTransition receivedAlready(StockTransfers.Head head) {
        return new IllegalTransition("Transfer received already", Wording.of("purchasing.transfer_is_its_goods_are_on",
                head.number(), Wording.state(Transfer.Status.RECEIVED), head.to()),
                Map.of("transferStatus", Transfer.Status.RECEIVED));
    }

    /** The parts of a receipt by SKU; 422 naming every faulty field. */
    private static Map<String, Long> arrived(List<ReceiveTransfer.Line> given, List<Transfer.Line> lines) {
        List<FieldError> errors = new ArrayList<>();
        if (given.isEmpty()) {
            errors.add(new FieldError("lines", Wording.of("purchasing.must_name_at_least_one_sku")));
        } else if (given.size() > MAX_LINES) {
            throw new InvalidInputException("lines", Wording.of("purchasing.has_more_than_lines", MAX_LINES));
        }
        Map<String, Long> arrived = new TreeMap<>();
        for (int i = 0; i < given.size(); i++) {
            String at = "lines[" + i + "]";
            ReceiveTransfer.Line l = given.get(i);
            if (l == null) {
                errors.add(new FieldError(at, Wording.of("purchasing.must_be_a_line")));
                continue;
            }
            if (l.sku() == null) {
                errors.add(new FieldError(at + ".sku", Wording.of("platform.is_required")));
            } else if (lines.stream().noneMatch(t -> t.sku().equals(l.sku()))) {
                errors.add(new FieldError(at + ".sku", Wording.of("purchasing.is_not_a_sku_of_this")));
            } else if (arrived.containsKey(l.sku())) {
                errors.add(new FieldError(at + ".sku", Wording.of("purchasing.appears_twice_give_each_sku_once_2")));
            }
            if (l.quantity() == null) {
                errors.add(new FieldError(at + ".quantity", Wording.of("platform.is_required_a_whole_number")));
            } else if (l.quantity() < 1 || l.quantity() > MAX_QUANTITY) {
                errors.add(new FieldError(at + ".quantity", Wording.of("platform.must_be_between_1_and",
                        MAX_QUANTITY)));
            }
            if (l.sku() != null && l.quantity() != null) {
                arrived.putIfAbsent(l.sku(), l.quantity());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return arrived;
    }

    public Transfer require(UUID id) {
        StockTransfers.Head h = transfers.find(id).orElseThrow(() -> new NotFoundException("Transfer", id));
        return new Transfer(h.id(), h.number(), h.from(), h.to(), h.status(), h.note(), transfers.lines(id),
                h.shippedBy(), h.shippedAt(), h.receivedBy(), h.receivedAt(), h.closedBy(), h.closedAt(),
                h.closeReason(), h.lost());
    }

    /** The id of a transfer given by id or number; 404 when there is none. */
    public UUID idOf(String idOrNumber) {
        try {
            return UUID.fromString(idOrNumber);
        } catch (IllegalArgumentException e) {
            return transfers.idOf(idOrNumber).orElseThrow(() -> new NotFoundException("Transfer", idOrNumber));
        }
    }

    /** Transfers newest first, keyset-paged; narrowed by status when given. */
    public Slice<Transfer> list(Transfer.Status status, String after, int limit) {
        Cursor cursor = after == null || after.isBlank() ? null : Cursor.decode(after, "after");
        List<Transfer> rows = transfers.page(status, cursor == null ? null : cursor.at(),
                cursor == null ? null : cursor.id(), limit + 1).stream().map(h -> require(h.id())).toList();
        return Slice.of(rows, limit, last -> new Cursor(last.shippedAt(), last.id()).encode());
    }

    /**
     * Where the ledger's stock in transit (TRANSFER_OUT less TRANSFER_IN) differs from what the transfers in transit
     * carry, per SKU; empty when they agree. Reads, locks nothing.
     */
    @Transactional(readOnly = true)
    public List<String> inTransitOffTransfers() {
        Map<String, Long> ledger = inventory.inTransitByLedger();
        Map<String, Long> open = transfers.inTransit();
        Map<String, long[]> both = new TreeMap<>();
        ledger.forEach((sku, q) -> both.computeIfAbsent(sku, k -> new long[2])[0] = q);
        open.forEach((sku, q) -> both.computeIfAbsent(sku, k -> new long[2])[1] = q);
        List<String> found = new ArrayList<>();
        both.forEach((sku, q) -> {
            if (q[0] != q[1]) {
                found.add("%s: the ledger has %d in transit, open transfers carry %d".formatted(sku, q[0], q[1]));
            }
        });
        return found;
    }

    private String location(List<FieldError> errors, String field, String code) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, Wording.of("purchasing.is_required_a_location_code")));
            return null;
        }
        if (code.length() > MAX_LOCATION_CODE) {
            errors.add(new FieldError(field, Wording.of("platform.must_be_at_most_characters", MAX_LOCATION_CODE)));
            return null;
        }
        if (inventory.locations().stream().noneMatch(l -> l.code().equals(code))) {
            errors.add(new FieldError(field, Wording.of("purchasing.is_not_a_known_location", code)));
            return null;
        }
        return code;
    }
}
