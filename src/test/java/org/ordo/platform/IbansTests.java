package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IbansTests {

    @Test
    void takesRealIbansWithOrWithoutSpaces() {
        assertThat(Ibans.valid("DE89370400440532013000")).isTrue();
        assertThat(Ibans.valid("de89 3704 0044 0532 0130 00")).isTrue();
        assertThat(Ibans.valid("GB82WEST12345698765432")).isTrue();
        assertThat(Ibans.valid("ES9121000418450200051332")).isTrue();
        assertThat(Ibans.valid("AT611904300234573201")).isTrue();
    }

    @Test
    void refusesWrongCheckDigitsATypoAndTheWrongLength() {
        assertThat(Ibans.valid("DE00000000000000000000")).isFalse();
        assertThat(Ibans.valid("DE89370400440532013001")).isFalse();
        assertThat(Ibans.valid("DE8937040044053201300")).isFalse();
        assertThat(Ibans.valid("XX")).isFalse();
        assertThat(Ibans.valid("DE89-3704-0044-0532-0130-00")).isFalse();
    }
}
