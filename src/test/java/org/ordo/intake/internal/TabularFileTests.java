package org.ordo.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Reading CSV and XLSX as streams, and refusing what cannot be read with certainty. */
class TabularFileTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static List<List<String>> read(byte[] bytes, String contentType) {
        List<List<String>> rows = new ArrayList<>();
        TabularFile.read("file", contentType, bytes, (rowNo, cells) -> rows.add(cells));
        return rows;
    }

    static String refusal(byte[] bytes, String contentType) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(bytes, contentType));
        assertThat(thrown).isInstanceOf(TabularFile.Unreadable.class);
        return thrown.getMessage();
    }

    @Test
    void csvIsReadWithTheSeparatorOfItsHeaderQuotesAndAUtf8ByteOrderMark() {
        byte[] file = ("\uFEFFreference;sku;quantity\n\"10;01\";Müller-1;2\n\n1002;B;3\n").getBytes(StandardCharsets.UTF_8);
        assertThat(read(file, "text/csv")).containsExactly(List.of("reference", "sku", "quantity"),
                List.of("10;01", "Müller-1", "2"), List.of("1002", "B", "3"));
    }

    @Test
    void aLatin1FileSentAsUtf8IsRefusedNamingTheRowAndReadWhenItsCharsetIsDeclared() {
        byte[] latin1 = "reference,name\n1001,Müller\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(refusal(latin1, "text/csv")).contains("line 2 is not valid UTF-8").contains("windows-1252");
        assertThat(refusal(latin1, "text/csv; charset=utf-8")).contains("not valid UTF-8");
        assertThat(read(latin1, "text/csv; charset=windows-1252").get(1)).containsExactly("1001", "Müller");
    }

    @Test
    void aUtf16FileIsReadByItsByteOrderMarkButRefusedWhenDeclaredAsUtf8OrWithoutAMark() {
        byte[] withBom = HostileFiles.utf16("reference\tsku\n1001\tA\n");
        byte[] text = "reference\tsku\n1001\tA\n".getBytes(StandardCharsets.UTF_16LE);
        assertThat(read(withBom, "text/csv").get(1)).containsExactly("1001", "A");
        assertThat(refusal(withBom, "text/csv; charset=UTF-8")).contains("UTF-16LE byte order mark")
                .contains("declared as UTF-8");
        assertThat(refusal(text, "text/csv")).contains("NUL bytes").contains("UTF-16");
        assertThat(refusal("a\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=ebcdic")).contains("ebcdic");
    }

    @Test
    void tenThousandColumnsAndAHugeCellAreRefusedInCsv() {
        String wide = String.join(",", java.util.Collections.nCopies(10_000, "c"));
        assertThat(refusal((wide + "\n").getBytes(StandardCharsets.UTF_8), "text/csv")).contains("10000 columns");
        String huge = "reference,note\n1001," + "x".repeat(50_000) + "\n";
        assertThat(refusal(huge.getBytes(StandardCharsets.UTF_8), "text/csv")).contains("row 2")
                .contains("50000 characters");
        assertThat(refusal("reference\n\"open\n".getBytes(StandardCharsets.UTF_8), "text/csv"))
                .contains("not readable CSV");
    }

    @Test
    void anXlsxSheetIsReadAsAStreamWithNumbersAsTheirExactDecimal() {
        byte[] book = HostileFiles.workbook(sheet -> {
            var header = sheet.createRow(0);
            header.createCell(0).setCellValue("reference");
            header.createCell(1).setCellValue("quantity");
            header.createCell(3).setCellValue("price");
            var row = sheet.createRow(2);
            row.createCell(0).setCellValue("1001");
            row.createCell(1).setCellValue(4);
            row.createCell(3).setCellValue(19.99);
        });
        assertThat(read(book, XLSX)).containsExactly(List.of("reference", "quantity", "", "price"),
                List.of("1001", "4", "", "19.99"));
    }

    @Test
    void formulasCellsBeyondTwoHundredColumnsAndHugeCellsAreRefusedInXlsx() {
        byte[] formula = HostileFiles.workbook(sheet -> {
            sheet.createRow(0).createCell(0).setCellValue("quantity");
            sheet.createRow(1).createCell(0).setCellFormula("1+1");
        });
        assertThat(refusal(formula, XLSX)).contains("row 2, column 1 holds a formula");
        byte[] wide = HostileFiles.workbook(sheet -> sheet.createRow(0).createCell(9_999).setCellValue("x"));
        assertThat(refusal(wide, XLSX)).contains("column 10000");
        byte[] huge = HostileFiles.workbook(sheet -> sheet.createRow(0).createCell(0).setCellValue("y".repeat(30_000)));
        assertThat(refusal(huge, XLSX)).contains("30000 characters").contains("at most 2000");
    }

    @Test
    void anXlsxZipBombIsRefusedBeforeItInflates() {
        assertThat(refusal(HostileFiles.zipBomb(), XLSX)).contains("zip bomb");
    }

    @Test
    void anOldXlsWorkbookAndAFakeXlsxAreRefused() {
        assertThat(refusal(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, "application/vnd.ms-excel"))
                .contains("XLS");
        assertThat(refusal("reference\n1\n".getBytes(StandardCharsets.UTF_8), XLSX)).contains("not an XLSX");
    }
}
