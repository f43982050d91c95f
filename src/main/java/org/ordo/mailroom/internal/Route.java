package org.ordo.mailroom.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/** Where a part of a mail goes, decided by its media type, its file name and its first bytes. */
public enum Route {
    /** an EDIFACT or X12 interchange: the EDI path */
    EDI,
    /** a CSV or XLSX order file */
    ORDER_FILE,
    /** a PDF: its text, or OCR when it is a scan */
    PDF,
    /** an image (a scan, a fax, a photo of an order form): OCR */
    SCAN,
    /** the mail's own text */
    TEXT,
    /** anything else (a signature, a calendar invitation): kept with the mail, nothing to read */
    IGNORED;

    public static Route of(String fileName, String contentType, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        String start = new String(Arrays.copyOf(content, Math.min(content.length, 8)), StandardCharsets.ISO_8859_1)
                .stripLeading();
        if (type.contains("edifact") || type.contains("edi-x12") || name.endsWith(".edi")
                || start.startsWith("UNA") || start.startsWith("UNB") || start.startsWith("ISA")) {
            return EDI;
        }
        if (type.equals("application/pdf") || name.endsWith(".pdf") || start.startsWith("%PDF")) {
            return PDF;
        }
        if (type.startsWith("image/png") || type.startsWith("image/jpeg") || type.startsWith("image/tiff")
                || name.matches(".*\\.(png|jpe?g|tiff?)$")) {
            return SCAN;
        }
        if (type.equals("text/csv") || name.endsWith(".csv") || name.endsWith(".xlsx")
                || type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")) {
            return ORDER_FILE;
        }
        return IGNORED;
    }
}
