package org.ordo.promise.internal;

import java.time.LocalDate;
import java.util.List;

import org.ordo.promise.CarrierService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The calendars, kept in this node's memory so that a promise reads no calendar table (docs/promise.md,
 * "Measured"). Every write to a calendar table counts up {@code promise_calendar_version} (a trigger, V351); this
 * node asks for that number at most once a second and reloads when it moved, so a change made on another node is
 * promised with within a second, and one made on this node at once (the cache is dropped when it commits).
 */
@Component
public class CalendarCache {

    /** How long a node trusts its copy before asking for the version again. */
    static final long RECHECK_NANOS = 1_000_000_000L;

    private final Calendars calendars;
    private final JdbcClient jdbc;
    private volatile Cached cached;

    CalendarCache(Calendars calendars, JdbcClient jdbc) {
        this.calendars = calendars;
        this.jdbc = jdbc;
    }

    /** A copy, and the earliest closing day it holds. */
    private record Cached(long version, LocalDate from, Calendars.Snapshot snapshot, long checkedAt) {
    }

    /** The calendars, with the closing days from {@code from} on (perhaps some earlier ones too). */
    public Calendars.Snapshot snapshot(LocalDate from) {
        Cached c = cached;
        long now = System.nanoTime();
        if (c != null && !from.isBefore(c.from()) && now - c.checkedAt() < RECHECK_NANOS) {
            return c.snapshot();
        }
        // the version first, then the tables: a change committed in between makes the next check reload
        long version = jdbc.sql("SELECT version FROM promise_calendar_version").query(Long.class).single();
        if (c != null && c.version() == version && !from.isBefore(c.from())) {
            cached = new Cached(version, c.from(), c.snapshot(), now);
            return c.snapshot();
        }
        Calendars.Snapshot snapshot = calendars.snapshot(from);
        cached = new Cached(version, from, snapshot, now);
        return snapshot;
    }

    public List<CarrierService> services(LocalDate from) {
        return snapshot(from).services();
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
