package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class WordingTests {

    enum Lifecycle { ON_HOLD, OPEN, SOMETHING_NEW }

    @Test
    void saysTheSameRefusalInEachLanguageWithItsArgumentsAsWritten() {
        Wording w = Wording.of("platform.must_be_between_1_and", 100000);
        assertThat(w.english()).isEqualTo("must be between 1 and 100000");
        assertThat(w.in(Locale.GERMAN)).isEqualTo("muss zwischen 1 und 100000 liegen");
        assertThat(w.in(Locale.forLanguageTag("es"))).isEqualTo("debe estar entre 1 y 100000");
        assertThat(w.in(Locale.KOREAN)).isEqualTo("1에서 100000 사이여야 합니다");
        // a language Ordo does not speak hears English
        assertThat(w.in(Locale.FRENCH)).isEqualTo("must be between 1 and 100000");
    }

    @Test
    void quotesInAPatternAreShownOnce() {
        assertThat(Wording.of("platform.must_be_2_50_characters_letters").english())
                .isEqualTo("must be 2-50 characters: letters, digits, '.', '_', '-'");
    }

    @Test
    void statesOfAnIllegalTransitionAreSaidAsAPersonWouldInTheReadersLanguage() {
        IllegalTransition e = IllegalTransition.between(Wording.of("platform.subject.order", "SO-100001"),
                Lifecycle.ON_HOLD, Lifecycle.OPEN, "orderStatus");
        assertThat(e.getMessage()).isEqualTo("Order SO-100001 is on hold and cannot become open");
        assertThat(e.wording().in(Locale.GERMAN))
                .isEqualTo("Bestellung SO-100001 ist angehalten und kann nicht offen werden");
        assertThat(e.wording().in(Locale.KOREAN)).isEqualTo("주문 SO-100001은(는) 보류 상태이므로 진행 중 상태가 될 수 없습니다");
        // a state without an entry yet is still a sentence, not an enum constant
        assertThat(Wording.state(Lifecycle.SOMETHING_NEW).in(Locale.GERMAN)).isEqualTo("something new");
    }

    @Test
    void aThingThatDoesNotExistIsNamedInTheReadersLanguage() {
        NotFoundException e = new NotFoundException("Purchase order", "PO-7");
        assertThat(e.getMessage()).isEqualTo("Purchase order PO-7 does not exist");
        assertThat(e.wording().in(Locale.forLanguageTag("es"))).isEqualTo("El pedido de compra PO-7 no existe");
    }

    @Test
    void aFieldErrorKeepsItsWordingWhenNamedElsewhere() {
        FieldError f = new FieldError("quantity", Wording.of("platform.whole_signed")).at("lines[2].quantity");
        assertThat(f.message()).isEqualTo("must be a whole number, such as 5 or -2");
        assertThat(f.wording().in(Locale.GERMAN)).isEqualTo("muss eine ganze Zahl sein, etwa 5 oder -2");
    }

    @Test
    void anUnknownKeyIsAFaultOfTheCodeNotASilentBlank() {
        assertThatThrownBy(() -> Wording.of("platform.no_such_entry").english())
                .isInstanceOf(java.util.MissingResourceException.class);
        assertThatThrownBy(() -> Wording.of("nobundle")).isInstanceOf(IllegalArgumentException.class);
    }
}
