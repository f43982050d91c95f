package org.ordo.intake.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Files that must be refused whole (docs/imports.md), for the reader's tests and the API's. */
public final class HostileFiles {

    private HostileFiles() {
    }

    public interface SheetWriter {
        void write(org.apache.poi.ss.usermodel.Sheet sheet);
    }

    public static byte[] workbook(SheetWriter writer) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            writer.write(book.createSheet("Sheet1"));
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A workbook with 100 MB of blanks inside its sheet: a few hundred KB compressed, a ratio of about 1:1000. */
    public static byte[] zipBomb() {
        byte[] workbook = workbook(sheet -> sheet.createRow(0).createCell(0).setCellValue("reference"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                byte[] content = in.readAllBytes();
                zip.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    int at = xml.indexOf("<sheetData>") + "<sheetData>".length();
                    zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
                    byte[] blanks = new byte[1 << 20];
                    java.util.Arrays.fill(blanks, (byte) ' ');
                    for (int i = 0; i < 100; i++) {
                        zip.write(blanks);
                    }
                    zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
                } else {
                    zip.write(content);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    /** A UTF-16LE text with its byte order mark. */
    public static byte[] utf16(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_16LE);
        byte[] marked = new byte[bytes.length + 2];
        marked[0] = (byte) 0xFF;
        marked[1] = (byte) 0xFE;
        System.arraycopy(bytes, 0, marked, 2, bytes.length);
        return marked;
    }
}
