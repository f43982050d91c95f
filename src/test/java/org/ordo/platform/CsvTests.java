package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** CSV exports as RFC 4180 wants them, whatever a channel name or SKU holds. */
class CsvTests {

    @Test
    void plainFieldsStayAsTheyAreAndLinesEndInCrLf() {
        assertThat(Csv.of(List.of("day", "orders"), List.of(List.of("2026-11-25", 3L))))
                .isEqualTo("day,orders\r\n2026-11-25,3\r\n");
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedWithQuotesDoubled() {
        assertThat(Csv.field("a,b")).isEqualTo("\"a,b\"");
        assertThat(Csv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(Csv.field("cr\r")).isEqualTo("\"cr\r\"");
        assertThat(Csv.field(null)).isEmpty();
        assertThat(Csv.field("한국어")).isEqualTo("한국어");
    }
}
