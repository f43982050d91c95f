package org.ordo.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ordo.notification.MessageKind;
import org.ordo.platform.Locales;
import org.ordo.platform.Money;
import org.ordo.platform.TextBundle;

/** Every text exists in every language, with the same placeholders; overrides win; formats follow the locale. */
class TemplatesTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    @Test
    void everyLanguageHasEveryKey() {
        Set<String> english = Templates.builtIn("en").stringPropertyNames();
        for (String locale : Locales.SUPPORTED) {
            assertThat(Templates.builtIn(locale).stringPropertyNames()).as("keys of " + locale)
                    .containsExactlyInAnyOrderElementsOf(english);
        }
        for (MessageKind kind : MessageKind.values()) {
            assertThat(english).as(kind.name()).contains(kind.key() + ".subject", kind.key() + ".body");
        }
        for (MessageKind kind : Composer.SMS_KINDS) {
            assertThat(english).as(kind.name() + " goes out as SMS too").contains(kind.key() + ".sms");
        }
        // the parts the composer puts together
        assertThat(english).contains("payment-reminder.bank", "payment-reminder.no-bank", "delay-notice.reason.late",
                "delay-notice.reason.backordered", "quote.line");
    }

    @Test
    void everyTextIsTranslatedNotCopied() {
        Properties english = Templates.builtIn("en");
        for (String locale : Locales.SUPPORTED) {
            if (locale.equals("en")) {
                continue;
            }
            Properties texts = Templates.builtIn(locale);
            for (String key : english.stringPropertyNames()) {
                String text = english.getProperty(key);
                if (text.replaceAll("\\{[A-Za-z]+}", "").replaceAll("[^\\p{L}]", "").length() > 12) {
                    assertThat(texts.getProperty(key)).as(locale + " " + key).isNotEqualTo(text);
                }
            }
        }
    }

    @Test
    void everyLanguageUsesTheSamePlaceholders() {
        Properties english = Templates.builtIn("en");
        for (String locale : Locales.SUPPORTED) {
            Properties texts = Templates.builtIn(locale);
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(texts.getProperty(key))).as(locale + " " + key)
                        .isEqualTo(placeholders(english.getProperty(key)));
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void aFileInTheTemplateFolderOverridesTheBuiltInTextKeyByKey(@TempDir Path folder) throws IOException {
        Templates templates = new Templates(folder, ZoneId.of("Europe/Berlin"));
        assertThat(templates.in("de").render("order-confirmation.subject", Map.of("number", "SO-1")))
                .isEqualTo("Ihre Bestellung SO-1");

        Files.writeString(folder.resolve("notification_de.properties"),
                "order-confirmation.subject=Danke für Bestellung {number}!\n", StandardCharsets.UTF_8);

        TextBundle.Texts texts = templates.in("de");
        assertThat(texts.render("order-confirmation.subject", Map.of("number", "SO-1")))
                .isEqualTo("Danke für Bestellung SO-1!");
        assertThat(texts.render("greeting", Map.of("name", "Erika"))).isEqualTo("Hallo Erika,");
        assertThat(templates.in("en").render("order-confirmation.subject", Map.of("number", "SO-1")))
                .isEqualTo("Your order SO-1");
    }

    @Test
    void anUnsupportedLocaleGetsEnglish() {
        Templates templates = new Templates(null, ZoneId.of("UTC"));
        assertThat(templates.in("fr").render("order-confirmation.subject", Map.of("number", "SO-2")))
                .isEqualTo("Your order SO-2");
    }

    @Test
    void moneyAndDatesAreWrittenAsEachLanguageWritesThem() {
        Templates templates = new Templates(null, ZoneId.of("Europe/Berlin"));
        Money euros = new Money(new BigDecimal("1234.50"), "EUR");
        assertThat(templates.in("de").money(euros)).isEqualTo("1.234,50\u00a0€");
        assertThat(templates.in("es").money(euros)).isEqualTo("1.234,50\u00a0€");
        assertThat(templates.in("en").money(euros)).isEqualTo("€1,234.50");
        assertThat(templates.in("ko").money(new Money(new BigDecimal("13200"), "KRW"))).isEqualTo("₩13,200");
        java.time.Instant at = java.time.Instant.parse("2026-03-05T10:00:00Z");
        assertThat(templates.in("de").date(at)).isEqualTo("05.03.2026");
        assertThat(templates.in("en").date(at)).isEqualTo("Mar 5, 2026");
    }

    @Test
    void retriesWaitTwiceAsLongEachTimeUpToTheCap() {
        NotificationProperties settings = new NotificationProperties(
                new NotificationProperties.Smtp(null, 25, null, null, "a@b", java.time.Duration.ofSeconds(1)),
                null, "http://x", 10, 5, java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(5));
        assertThat(settings.retryAfter(1)).hasSeconds(2);
        assertThat(settings.retryAfter(2)).hasSeconds(4);
        assertThat(settings.retryAfter(3)).hasSeconds(8);
        assertThat(settings.retryAfter(4)).hasSeconds(10);
        assertThat(settings.retryAfter(30)).hasSeconds(10);
        assertThat(Dispatcher.senderFor(settings.smtp())).as("no host, no sender").isNull();
    }
}
