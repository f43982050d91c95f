package org.ordo.intake.internal;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.ordo.intake.FileImport;
import org.ordo.intake.ImportKind;
import org.ordo.platform.Wording;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Uploaded files, their rows staged between preview and import, their units (orders, articles, stock lines) with
 * the outcome of each, and the errors per row. Progress is counted in the file's row by batch.
 */
@Repository
public class ImportedFiles {

    public static final int ERRORS_SHOWN = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    private final java.time.Clock clock;

    ImportedFiles(JdbcClient jdbc, JdbcTemplate batch, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Stamps come from the application's clock: a moved test clock or the backdated demo history dates them. */
    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(clock.instant());
    }

    public record NewFile(UUID id, ImportKind kind, String source, String fileName, String format, UUID documentId,
            String sha256, List<String> header, String mapping, String createdBy) {
    }

    public record StagedRow(int rowNo, String unit, List<String> cells) {
    }

    public record Unit(String key, int firstRow, int rowCount) {
    }

    public record Staged(UUID id, ImportKind kind, String source, String fileName, FileImport.Status status,
            UUID documentId, String sha256, List<String> header, String mapping) {
    }

    public void insert(NewFile f) {
        jdbc.sql("""
                INSERT INTO file_import (id, kind, source, file_name, format, document_id, sha256, header, mapping,
                                         status, rows, units, rows_with_errors, created_by)
                VALUES (:id, :kind, :source, :name, :format, :document, :sha, :header, CAST(:mapping AS jsonb),
                        'PREVIEWED', 0, 0, 0, :by)
                """).param("id", f.id()).param("kind", f.kind().name()).param("source", f.source())
                .param("name", f.fileName()).param("format", f.format()).param("document", f.documentId())
                .param("sha", f.sha256()).param("header", f.header().toArray(String[]::new))
                .param("mapping", f.mapping()).param("by", f.createdBy()).update();
    }

    /** Stages rows in one batch. */
    public void stage(UUID id, List<StagedRow> rows) {
        batch.batchUpdate("INSERT INTO file_import_row (import_id, row_no, unit, cells) VALUES (?, ?, ?, ?)", rows,
                rows.size(), (PreparedStatement ps, StagedRow row) -> {
                    ps.setObject(1, id);
                    ps.setInt(2, row.rowNo());
                    ps.setString(3, row.unit());
                    ps.setArray(4, ps.getConnection().createArrayOf("text", row.cells().toArray()));
                });
    }

    public void errors(UUID id, List<FileImport.RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batch.batchUpdate("INSERT INTO file_import_error (import_id, row_no, column_name, message) VALUES (?, ?, ?, ?)",
                errors, errors.size(), (PreparedStatement ps, FileImport.RowError e) -> {
                    ps.setObject(1, id);
                    ps.setInt(2, e.row());
                    ps.setString(3, e.column());
                    ps.setString(4, StoredWording.of(e));
                });
    }

    /**
     * Groups the staged rows into units, flags repeated keys where a unit is one row, and counts: the file is then
     * previewed. {@code repeatedColumn} names the column a repeated key is reported on.
     */
    public void previewed(UUID id, int rows, boolean manyRowsPerUnit, String repeatedColumn, Wording unit) {
        jdbc.sql("""
                INSERT INTO file_import_unit (import_id, unit, first_row, row_count)
                SELECT import_id, unit, min(row_no), count(*) FROM file_import_row WHERE import_id = :id GROUP BY 1, 2
                """).param("id", id).update();
        if (!manyRowsPerUnit) {
            jdbc.sql("""
                    INSERT INTO file_import_error (import_id, row_no, column_name, message)
                    SELECT r.import_id, r.row_no, :column,
                           :prefix || json_build_object('key', 'intake.same_unit_as_row',
                               'args', json_build_array(CAST(:unit AS json), CAST(u.first_row AS text)))::text
                    FROM file_import_row r JOIN file_import_unit u ON u.import_id = r.import_id AND u.unit = r.unit
                    WHERE r.import_id = :id AND r.row_no > u.first_row
                    """).param("id", id).param("column", repeatedColumn).param("prefix", StoredWording.PREFIX)
                    .param("unit", StoredWording.json(unit)).update();
        }
        jdbc.sql("""
                UPDATE file_import SET rows = :rows,
                       units = (SELECT count(*) FROM file_import_unit WHERE import_id = :id),
                       rows_with_errors = (SELECT count(DISTINCT row_no) FROM file_import_error WHERE import_id = :id)
                WHERE id = :id
                """).param("id", id).param("rows", rows).update();
    }

