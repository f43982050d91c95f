package org.ordo.purchasing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.ordo.party.PartyManagement;
import org.ordo.purchasing.internal.ReorderAlerts;
import org.ordo.purchasing.internal.Replenishment;
import org.ordo.purchasing.internal.StockPolicies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one reorder alert per fall below the reorder point (docs/purchasing.md#the-reorder-alert-once-not-on-every-
 * order): raised once, cleared when the position is back, and where the alerts are mailed.
 */
@Service
class ReorderAlerting {

    private final StockPolicies policies;
    private final StockPositions positions;
    private final ReorderAlerts alerts;
    private final PartyManagement parties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String alertEmail;
    private final String alertLocale;

    ReorderAlerting(StockPolicies policies, StockPositions positions, ReorderAlerts alerts, PartyManagement parties,
            ApplicationEventPublisher events, Clock clock,
            @Value("${ordo.purchasing.alert-email:}") String alertEmail,
            @Value("${ordo.purchasing.alert-locale:en}") String alertLocale) {
        this.policies = policies;
        this.positions = positions;
        this.alerts = alerts;
        this.parties = parties;
        this.events = events;
        this.clock = clock;
        this.alertEmail = alertEmail == null ? "" : alertEmail.trim();
        this.alertLocale = alertLocale;
    }

    /**
     * Checks these SKUs against their reorder points: below, the alert is raised once (a unique index keeps one
     * open per SKU and location, so concurrent orders raise it once) and {@link ReorderPointReached} is published
     * in this transaction; at or above, an open alert is cleared, so the next fall alerts again.
     */
    @Transactional
    public void watch(Collection<String> skus) {
        List<StockPolicies.Row> rows = policies.ofSkus(skus.stream().distinct().sorted().toList());
        Instant now = clock.instant();
        for (StockPositions.Position p : positions.positions(rows)) {
            StockPolicies.Row r = p.policy();
            if (Replenishment.below(p.value(), p.reorderPoint())) {
                Optional<UUID> raised = alerts.raise(r.sku(), r.location(), p.value(), p.reorderPoint(), now);
                raised.ifPresent(id -> events.publishEvent(new ReorderPointReached(id, r.sku(), r.location(),
                        p.value(), p.reorderPoint(), r.supplierId() == null ? null
                                : parties.requireSupplier(r.supplierId()).code(), p.quantity())));
            } else {
                alerts.clear(r.sku(), r.location(), now);
            }
        }
    }

    /** Reorder alerts, newest first; only those still open when {@code open}. */
    public List<ReorderAlert> alerts(boolean open, String sku, int limit) {
        return alerts.list(open, sku == null || sku.isBlank() ? null : sku.trim(), limit);
    }

    /** Where reorder alerts are mailed (empty: only the back office shows them), and in which language. */
    public Optional<String> alertRecipient() {
        return alertEmail.isEmpty() ? Optional.empty() : Optional.of(alertEmail);
    }

    public String alertLocale() {
        return alertLocale;
    }
}
