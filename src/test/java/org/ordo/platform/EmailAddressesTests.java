package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTests {

    @ParameterizedTest
    @ValueSource(strings = {"erika@example.com", "erika.mustermann+orders@mail.example.de", "o'neil@example.ie",
            "a_b-c@sub.example.co.uk", "1234@example.com"})
    void takesAddressesTheMailerCanUse(String address) {
        assertThat(EmailAddresses.fault(address)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>@x.de", "<script>@x.de", "Erika <erika@example.com>",
            "erika@example.com (home)", "erika@localhost", "erika@", "@example.com", "erika", "erika@@example.com",
            "er ika@example.com", "erika@exa mple.com", " erika@example.com", "erika@example.com\r\nBcc: x@y.de",
            "erika@[127.0.0.1]", "erika@.example.com", "erika@example.com.", "a,b@example.com",
            "erika@example.com\u0000", ""})
    void refusesAddressesTheMailerCannotUse(String address) {
        assertThat(EmailAddresses.fault(address)).as(address).isNotNull();
    }
}
