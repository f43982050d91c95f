package org.ordo.promise.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.promise.CarrierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendars and the locations, kept in this node's memory so that a promise reads neither (docs/promise.md,
 * "Caching"). Every write to a calendar table counts up {@code promise_calendar_version} (a trigger, V351); this
 * node asks for that number at most once a second and reloads the calendars when it moved, so a change made on
 * another node is promised with within a second, and one made on this node at once (the copy is dropped when it
 * commits). The locations belong to inventory, which keeps no such number: they are read again at every such
 * check, so a new or changed warehouse is promised from within a second too.
 */
@Component
public class CalendarCache {

    /** How long a node trusts its copy before asking for the version again. */
    static final long RECHECK_NANOS = 1_000_000_000L;

    private final Calendars calendars;
    private final JdbcClient jdbc;
    private final InventoryManagement inventory;
    private final PromiseSettings settings;
    private final Bookings bookings;
    private volatile Cached cached;
    private volatile Services services;

    CalendarCache(Calendars calendars, JdbcClient jdbc, InventoryManagement inventory, PromiseSettings settings,
            Bookings bookings) {
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.inventory = inventory;
        this.settings = settings;
        this.bookings = bookings;
    }

    /** A copy, the earliest closing day it holds, and the locations read at its last check. */
    private record Cached(long version, LocalDate from, Calendars.Snapshot snapshot, Map<String, Location> locations,
            long checkedAt) {
    }

    /** What a promise computation at {@code now} reads: the calendars and locations of this node's copy. */
    public PromiseContext context(Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Cached c = current(today.minusDays(1));
        Services known = services;
        if (known == null || known.snapshot() != c.snapshot()) {
            known = new Services(c.snapshot(), new ConcurrentHashMap<>());
            services = known;
        }
        return new PromiseContext(today, c.locations(), c.snapshot(), settings, bookings, this::unknown,
                known.byKey());
    }

    /** The carrier services the promise computations over one snapshot worked out (see PromiseContext.service). */
    private record Services(Calendars.Snapshot snapshot,
            Map<PromiseContext.ServiceKey, Optional<Schedule.Service>> byKey) {
    }

    /**
     * A location this node's copy does not have yet (registered within the last second): the copy is read again at
     * once, so that a new warehouse is promised from with its own address.
     */
    private Location unknown(String code) {
        Cached c = cached;
        if (c != null && !c.locations().containsKey(code)) {
            cached = new Cached(c.version(), c.from(), c.snapshot(), c.locations(), c.checkedAt() - RECHECK_NANOS);
            return current(c.from()).locations().get(code);
        }
        return c == null ? null : c.locations().get(code);
    }

    /** The calendars, with the closing days from {@code from} on (perhaps some earlier ones too). */
    public Calendars.Snapshot snapshot(LocalDate from) {
        return current(from).snapshot();
    }

    public List<CarrierService> services(LocalDate from) {
        return snapshot(from).services();
    }

    private Cached current(LocalDate from) {
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && !from.isBefore(c.from()) && now - c.checkedAt() < RECHECK_NANOS) {
            return c;
        }
        // the version first, then the tables: a change committed in between makes the next check reload
        long version = jdbc.sql("SELECT version FROM promise_calendar_version").query(Long.class).single();
        Map<String, Location> locations = new LinkedHashMap<>();
        inventory.locations().forEach(l -> locations.put(l.code(), l));
        Map<String, Location> kept = java.util.Collections.unmodifiableMap(locations);
        if (c != null && c.version() == version && !from.isBefore(c.from())) {
            Cached same = new Cached(version, c.from(), c.snapshot(), kept, now);
            cached = same;
            return same;
        }
        Cached fresh = new Cached(version, from, calendars.snapshot(from), kept, now);
        cached = fresh;
        return fresh;
    }

    /** A calendar is being changed in this transaction: this node forgets its copy once it commits. */
    public void changing() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cached = null;
                }
            });
        } else {
            cached = null;
        }
    }
}
