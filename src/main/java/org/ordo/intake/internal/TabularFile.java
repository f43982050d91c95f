package org.ordo.intake.internal;

import java.util.List;
import java.util.Locale;

import org.ordo.platform.Wording;

/**
 * A file of rows (CSV or XLSX) read as a stream: each row is handed on as it is read, so a file of 100,000 lines
 * never sits in memory as rows. What cannot be read with certainty (another encoding than declared, a zip bomb, a
 * formula, too many columns, a huge cell) is refused as a whole with {@link Unreadable}, naming the row where known.
 */
public final class TabularFile {

    /** At most this many columns: an order, article or stock file needs a few dozen. */
    public static final int MAX_COLUMNS = 200;
    /** At most this many characters in a cell: the longest field (an order's note) takes 2,000. */
    public static final int MAX_CELL_CHARS = 2_000;
    /** At most this many rows (the header included). */
    public static final int MAX_ROWS = 1_000_000;

    private TabularFile() {
    }

    /** Receives the rows in file order; {@code rowNo} is the row's number as a spreadsheet shows it (1 = first). */
    public interface Rows {
        void row(int rowNo, List<String> cells);
    }

    /**
     * The file as a whole cannot be taken, and why ({@code wording}; its English is the message); {@code rowNo} is 0
     * when the fault is not in one row.
     */
    public static final class Unreadable extends RuntimeException {

        private final int rowNo;
        private final transient Wording wording;

        public Unreadable(int rowNo, Wording wording) {
            super(wording.english());
            this.rowNo = rowNo;
            this.wording = wording;
        }

        public int rowNo() {
            return rowNo;
        }

        public Wording wording() {
            return wording;
        }
    }

    public enum Format {
        CSV, XLSX
    }

    /** XLSX by its content (a ZIP container) or name; the old binary XLS is refused; everything else is CSV. */
    public static Format formatOf(String fileName, String contentType, byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xD0 && (bytes[1] & 0xff) == 0xCF && (bytes[2] & 0xff) == 0x11
                && (bytes[3] & 0xff) == 0xE0) {
            throw new Unreadable(0, Wording.of("intake.file_xls"));
        }
        boolean zip = bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (zip || name.endsWith(".xlsx") || type.contains("spreadsheetml")) {
            if (!zip) {
                throw new Unreadable(0, Wording.of("intake.file_not_a_zip"));
            }
            return Format.XLSX;
        }
        return Format.CSV;
    }

    /** Reads the rows of the file, CSV or XLSX, refusing what cannot be read with certainty. */
    public static Format read(String fileName, String contentType, byte[] bytes, Rows rows) {
        Format format = formatOf(fileName, contentType, bytes);
        Rows checked = (rowNo, cells) -> {
            if (rowNo > MAX_ROWS) {
                throw new Unreadable(rowNo, Wording.of("intake.file_too_many_rows", MAX_ROWS));
            }
            if (cells.size() > MAX_COLUMNS) {
                throw new Unreadable(rowNo, Wording.of("intake.file_too_many_columns", rowNo, cells.size(),
                        MAX_COLUMNS));
            }
            for (int i = 0; i < cells.size(); i++) {
                if (cells.get(i).length() > MAX_CELL_CHARS) {
                    throw new Unreadable(rowNo, Wording.of("intake.file_cell_too_long", rowNo, i + 1,
                            cells.get(i).length(), MAX_CELL_CHARS));
                }
            }
            rows.row(rowNo, cells);
        };
        if (format == Format.XLSX) {
            XlsxFile.read(bytes, checked);
        } else {
            CsvFile.read(bytes, contentType, checked);
        }
        return format;
    }
}
