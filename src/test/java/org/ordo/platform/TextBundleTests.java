package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every bundle of texts under messages/ (documents, customer messages, and any added later) has every key in every
 * language, with the same placeholders; overrides win key by key.
 */
class TextBundleTests {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private static Set<String> bundles() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:messages/*_en.properties")) {
            names.add(r.getFilename().substring(0, r.getFilename().length() - "_en.properties".length()));
        }
        return names;
    }

    @Test
    void everyBundleHasEveryKeyInEveryLanguageWithTheSamePlaceholders() throws IOException {
        assertThat(bundles()).contains("documents", "notification");
        for (String bundle : bundles()) {
            Properties english = TextBundle.builtIn(bundle, "en");
            for (String locale : Locales.SUPPORTED) {
                Properties texts = TextBundle.builtIn(bundle, locale);
                assertThat(texts.stringPropertyNames()).as("keys of " + bundle + "_" + locale)
                        .containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
                for (String key : english.stringPropertyNames()) {
                    assertThat(placeholders(texts.getProperty(key))).as(bundle + "_" + locale + " " + key)
                            .isEqualTo(placeholders(english.getProperty(key)));
                }
            }
        }
    }

    private static final Pattern CHOICE = Pattern.compile("\\{\\w+,\\s*(plural|selectordinal|select)\\s*,");

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(withoutChoices(text == null ? "" : text));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * The text without its ICU plural and select arguments ({@code {0, plural, one {day} other {# days}}}): their
     * cases are words of one language (Korean has none), not placeholders every language must share.
     */
    private static String withoutChoices(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = CHOICE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            out.append(text, from, m.start());
            int depth = 0;
            int j = m.start();
            for (; j < text.length(); j++) {
                char c = text.charAt(j);
                if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    break;
                }
            }
            from = Math.min(j + 1, text.length());
        }
        return out.append(text.substring(from)).toString();
    }

    @Test
    void aFileInTheOverrideFolderWinsKeyByKey(@TempDir Path folder) throws IOException {
        TextBundle bundle = new TextBundle("documents", folder, ZoneId.of("Europe/Berlin"));
        assertThat(bundle.in("de").render("invoice.title", Map.of("number", "RE-1"))).isEqualTo("Rechnung RE-1");
        Files.writeString(folder.resolve("documents_de.properties"), "invoice.title=Faktura {number}\n",
                StandardCharsets.UTF_8);
        assertThat(bundle.in("de").render("invoice.title", Map.of("number", "RE-1"))).isEqualTo("Faktura RE-1");
        assertThat(bundle.in("de").text("document.total")).isEqualTo("Gesamtbetrag");
        assertThat(bundle.in("fr").text("document.total")).as("unsupported: English").isEqualTo("Total");
        // The texts are kept between uses, but a changed or removed override is seen at the next use
        Files.writeString(folder.resolve("documents_de.properties"), "invoice.title=Abrechnung {number}\n",
                StandardCharsets.UTF_8);
        assertThat(bundle.in("de").render("invoice.title", Map.of("number", "RE-1"))).isEqualTo("Abrechnung RE-1");
        Files.delete(folder.resolve("documents_de.properties"));
        assertThat(bundle.in("de").render("invoice.title", Map.of("number", "RE-1"))).isEqualTo("Rechnung RE-1");
    }

    /** An override is a regular file, told apart by its modification time and size; anything else is none. */
    @Test
    void theStateOfAnOverrideIsTakenOfARegularFileOnly(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("documents_de.properties");
        assertThat(TextBundle.stateOf(file)).isNull();
        assertThat(TextBundle.stateOf(folder.resolve("missing").resolve("documents_de.properties"))).isNull();
        Files.createDirectory(file);
        assertThat(TextBundle.stateOf(file)).as("a folder of that name").isNull();
        Files.delete(file);
        Files.writeString(file, "invoice.title=A\n", StandardCharsets.UTF_8);
        Object written = TextBundle.stateOf(file);
        assertThat(written).isNotNull().isEqualTo(TextBundle.stateOf(file));
        Files.writeString(file, "invoice.title=AB\n", StandardCharsets.UTF_8);
        assertThat(TextBundle.stateOf(file)).isNotEqualTo(written);
    }

    @Test
    void placeholdersAreFilledExactlyAsThePatternOfLettersBetweenBracesFillsThem() {
        Map<String, String> values = Map.of("name", "Anna $1 \\ {x}", "n", "7", "empty", "");
        for (String template : java.util.List.of("plain", "", "{name}", "Hi {name}, {n} items{n}", "{{name}}",
                "{name}}", "{{{n}", "{unknown} and {name}", "{na me} {}", "{name", "name}", "{n}{n}{n}",
                "{é} {n1} {N} {empty}|", "end {", "{", "}{n}{", "ä{n}ö {name} 한국어 {n}")) {
            Properties texts = new Properties();
            texts.setProperty("t", template);
            TextBundle.Texts t = new TextBundle.Texts(java.util.Locale.ENGLISH, texts, ZoneId.of("UTC"));
            // what the texts were filled by before: the regular expression, each value taken literally
            Matcher m = Pattern.compile("\\{([A-Za-z]+)}").matcher(template);
            StringBuilder expected = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                m.appendReplacement(expected, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(expected);
            assertThat(t.render("t", values)).as(template).isEqualTo(expected.toString());
        }
    }

    @Test
    void numbersAndDatesFollowTheLanguage() {
        TextBundle bundle = new TextBundle("documents", null, ZoneId.of("UTC"));
        assertThat(bundle.in("de").decimal(new BigDecimal("7.50"))).isEqualTo("7,5");
        assertThat(bundle.in("en").decimal(new BigDecimal("19.00"))).isEqualTo("19");
        assertThat(bundle.in("es").money(new Money(new BigDecimal("1234.5"), "EUR"))).isEqualTo("1.234,50\u00a0€");
        assertThat(bundle.in("ko").date(LocalDate.of(2026, 3, 5))).isEqualTo("2026. 3. 5.");
    }

    @Test
    void moneyAndNumbersFormattedFromManyThreadsAtOnceAreWhatAFormatMadeAfreshWrites() throws Exception {
        // the formats are made once per language and currency and shared: every thread must still get its own
        // digits, in its own language and currency (a shared NumberFormat mixes them up under concurrent use)
        TextBundle bundle = new TextBundle("documents", null, ZoneId.of("UTC"));
        java.util.List<String> languages = java.util.List.of("de", "en", "es", "ko");
        java.util.List<String> currencies = java.util.List.of("EUR", "KRW", "USD");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<java.util.List<String>>> wrong = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                wrong.add(pool.submit(() -> {
                    java.util.List<String> faults = new java.util.ArrayList<>();
                    for (int i = 0; i < 20_000; i++) {
                        String language = languages.get((i + thread) % languages.size());
                        String currency = currencies.get((i / 4 + thread) % currencies.size());
                        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
                        long value = (long) thread * 1_000_003L + i * 7919L;
                        Money money = new Money(BigDecimal.valueOf(value, Money.minorUnits(currency)), currency);
                        java.text.NumberFormat fresh = java.text.NumberFormat.getCurrencyInstance(locale);
                        fresh.setCurrency(java.util.Currency.getInstance(currency));
                        fresh.setMinimumFractionDigits(Money.minorUnits(currency));
                        fresh.setMaximumFractionDigits(Money.minorUnits(currency));
                        String money1 = bundle.in(language).money(money);
                        String number = bundle.in(language).number(value);
                        if (!money1.equals(fresh.format(money.amount()))
                                || !number.equals(java.text.NumberFormat.getIntegerInstance(locale).format(value))) {
                            faults.add(language + " " + money + ": " + money1 + ", " + number);
                        }
                    }
                    return faults;
                }));
            }
            for (java.util.concurrent.Future<java.util.List<String>> f : wrong) {
                assertThat(f.get()).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
