package org.ordo.backoffice.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.ordo.billing.internal.LogoImages;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.InvalidInputException;

/**
 * The services' own checks, refused and said as a back-office page says them: each field by its name on the screen
 * and each sentence in the reader's language, the API's English unchanged.
 */
class RefusalsTests {

    private static final Locale KOREAN = Locale.KOREAN;

    @Test
    void aCustomersDetailsAreRefusedFieldByFieldInTheReadersLanguage() {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class,
                () -> new CustomerDraft("erika@example.com", "Erika", "12", "de", null, null, "xx", true, null, null,
                        null, null).check("customer."));
        assertThat(Refusals.of(e, Locale.GERMAN))
                .contains("Kunde › Telefon: muss eine Telefonnummer sein, z. B. +49301234567")
                .contains("Kunde › USt-IdNr.: muss eine USt-IdNr. wie DE123456789 sein");
        assertThat(Refusals.of(e, KOREAN)).contains("고객 › 전화번호: 전화번호여야 합니다. 예: +82212345678");
        assertThat(Refusals.of(e, Locale.ENGLISH)).contains("Customer › Phone: must be a phone number, e.g. "
                + "+49301234567");
        assertThat(e.errors()).anySatisfy(f -> {
            assertThat(f.field()).isEqualTo("customer.phone");
            assertThat(f.message()).isEqualTo("must be a phone number, e.g. +49301234567");
        });
    }

    @Test
    void aLogoThatIsNoImageIsRefusedInTheReadersLanguage() {
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                .getBytes(StandardCharsets.UTF_8);
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> LogoImages.reencode(svg));
        assertThat(Refusals.of(e, KOREAN))
                .isEqualTo("로고: PNG 또는 JPEG 이미지여야 합니다. SVG는 스크립트를 담을 수 있어 받지 않습니다");
        assertThat(Refusals.of(e, new Locale("es"))).isEqualTo("Logotipo: debe ser una imagen PNG o JPEG: no se "
                + "acepta SVG porque puede contener scripts");
        assertThat(e.errors().get(0).message())
                .isEqualTo("must be a PNG or JPEG image: SVG is not taken, as it can carry scripts");
    }
}
