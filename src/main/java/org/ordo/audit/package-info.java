/**
 * The invariant checker: reads the whole database through the other modules' services and reports every place
 * where a rule of docs/design.md does not hold (stock against its ledger, reservations, order lines, timelines, the
 * event outbox). It owns no tables and changes nothing. Runs as {@code java -jar ordo.jar check} and behind
 * {@code GET /api/v1/admin/invariants}. The API is {@link org.ordo.audit.InvariantChecker}.
 * <p>
 * It also shows the security audit log at {@code GET /api/v1/audit/security-events}. The log itself (its table and
 * {@code record(...)}) is the platform's {@link org.ordo.platform.security.SecurityAuditLog}: the platform's users
 * and API keys write to it, and the platform may depend on no module, so it cannot live here.
 */
package org.ordo.audit;
