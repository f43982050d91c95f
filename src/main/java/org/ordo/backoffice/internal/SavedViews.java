package org.ordo.backoffice.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The order queue's saved views: a name for a filter (its query string), a person's own or shared with everyone.
 * Who may change a view is decided in the statement that changes it: the owner their own, an admin the shared
 * ones; anyone else changes nothing and is told the view is not there.
 */
@Repository
public class SavedViews {

    public static final int MAX_NAME = 60;
    public static final int MAX_FILTER = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;

    SavedViews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A saved view; {@code owner} null: shared with everyone. {@code filter} is the queue's query string. */
    public record SavedView(UUID id, String owner, String name, String filter) {

        public boolean shared() {
            return owner == null;
        }
    }

    /** The views a person sees: their own, then the shared ones, each by name. */
    public List<SavedView> of(String username) {
        return jdbc.sql("""
                SELECT id, owner, name, filter FROM saved_view
                WHERE owner = :username OR owner IS NULL
                ORDER BY owner IS NULL, lower(name), id
                """).param("username", username)
                .query((rs, n) -> new SavedView(rs.getObject("id", UUID.class), rs.getString("owner"),
                        rs.getString("name"), rs.getString("filter"))).list();
    }

    /** Saves a view for {@code owner}, or shared when null; a name already used there is a conflict. */
    public SavedView save(String owner, String name, String filter, String actor) {
        String checked = name(name);
        if (filter.length() > MAX_FILTER) {
            throw new InvalidInputException("filter", Wording.of("platform.must_be_at_most_characters", MAX_FILTER));
        }
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                    INSERT INTO saved_view (id, owner, name, filter, created_at, created_by)
                    VALUES (:id, :owner, :name, :filter, :at, :actor)
                    """).param("id", id).param("owner", owner).param("name", checked).param("filter", filter)
                    .param("at", Timestamp.from(clock.instant())).param("actor", actor).update();
        } catch (DuplicateKeyException e) {
            throw taken(checked);
        }
        return new SavedView(id, owner, checked, filter);
    }

    /** Renames a view the person may change (their own; a shared one when admin). */
    public void rename(UUID id, String name, String username, boolean admin) {
        String checked = name(name);
        try {
            int changed = jdbc.sql("""
                    UPDATE saved_view SET name = :name
                    WHERE id = :id AND (owner = :username OR (owner IS NULL AND :admin))
                    """).param("id", id).param("name", checked).param("username", username).param("admin", admin)
                    .update();
            if (changed == 0) {
                throw new NotFoundException("Saved view", id.toString());
            }
        } catch (DuplicateKeyException e) {
            throw taken(checked);
        }
    }

    /** Deletes a view the person may change (their own; a shared one when admin). */
    public void delete(UUID id, String username, boolean admin) {
        int deleted = jdbc.sql("""
                DELETE FROM saved_view WHERE id = :id AND (owner = :username OR (owner IS NULL AND :admin))
                """).param("id", id).param("username", username).param("admin", admin).update();
        if (deleted == 0) {
            throw new NotFoundException("Saved view", id.toString());
        }
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : TextInput.check("name", name, false).strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name", Wording.of("backoffice.must_be_1_to_characters", MAX_NAME));
        }
        return trimmed;
    }

    private static ConflictException taken(String name) {
        return new ConflictException("saved-view-name-taken", "A view of this name exists",
                Wording.of("backoffice.a_view_named_exists_already", name));
    }
}