    /** Claims the import for one run: true only for the first caller, and only once it is previewed. */
    public boolean claim(UUID id) {
        return jdbc.sql("""
                UPDATE file_import SET status = 'IMPORTING', committed_at = :now,
                       heartbeat_at = clock_timestamp()
                WHERE id = :id AND status = 'PREVIEWED'
                """).param("now", now()).param("id", id).update() == 1;
    }

    /** An import whose node stopped, taken over: its id and who committed it. */
    public record Stalled(UUID id, String createdBy) {
    }

    /**
     * Takes over one import IMPORTING whose heartbeat is older than {@code staleBefore} (its node is gone): the
     * heartbeat is set to {@code now}, so no other node takes it too (SKIP LOCKED, and the condition fails for them).
     */
    public Optional<Stalled> takeOverStalled(java.time.Instant staleBefore, java.time.Instant now) {
        return jdbc.sql("""
                UPDATE file_import f SET heartbeat_at = :now
                WHERE f.id = (SELECT id FROM file_import
                              WHERE status = 'IMPORTING' AND coalesce(heartbeat_at, committed_at) < :stale
                              ORDER BY committed_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING f.id, f.created_by
                """).param("stale", java.sql.Timestamp.from(staleBefore)).param("now", java.sql.Timestamp.from(now))
                .query((rs, n) -> new Stalled(rs.getObject("id", UUID.class), rs.getString("created_by")))
                .optional();
    }

    /** The running node is alive: its import is not taken over. */
    public void heartbeat(UUID id, java.time.Instant now) {
        jdbc.sql("UPDATE file_import SET heartbeat_at = :now WHERE id = :id AND status = 'IMPORTING'")
                .param("id", id).param("now", java.sql.Timestamp.from(now)).update();
    }

    /**
     * Removes previews never committed that were made before {@code before}, with their staged rows, units and
     * errors; the uploaded files stay as inbound documents. Answers how many.
     */
    public int dropPreviewsBefore(java.time.Instant before) {
        return jdbc.sql("DELETE FROM file_import WHERE status = 'PREVIEWED' AND created_at < :before")
                .param("before", java.sql.Timestamp.from(before)).update();
    }

    public Optional<Staged> staged(UUID id) {
        return jdbc.sql("SELECT id, kind, source, file_name, status, document_id, sha256, header, mapping FROM file_import WHERE id = :id")
                .param("id", id).query((rs, n) -> new Staged(rs.getObject("id", UUID.class),
                        ImportKind.valueOf(rs.getString("kind")), rs.getString("source"), rs.getString("file_name"),
                        FileImport.Status.valueOf(rs.getString("status")), rs.getObject("document_id", UUID.class),
                        rs.getString("sha256"), texts(rs.getArray("header")), rs.getString("mapping")))
                .optional();
    }

    /** The next units without an outcome, in file order (keyset by first row). */
    public List<Unit> nextUnits(UUID id, int afterRow, int limit) {
        return jdbc.sql("""
                SELECT unit, first_row, row_count FROM file_import_unit
                WHERE import_id = :id AND first_row > :after AND outcome IS NULL
                ORDER BY first_row LIMIT :limit
                """).param("id", id).param("after", afterRow).param("limit", limit)
                .query((rs, n) -> new Unit(rs.getString("unit"), rs.getInt("first_row"), rs.getInt("row_count")))
                .list();
    }

