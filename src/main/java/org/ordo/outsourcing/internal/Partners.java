package org.ordo.outsourcing.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.ordo.outsourcing.FulfilmentPartner;
import org.ordo.outsourcing.PartnerDraft;
import org.ordo.outsourcing.PartnerKind;
import org.ordo.platform.PerTransaction;
import org.ordo.platform.TransactionReadLock;
import org.ordo.platform.security.SealedSecrets;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The 3PLs and dropship suppliers, one per external location, with the secret their messages are signed with, stored
 * sealed (a database dump does not give it away) and opened only to sign or check a message.
 */
@Repository
public class Partners {

    /** A partner with its secret, for signing and checking; never leaves the module. */
    public record Registered(FulfilmentPartner partner, String secret) {
    }

    /** The transaction lock behind {@link #locations}. */
    private static final TransactionReadLock LOCK = new TransactionReadLock("ordo.outsourcing.partner-locations");

    private final JdbcClient jdbc;
    private final SealedSecrets sealed;
    private final PerTransaction<Set<String>> locations = new PerTransaction<>();

    Partners(JdbcClient jdbc, SealedSecrets sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    /**
     * The locations partners work at, read once per transaction: a transaction releasing hundreds of orders (an
     * EDI interchange's batch) asks once whether any goes to a partner, not once per order (docs/benchmarks.md,
     * P4). The read takes a shared transaction lock first, in a statement of its own, and registering a partner
     * takes it exclusively ({@link #beforeRegistering}): a partner registered while such a transaction runs waits for
     * it (its orders were released before the location was the partner's), and every later one sees it.
     */
    public Set<String> locations() {
        return locations.get(this::readLocations).orElseGet(this::readLocations);
    }

    /** Before a location becomes a partner's: waits for the transactions that read the partners' locations. */
    public void beforeRegistering() {
        LOCK.beforeChanging(jdbc);
    }

    private Set<String> readLocations() {
        LOCK.beforeReading(jdbc);
        return Set.copyOf(jdbc.sql("SELECT location_code FROM fulfilment_partner").query(String.class).list());
    }

    public void save(String location, PartnerDraft d, Instant now) {
        jdbc.sql("""
                INSERT INTO fulfilment_partner (location_code, kind, name, delivery, url, secret_sealed, active,
                                                created_at, updated_at, request_format, edi_sender_id, edi_receiver_id,
                                                supplier_code)
                VALUES (:location, :kind, :name, :delivery, :url, :secret, :active, :now, :now, :format, :sender,
                        :receiver, :supplier)
                ON CONFLICT (location_code) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
                    delivery = EXCLUDED.delivery, url = EXCLUDED.url, secret = NULL,
                    secret_sealed = EXCLUDED.secret_sealed,
                    active = EXCLUDED.active, updated_at = EXCLUDED.updated_at,
                    request_format = EXCLUDED.request_format, edi_sender_id = EXCLUDED.edi_sender_id,
                    edi_receiver_id = EXCLUDED.edi_receiver_id, supplier_code = EXCLUDED.supplier_code
                """).param("location", location).param("format", d.formatOrDefault().name())
                .param("sender", d.ediSenderId()).param("receiver", d.ediReceiverId()).param("kind", d.kind().name())
                .param("supplier", d.supplier())
                .param("name", d.name().trim()).param("delivery", d.delivery().name()).param("url", d.url())
                .param("secret", sealed.seal(d.secret()))
                .param("active", d.active() == null || d.active()).param("now", Timestamp.from(now)).update();
    }

    public Optional<Registered> find(String location) {
        return jdbc.sql("SELECT * FROM fulfilment_partner WHERE location_code = :location")
                .param("location", location).query(this::map).optional();
    }

    public List<FulfilmentPartner> all() {
        return jdbc.sql("SELECT * FROM fulfilment_partner ORDER BY location_code").query(this::map).list()
                .stream().map(Registered::partner).toList();
    }

    public void stockReported(String location, Instant at) {
        jdbc.sql("UPDATE fulfilment_partner SET stock_reported_at = :at WHERE location_code = :location")
                .param("location", location).param("at", Timestamp.from(at)).update();
    }

    /**
     * Seals the secrets an earlier version kept in clear (V480), once per start; each row in its own conditional
     * statement, so two nodes starting at once seal each once.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void sealClearSecrets() {
        jdbc.sql("SELECT location_code, secret FROM fulfilment_partner WHERE secret IS NOT NULL")
                .query((rs, n) -> new String[] {rs.getString("location_code"), rs.getString("secret")}).list()
                .forEach(row -> jdbc.sql("""
                        UPDATE fulfilment_partner SET secret_sealed = :sealed, secret = NULL
                        WHERE location_code = :location AND secret IS NOT NULL
                        """).param("sealed", sealed.seal(row[1])).param("location", row[0]).update());
    }

    private Registered map(ResultSet rs, int n) throws SQLException {
        Timestamp reported = rs.getTimestamp("stock_reported_at");
        return new Registered(new FulfilmentPartner(rs.getString("location_code"),
                PartnerKind.valueOf(rs.getString("kind")), rs.getString("name"),
                PartnerDraft.Delivery.valueOf(rs.getString("delivery")), rs.getString("url"), rs.getBoolean("active"),
                reported == null ? null : reported.toInstant(), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), PartnerDraft.Format.valueOf(rs.getString("request_format")),
                rs.getString("edi_sender_id"), rs.getString("edi_receiver_id"), rs.getString("supplier_code")),
                rs.getString("secret") != null ? rs.getString("secret") : sealed.open(rs.getBytes("secret_sealed")));
    }
}
