package org.ordo.intake.internal;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.ordo.platform.Wording;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The first sheet of an XLSX workbook read as a stream of SAX events (POI's event API, never the whole sheet as
 * objects). POI's {@link ZipSecureFile} refuses entries that inflate beyond a ratio or a size (zip bombs). Cells
 * are taken as stored: text, shared text, numbers as written in the file and booleans; a formula is refused, since
 * its stored result may be stale and it is not what a person typed.
 */
final class XlsxFile {

    static {
        // Real sheets inflate about 10-20 times; a bomb inflates thousands of times (POI's default is 0.01 too,
        // set here so that it does not depend on another part of the application changing it)
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(512L * 1024 * 1024);
        ZipSecureFile.setMaxTextSize(64L * 1024 * 1024);
    }

    private XlsxFile() {
    }

    static void read(byte[] bytes, TabularFile.Rows rows) {
        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new TabularFile.Unreadable(0, Wording.of("intake.file_no_sheet"));
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new SheetHandler(strings, rows));
                parser.parse(new InputSource(sheet));
            }
        } catch (TabularFile.Unreadable e) {
            throw e;
        } catch (Exception e) {
            throw refusal(e);
        }
    }

    private static TabularFile.Unreadable refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TabularFile.Unreadable u) {
                return u;
            }
            String message = String.valueOf(t.getMessage());
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("exceed")
                    && message.contains("max")) {
                return new TabularFile.Unreadable(0, Wording.of("intake.file_zip_bomb"));
            }
        }
        return new TabularFile.Unreadable(0, Wording.of("intake.file_not_xlsx", e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage())));
    }

    /** Rows of {@code <sheetData>}: {@code <row r><c r t><v/> | <is><t/></is> | <f/></c></row>}. */
    private static final class SheetHandler extends DefaultHandler {

        private final ReadOnlySharedStringsTable strings;
        private final TabularFile.Rows rows;
        private List<String> cells;
        private int rowNo;
        private int lastRowNo;
        private int column;
        private String type;
        private StringBuilder text;
        private boolean inValue;

        SheetHandler(ReadOnlySharedStringsTable strings, TabularFile.Rows rows) {
            this.strings = strings;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNo = r == null ? lastRowNo + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? cells.size() : columnIndex(ref);
                    if (column >= TabularFile.MAX_COLUMNS) {
                        throw new TabularFile.Unreadable(rowNo, Wording.of("intake.file_cell_beyond_columns", rowNo,
                                column + 1, TabularFile.MAX_COLUMNS));
                    }
                    type = attributes.getValue("t");
                    text = new StringBuilder();
                }
                case "f" -> throw new TabularFile.Unreadable(rowNo, Wording.of("intake.file_formula", rowNo,
                        column + 1));
                case "v", "t" -> inValue = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                if (text.length() + length > TabularFile.MAX_CELL_CHARS) {
                    throw new TabularFile.Unreadable(rowNo, Wording.of("intake.file_cell_more_than", rowNo,
                            column + 1, TabularFile.MAX_CELL_CHARS));
                }
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> {
                    String value = text.toString();
                    if ("s".equals(type)) {
                        value = strings.getItemAt(Integer.parseInt(value.trim())).getString();
                    } else if ("b".equals(type)) {
                        value = "1".equals(value) ? "true" : "false";
                    } else if ((type == null || "n".equals(type)) && !value.isEmpty()) {
                        value = number(value);
                    } else if ("e".equals(type)) {
                        throw new TabularFile.Unreadable(rowNo, Wording.of("intake.file_error_value", rowNo,
                                column + 1, value));
                    }
                    while (cells.size() < column) {
                        cells.add("");
                    }
                    cells.add(value);
                }
                case "row" -> {
                    lastRowNo = rowNo;
                    while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                        cells.remove(cells.size() - 1);
                    }
                    if (!cells.isEmpty()) {
                        rows.row(rowNo, cells);
                    }
                }
                default -> {
                }
            }
        }

        /**
         * A number cell as its exact decimal, without the exponent or trailing ".0" writers store (4.0, 1.0E3):
         * the same value, written the way the rules for numbers take it.
         */
        private String number(String stored) {
            try {
                java.math.BigDecimal exact = new java.math.BigDecimal(stored.trim());
                return exact.signum() == 0 ? "0" : exact.stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                throw new TabularFile.Unreadable(rowNo, Wording.of("intake.file_not_a_number", rowNo, column + 1,
                        stored));
            }
        }

        /** "AB12" is column 27 (0-based). */
        private static int columnIndex(String ref) {
            int index = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
                if (index > 100_000) {
                    break;
                }
            }
            return index - 1;
        }
    }
}
