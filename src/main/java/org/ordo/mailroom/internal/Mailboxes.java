package org.ordo.mailroom.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ordo.mailroom.Mailbox;
import org.ordo.platform.security.SealedSecrets;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mailboxes set up in the back office, their passwords sealed. */
@Repository
public class Mailboxes {

    private final JdbcClient jdbc;
    private final SealedSecrets secrets;

    Mailboxes(JdbcClient jdbc, SealedSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /** A mailbox as shown: everything but the password. */
    public record Row(String name, String host, int port, boolean ssl, String user, String folder, long maxMailBytes,
            boolean active, Instant updatedAt, String updatedBy, Instant lastTestAt, String lastTestResult) {
    }

    private static final String COLUMNS = """
            name, host, port, ssl, username, folder, max_mail_bytes, active, updated_at, updated_by, last_test_at,
            last_test_result""";

    /** False when the name is taken (the primary key decides). */
    public boolean insert(Mailbox mailbox, Instant now, String actor) {
        return jdbc.sql("""
                INSERT INTO mailbox (name, host, port, ssl, username, password_sealed, folder, max_mail_bytes,
                                     created_at, updated_at, updated_by)
                VALUES (:name, :host, :port, :ssl, :user, :password, :folder, :max, :now, :now, :actor)
                ON CONFLICT (name) DO NOTHING
                """).param("name", mailbox.name()).param("host", mailbox.host()).param("port", mailbox.port())
                .param("ssl", mailbox.ssl()).param("user", mailbox.user())
                .param("password", secrets.seal(mailbox.password())).param("folder", mailbox.folder())
                .param("max", mailbox.maxMailBytes()).param("now", java.sql.Timestamp.from(now))
                .param("actor", actor).update() == 1;
    }

    /** Changes a mailbox; a null password keeps the one sealed before. False when there is none of that name. */
    public boolean update(Mailbox mailbox, Instant now, String actor) {
        return jdbc.sql("""
                UPDATE mailbox SET host = :host, port = :port, ssl = :ssl, username = :user,
                       password_sealed = COALESCE(:password, password_sealed), folder = :folder,
                       max_mail_bytes = :max, updated_at = :now, updated_by = :actor,
                       last_test_at = NULL, last_test_result = NULL
                 WHERE name = :name
                """).param("name", mailbox.name()).param("host", mailbox.host()).param("port", mailbox.port())
                .param("ssl", mailbox.ssl()).param("user", mailbox.user())
                .param("password", mailbox.password() == null ? null : secrets.seal(mailbox.password()),
                        java.sql.Types.BINARY)
                .param("folder", mailbox.folder()).param("max", mailbox.maxMailBytes())
                .param("now", java.sql.Timestamp.from(now)).param("actor", actor).update() == 1;
    }

    public boolean activate(String name, boolean active, Instant now, String actor) {
        return jdbc.sql("UPDATE mailbox SET active = :active, updated_at = :now, updated_by = :actor WHERE name = :name")
                .param("name", name).param("active", active).param("now", java.sql.Timestamp.from(now))
                .param("actor", actor).update() == 1;
    }

    public void tested(String name, Instant at, String result) {
        jdbc.sql("UPDATE mailbox SET last_test_at = :at, last_test_result = :result WHERE name = :name")
                .param("name", name).param("at", java.sql.Timestamp.from(at))
                .param("result", result.length() > 500 ? result.substring(0, 499) + "…" : result).update();
    }

    public Optional<Row> find(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox WHERE name = :name").param("name", name)
                .query(Mailboxes::row).optional();
    }

    public List<Row> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM mailbox ORDER BY name").query(Mailboxes::row).list();
    }

    /** A mailbox with its password opened, to connect to it. Never leaves the module. */
    public Optional<Mailbox> opened(String name) {
        return jdbc.sql("""
                SELECT name, host, port, ssl, username, password_sealed, folder, max_mail_bytes
                  FROM mailbox WHERE name = :name
                """).param("name", name).query(this::mailbox).optional();
    }

    /** The active mailboxes with their passwords opened, for the poller. */
    public List<Mailbox> active() {
        return jdbc.sql("""
                SELECT name, host, port, ssl, username, password_sealed, folder, max_mail_bytes
                  FROM mailbox WHERE active ORDER BY name
                """).query(this::mailbox).list();
    }

    private Mailbox mailbox(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Mailbox(rs.getString("name"), rs.getString("host"), rs.getInt("port"), rs.getString("username"),
                secrets.open(rs.getBytes("password_sealed")), rs.getString("folder"), rs.getBoolean("ssl"),
                rs.getLong("max_mail_bytes"));
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp tested = rs.getTimestamp("last_test_at");
        return new Row(rs.getString("name"), rs.getString("host"), rs.getInt("port"), rs.getBoolean("ssl"),
                rs.getString("username"), rs.getString("folder"), rs.getLong("max_mail_bytes"),
                rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"),
                tested == null ? null : tested.toInstant(), rs.getString("last_test_result"));
    }
}