    /** The staged rows of these units, by unit, each in file order. */
    public Map<String, List<StagedRow>> rowsOf(UUID id, List<String> units) {
        Map<String, List<StagedRow>> rows = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT row_no, unit, cells FROM file_import_row WHERE import_id = :id AND unit = ANY(:units)
                ORDER BY row_no
                """).param("id", id).param("units", units.toArray(String[]::new))
                .query((ResultSet rs) -> {
                    StagedRow row = new StagedRow(rs.getInt("row_no"), rs.getString("unit"), texts(rs.getArray("cells")));
                    rows.computeIfAbsent(row.unit(), u -> new ArrayList<>()).add(row);
                });
        return rows;
    }

    /** The rows among these that the preview found errors in. */
    public List<Integer> rowsWithErrors(UUID id, List<Integer> rows) {
        return jdbc.sql("SELECT DISTINCT row_no FROM file_import_error WHERE import_id = :id AND row_no = ANY(:rows)")
                .param("id", id).param("rows", rows.toArray(Integer[]::new)).query(Integer.class).list();
    }

    public void outcome(UUID id, String unit, String outcome, String producedType, UUID producedId) {
        jdbc.sql("""
                UPDATE file_import_unit SET outcome = :outcome, produced_type = :type, produced_id = :produced
                WHERE import_id = :id AND unit = :unit AND outcome IS NULL
                """).param("id", id).param("unit", unit).param("outcome", outcome).param("type", producedType)
                .param("produced", producedId).update();
    }

    /** Counts a batch of finished units into the progress shown. */
    public void progress(UUID id, int created, int alreadyImported, int failed) {
        jdbc.sql("""
                UPDATE file_import SET units_done = units_done + :c + :a + :f, created = created + :c,
                       already_imported = already_imported + :a, failed = failed + :f
                WHERE id = :id
                """).param("id", id).param("c", created).param("a", alreadyImported).param("f", failed).update();
    }

    /**
     * Marks the import done with the counts its units hold (exact, whatever the batches counted) and drops its
     * staged rows: the file stays as its inbound document, each unit's rows with what they produced.
     */
    public void finish(UUID id) {
        jdbc.sql("""
                WITH counts AS (
                    SELECT count(*) FILTER (WHERE outcome = 'CREATED') AS c,
                           count(*) FILTER (WHERE outcome = 'ALREADY_IMPORTED') AS a,
                           count(*) FILTER (WHERE outcome = 'FAILED') AS f
                    FROM file_import_unit WHERE import_id = :id)
                UPDATE file_import SET status = 'DONE', finished_at = :now, created = counts.c,
                       already_imported = counts.a, failed = counts.f, units_done = counts.c + counts.a + counts.f
                FROM counts WHERE id = :id
                """).param("now", now()).param("id", id).update();
        jdbc.sql("DELETE FROM file_import_row WHERE import_id = :id").param("id", id).update();
    }

    public Optional<FileImport> find(UUID id) {
        return jdbc.sql("SELECT * FROM file_import WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs, errors(id, ERRORS_SHOWN))).optional();
    }

    /** The newest imports, without their errors. */
    public List<FileImport> newest(int limit) {
        return jdbc.sql("SELECT * FROM file_import ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("limit", limit).query((rs, n) -> map(rs, List.of())).list();
    }

    public List<FileImport.RowError> errors(UUID id, int limit) {
        return jdbc.sql("""
                SELECT row_no, column_name, message FROM file_import_error WHERE import_id = :id
                ORDER BY row_no, seq LIMIT :limit
                """).param("id", id).param("limit", limit)
                .query((rs, n) -> StoredWording.read(rs.getInt("row_no"), rs.getString("column_name"),
                        rs.getString("message"))).list();
    }

    private static FileImport map(ResultSet rs, List<FileImport.RowError> errors) throws SQLException {
        return new FileImport(rs.getObject("id", UUID.class), ImportKind.valueOf(rs.getString("kind")),
                rs.getString("source"), rs.getString("file_name"), rs.getString("format"),
                FileImport.Status.valueOf(rs.getString("status")), rs.getInt("rows"), rs.getInt("units"),
                rs.getInt("rows_with_errors"), rs.getInt("units_done"), rs.getInt("created"),
                rs.getInt("already_imported"), rs.getInt("failed"), rs.getObject("document_id", UUID.class),
                instant(rs.getTimestamp("created_at")), rs.getString("created_by"),
                instant(rs.getTimestamp("committed_at")), instant(rs.getTimestamp("finished_at")), errors);
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
