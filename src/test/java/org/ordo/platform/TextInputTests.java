package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TextInputTests {

    @Test
    void takesUnicodeTabsAndLineBreaksWhereAllowed() {
        assertThat(TextInput.fault("Grüße 😀 한국어 \u202e", false)).isNull();
        assertThat(TextInput.fault("a\tb", false)).isNull();
        assertThat(TextInput.fault("first\r\nsecond\nthird", true)).isNull();
        assertThat(TextInput.fault(null, false)).isNull();
    }

    @Test
    void refusesNulLoneSurrogatesAndControlCharacters() {
        for (boolean multiLine : new boolean[] {false, true}) {
            assertThat(TextInput.fault("a\u0000b", multiLine).english()).contains("U+0000");
            assertThat(TextInput.fault("a\ud800", multiLine).english()).contains("unpaired surrogate");
            assertThat(TextInput.fault("\udc00a", multiLine).english()).contains("unpaired surrogate");
            assertThat(TextInput.fault("\ud83d\ud83d", multiLine).english()).contains("unpaired surrogate");
            assertThat(TextInput.fault("a\u0007", multiLine).english()).contains("U+0007");
            assertThat(TextInput.fault("a\u001b[31m", multiLine).english()).contains("U+001B");
            assertThat(TextInput.fault("a\u007f", multiLine).english()).contains("U+007F");
            assertThat(TextInput.fault("a\u0085", multiLine).english()).contains("U+0085");
        }
    }

    @Test
    void refusesLineBreaksInOneLineFields() {
        assertThat(TextInput.fault("a\r\nSet-Cookie: x", false).english()).contains("single line");
        assertThat(TextInput.fault("a\n", false).english()).contains("single line");
        assertThatThrownBy(() -> TextInput.check("shippingAddress.city", "Berlin\r", false))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("shippingAddress.city"));
    }
}
