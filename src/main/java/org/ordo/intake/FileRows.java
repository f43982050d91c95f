package org.ordo.intake;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.ordo.platform.FieldError;
import org.ordo.platform.Wording;

/** What one kind of file (orders, articles, stock) checks in its rows and makes of a unit of them. */
interface FileRows {

    ImportKind kind();

    /** A row as read: its cells, its values by field (cell or default), its unit's key, its errors so far. */
    record Row(int rowNo, List<String> cells, Map<String, String> values, String unit,
            List<FileImport.RowError> errors) {

        String value(String field) {
            return values.get(field);
        }
    }

    /** A unit to make: its rows, the stored original it comes from, and who imports it. */
    record Unit(String source, String fileName, String key, List<Row> rows, UUID documentId, String actor) {
    }

    /** What a unit made: its type (ORDER, ARTICLE, STOCK_RECEIPT) and id where it has one. */
    record Made(String type, UUID id) {
    }

    /**
     * The faults of a batch of rows beyond their text (numbers, unknown articles or locations), found in a few
     * queries for the whole batch; {@code columnOf} gives the header a field is read from.
     */
    List<FileImport.RowError> check(List<Row> rows, Function<String, String> columnOf);

    /** The idempotency key of a unit within its source. */
    default String key(String unit, Map<String, String> firstRow, String fileSha256) {
        return unit;
    }

    /** Makes what the unit describes, in the caller's transaction; refusals are thrown as the services throw them. */
    Made make(Unit unit);

    /** The row and column a service's field error points at, among the unit's rows. */
    FileImport.RowError locate(FieldError error, List<Row> rows, Function<String, String> columnOf);

    /** A whole number of at least {@code min}, as digits only; the fault, or null. */
    static Wording wholeFault(String text, long min, long max) {
        if (text == null || text.isEmpty()) {
            return Wording.of("platform.is_required_a_whole_number");
        }
        if (!text.matches("[0-9]{1,9}")) {
            return Wording.of("intake.must_be_digits_only");
        }
        long value = Long.parseLong(text);
        return value < min || value > max ? Wording.of("intake.must_be_from_to", min, max) : null;
    }

    /**
     * A service's field error at a row and column, its wording kept; {@code named}: the service's field is none of
     * the file's, so the fault names it ("shippingAddress.country must be ...").
     */
    static FileImport.RowError located(int row, String column, FieldError error, boolean named) {
        if (!named) {
            return error.wording() == null ? new FileImport.RowError(row, column, error.message())
                    : new FileImport.RowError(row, column, error.wording());
        }
        return error.wording() == null ? new FileImport.RowError(row, column, error.field() + " " + error.message())
                : new FileImport.RowError(row, column, Wording.of("intake.field_fault", error.field(),
                        error.wording()));
    }
}
