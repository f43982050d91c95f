package org.ordo.intake.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ordo.platform.Wording;

/**
 * CSV read as a stream with Commons CSV: RFC 4180 quoting, the separator (comma, semicolon or tab) taken from the
 * header line. The text is decoded strictly in the declared charset (UTF-8 when none is declared): a byte that is
 * not valid there refuses the file instead of becoming a replacement character, and a byte order mark of another
 * encoding than the declared one refuses it too. Without a declaration, a byte order mark decides.
 */
final class CsvFile {

    private static final Map<String, Charset> CHARSETS = Map.of(
            "utf-8", StandardCharsets.UTF_8,
            "utf8", StandardCharsets.UTF_8,
            "iso-8859-1", StandardCharsets.ISO_8859_1,
            "latin1", StandardCharsets.ISO_8859_1,
            "windows-1252", Charset.forName("windows-1252"),
            "utf-16", StandardCharsets.UTF_16,
            "utf-16le", StandardCharsets.UTF_16LE,
            "utf-16be", StandardCharsets.UTF_16BE);

    private CsvFile() {
    }

    static void read(byte[] bytes, String contentType, TabularFile.Rows rows) {
        Charset declared = declaredCharset(contentType);
        Charset charset = declared == null ? StandardCharsets.UTF_8 : declared;
        int skip = 0;
        String bom = null;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bom = "UTF-8";
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            bom = "UTF-16LE";
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            bom = "UTF-16BE";
            skip = 2;
        }
        if (bom != null) {
            Charset marked = Charset.forName(bom);
            boolean fits = declared == null || declared.equals(marked)
                    || (declared.equals(StandardCharsets.UTF_16) && bom.startsWith("UTF-16"));
            if (!fits) {
                throw new TabularFile.Unreadable(0, Wording.of("intake.file_bom_differs", bom, declared.name()));
            }
            charset = marked;
        }
        if (!charset.name().startsWith("UTF-16")) {
            for (byte b : bytes) {
                if (b == 0) {
                    throw new TabularFile.Unreadable(0, Wording.of("intake.file_nul_bytes", charset.name()));
                }
            }
        }
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        var in = new ByteArrayInputStream(bytes, skip, bytes.length - skip);
        int[] rowNo = {0};
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder), 1 << 16)) {
            char delimiter = delimiter(reader);
            CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    rowNo[0] = (int) Math.min(Integer.MAX_VALUE, record.getRecordNumber());
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    rows.row(rowNo[0], cells);
                }
            }
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), charset, rowNo[0] + 1, bytes, skip);
        } catch (IOException e) {
            throw unreadable(e, charset, rowNo[0] + 1, bytes, skip);
        }
    }

    private static TabularFile.Unreadable unreadable(Throwable e, Charset charset, int rowNo, byte[] bytes, int skip) {
        if (e instanceof CharacterCodingException) {
            // the reader decodes ahead of the parser: find the line of the first byte that is not valid
            int line = lineOfFirstFault(bytes, skip, charset);
            return new TabularFile.Unreadable(line, charset.equals(StandardCharsets.UTF_8)
                    ? Wording.of("intake.file_not_utf8", line)
                    : Wording.of("intake.file_not_in_charset", line, charset.name()));
        }
        return new TabularFile.Unreadable(rowNo, Wording.of("intake.file_not_csv", rowNo, e.getMessage()));
    }

    /** The line (1 = first) holding the first bytes that are not valid in the charset. */
    private static int lineOfFirstFault(byte[] bytes, int skip, Charset charset) {
        var in = java.nio.ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        var out = java.nio.CharBuffer.allocate(1 << 16);
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int lines = 1;
        while (true) {
            var result = decoder.decode(in, out, true);
            out.flip();
            for (int i = 0; i < out.length(); i++) {
                if (out.charAt(i) == '\n') {
                    lines++;
                }
            }
            out.clear();
            if (result.isError() || !result.isOverflow()) {
                return lines;
            }
        }
    }

    /** The separator the header line uses most: comma, semicolon or tab (the line is read again by the parser). */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(1 << 20);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0, c; i < (1 << 20) - 1 && (c = reader.read()) != -1; i++) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        reader.reset();
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static Charset declaredCharset(String contentType) {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring(8).replace("\"", "").trim().toLowerCase(Locale.ROOT);
                Charset charset = CHARSETS.get(name);
                if (charset == null) {
                    throw new TabularFile.Unreadable(0, Wording.of("intake.file_charset_not_read", name));
                }
                return charset;
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
