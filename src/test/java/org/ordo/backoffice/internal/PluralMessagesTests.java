package org.ordo.backoffice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Counts read in each language's plural forms: "1 line", "2 lines"; Korean without a plural. */
class PluralMessagesTests {

    private final MessageSource messages = new BackofficeLocales().messageSource();

    @Test
    void aCountReadsInTheLanguagesPluralForm() {
        assertThat(text("warehouse.pickList.created", "en", "PL-1", 1)).isEqualTo("Pick list PL-1 made with 1 line.");
        assertThat(text("warehouse.pickList.created", "en", "PL-1", 2)).isEqualTo("Pick list PL-1 made with 2 lines.");
        assertThat(text("warehouse.pickList.created", "de", "PL-1", 1))
                .isEqualTo("Pickliste PL-1 mit 1 Position erstellt.");
        assertThat(text("warehouse.pickList.created", "de", "PL-1", 3))
                .isEqualTo("Pickliste PL-1 mit 3 Positionen erstellt.");
        assertThat(text("warehouse.pickList.created", "es", "PL-1", 1))
                .isEqualTo("Lista de picking PL-1 creada con 1 línea.");
        assertThat(text("warehouse.pickList.created", "es", "PL-1", 2))
                .isEqualTo("Lista de picking PL-1 creada con 2 líneas.");
        assertThat(text("warehouse.pickList.created", "ko", "PL-1", 2))
                .isEqualTo("피킹 리스트 PL-1을(를) 2개 라인으로 만들었습니다.");
        assertThat(text("warehouse.pick.units", "en", 1)).isEqualTo("unit");
        assertThat(text("warehouse.pick.units", "en", 2)).isEqualTo("units");
        assertThat(text("warehouse.pick.units", "ko", 2)).isEqualTo("개");
        assertThat(text("orders.bulk.hold", "en", 1)).isEqualTo("1 order put on hold.");
        assertThat(text("orders.bulk.hold", "en", 1234)).isEqualTo("1,234 orders put on hold.");
        assertThat(text("orders.search.hidden", "de", 1)).startsWith("Ein weiterer Auftrag passt");
    }

    @Test
    void textsWithoutACountAreFormattedAsBefore() {
        assertThat(text("warehouse.pick.done", "en", "SKU-1", 2)).isEqualTo("2 × SKU-1 picked.");
        assertThat(messages.getMessage("views.title", null, Locale.ENGLISH)).isEqualTo("Saved views");
    }

    private String text(String key, String language, Object... args) {
        return messages.getMessage(key, args, Locale.forLanguageTag(language));
    }
}
