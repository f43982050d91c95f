package org.ordo.backoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedirectsTests {

    @Test
    void aChosenValueIsCarriedEncoded() {
        assertThat(Redirects.query("BER")).isEqualTo("BER");
        assertThat(Redirects.query("Lager Süd&x=1")).isEqualTo("Lager+S%C3%BCd%26x%3D1");
        assertThat(Redirects.query(null)).isEmpty();
        assertThat(Redirects.query("A".repeat(Redirects.MAX_VALUE))).hasSize(Redirects.MAX_VALUE);
    }

    /** Echoed, a typed value of 10,000 characters overflowed the redirect's headers: a 500 instead of the screen. */
    @Test
    void aValueLongerThanAnyCodeIsLeftOut() {
        assertThat(Redirects.query("A".repeat(Redirects.MAX_VALUE + 1))).isEmpty();
        assertThat(Redirects.query("가".repeat(10_000))).isEmpty();
    }
}
