package org.ordo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GtinTests {

    @Test
    void acceptsTheCheckDigitsOfPublishedNumbers() {
        assertThat(Gtin.isValid("4006381333931")).isTrue(); // GTIN-13 from GS1's check digit example
        assertThat(Gtin.isValid("96385074")).isTrue(); // GTIN-8
        assertThat(Gtin.isValid("036000291452")).isTrue(); // GTIN-12 (UPC-A)
        assertThat(Gtin.isValid("10012345678902")).isTrue(); // GTIN-14
    }

    @Test
    void refusesAWrongCheckDigitAndOtherLengths() {
        assertThat(Gtin.isValid("4006381333932")).isFalse();
        assertThat(Gtin.isValid("400638133393")).isFalse();
        assertThat(Gtin.isValid("40063813339311")).isFalse();
        assertThat(Gtin.isValid("4006381333 31")).isFalse();
        assertThat(Gtin.isValid("123")).isFalse();
        assertThat(Gtin.isValid(null)).isFalse();
    }
}
