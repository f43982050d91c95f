package org.ordo.intake;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Wording;

/**
 * An uploaded order, article or stock file: what its preview found and how far its import has come. {@code units}
 * are the orders (articles, stock lines) found; {@code errors} the first of the errors per row and column.
 */
@Schema(name = "FileImport")
public record FileImport(UUID id, ImportKind kind, String source, String fileName, String format, Status status,
        @Schema(description = "rows read, the header not counted") int rows,
        @Schema(description = "orders, articles or stock lines found") int units,
        int rowsWithErrors, int unitsDone, int created, int alreadyImported, int failed,
        @Schema(description = "the file as received") UUID documentId, Instant createdAt, String createdBy,
        Instant committedAt, Instant finishedAt, @Schema(description = "at most the first 200") List<RowError> errors) {

    public enum Status {
        /** read and checked; nothing imported yet */
        PREVIEWED,
        /** being imported; unitsDone says how far */
        IMPORTING,
        /** every unit was created, found imported before, or failed */
        DONE
    }

    /**
     * A fault in a row: {@code row} as a spreadsheet numbers it (the header is row 1), {@code column} its header;
     * {@code message} is the English the API answers, {@code wording}, where Ordo wrote it, lets the preview say it in
     * the reader's language.
     */
    @Schema(name = "ImportRowError")
    public record RowError(int row, String column, String message, @JsonIgnore Wording wording) {

        public RowError(int row, String column, Wording wording) {
            this(row, column, wording.english(), wording);
        }

        /** A fault in words Ordo did not write (a parser's), shown as it came. */
        public RowError(int row, String column, String message) {
            this(row, column, message, null);
        }

        /** The fault in {@code locale}'s language, or as it came where Ordo did not write it. */
        public String in(Locale locale) {
            return wording == null ? message : wording.in(locale);
        }
    }

    /** Percent of units done, for the progress bar. */
    public int percentDone() {
        return units == 0 ? (status == Status.DONE ? 100 : 0) : (int) (100L * unitsDone / units);
    }
}
