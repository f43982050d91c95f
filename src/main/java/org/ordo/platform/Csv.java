package org.ordo.platform;

import java.util.List;

/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field in double quotes when it holds a comma, a
 * quote or a line break, with its quotes doubled. A header line first.
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    public Csv(String... header) {
        row((Object[]) header);
    }

    public Csv row(Object... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(field(cells[i]));
        }
        out.append("\r\n");
        return this;
    }

    public static String field(Object value) {
        String text = value == null ? "" : value.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    public static String of(List<String> header, List<List<Object>> rows) {
        Csv csv = new Csv(header.toArray(String[]::new));
        rows.forEach(r -> csv.row(r.toArray()));
        return csv.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
