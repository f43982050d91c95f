package org.ordo.audit;

import java.time.Instant;
import java.util.List;

/**
 * What one run of the checker found. {@code ok} is true when there are no findings.
 *
 * @param invariants the names of the invariants that were checked
 * @param tookMillis how long the check took
 */
public record InvariantReport(boolean ok, Instant checkedAt, long tookMillis, List<String> invariants,
        List<Finding> findings) {

    /** One place where an invariant does not hold. */
    public record Finding(String invariant, String message) {
    }

    static InvariantReport of(Instant checkedAt, long tookMillis, List<String> invariants, List<Finding> findings) {
        return new InvariantReport(findings.isEmpty(), checkedAt, tookMillis, invariants, findings);
    }

    public InvariantReport {
        invariants = List.copyOf(invariants);
        findings = List.copyOf(findings);
        ok = findings.isEmpty();
    }
}
