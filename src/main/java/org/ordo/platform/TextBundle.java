package org.ordo.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translated texts of one kind (e.g. {@code documents}), one UTF-8 file per supported language on the class path
 * ({@code messages/<name>_<locale>.properties}). A file of the same name in the override folder wins key by key
 * over the built-in one, read at each use, so an operator's change needs no rebuild or restart. Placeholders are
 * {@code {name}}. {@link Texts} also formats numbers, money and dates as the language writes them.
 */
public final class TextBundle {

    private static final Logger log = LoggerFactory.getLogger(TextBundle.class);

    private final String name;
    private final Path overrides;
    private final ZoneId zone;
    private final Map<String, Properties> builtIn = new HashMap<>();
    /** The texts last made per language, with the override file's state they were made from. */
    private final Map<String, Made> made = new ConcurrentHashMap<>();

    private record Made(Object overrideState, Texts texts) {
    }

    /**
     * @param name the bundle's base name, e.g. {@code documents}
     * @param overrides folder whose {@code <name>_<locale>.properties} files override the built-in texts; null:
     *        none
     * @param zone the time zone dates are written in
     */
    public TextBundle(String name, Path overrides, ZoneId zone) {
        this.name = name;
        this.overrides = overrides;
        this.zone = zone;
        for (String locale : Locales.SUPPORTED) {
            builtIn.put(locale, builtIn(name, locale));
        }
    }

    public static String fileName(String name, String locale) {
        return name + "_" + locale + ".properties";
    }

    /** The built-in texts of a language, exactly as shipped; fails when the file is missing. */
    public static Properties builtIn(String name, String locale) {
        try (InputStream in = TextBundle.class.getClassLoader()
                .getResourceAsStream("messages/" + fileName(name, locale))) {
            if (in == null) {
                throw new IllegalStateException("No built-in texts " + fileName(name, locale));
            }
            return load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties load(InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        return p;
    }

    /**
     * The texts and formats of one supported language; unsupported or null locales get English. Made again only
     * when the language's override file appeared, changed (time or size) or went away since the last call.
     */
    /**
     * Money as the language of {@code locale} writes it, at the currency's minor units: "62,46 €", "€62.46",
     * "₩12,000". Mails, documents and the back office all write money this way.
     */
    public static String money(Money money, Locale locale) {
        NumberFormat prototype = MONEY_FORMATS.computeIfAbsent(new FormatKey(locale, money.currency()), key -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(key.locale());
            format.setCurrency(Currency.getInstance(key.currency()));
            int decimals = Money.minorUnits(key.currency());
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            return format;
        });
        return ((NumberFormat) prototype.clone()).format(money.amount());
    }

    /**
     * Formats made once per language (and currency): each use formats with a copy, as a NumberFormat is not
     * thread-safe; copying one costs a fraction of making it, which every order's confirmation did for each line
     * (docs/benchmarks.md, P4).
     */
    private static final Map<FormatKey, NumberFormat> MONEY_FORMATS = new ConcurrentHashMap<>();
    private static final Map<Locale, NumberFormat> INTEGER_FORMATS = new ConcurrentHashMap<>();
    private static final Map<Locale, DateTimeFormatter> DATE_FORMATS = new ConcurrentHashMap<>();

    private record FormatKey(Locale locale, String currency) {
    }

    public Texts in(String locale) {
        String language = Locales.isSupported(locale) ? locale : Locales.FALLBACK;
        Path file = overrides == null ? null : overrides.resolve(fileName(name, language));
        Object state = stateOf(file);
        Made last = made.get(language);
        if (last != null && Objects.equals(last.overrideState(), state)) {
            return last.texts();
        }
        Texts texts = make(language, state == null ? null : file);
        made.put(language, new Made(state, texts));
        return texts;
    }

    /**
     * The override file's modification time and size, or null when there is none. Whether there is one is asked
     * first, without an exception: reading the attributes of a missing file throws one (two, with a stack trace
     * each), and most languages have no override, so every message composed paid for them (docs/benchmarks.md, P4).
     */
    static Object stateOf(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? List.of(a.lastModifiedTime(), a.size()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Texts make(String language, Path file) {
        Properties texts = new Properties();
        texts.putAll(builtIn.get(language));
        if (file != null) { // a regular file when its state was taken
            try (InputStream in = Files.newInputStream(file)) {
                texts.putAll(load(in));
            } catch (IOException | IllegalArgumentException e) {
                // A broken override must not stop the business: the built-in texts still work.
                log.warn("Ignoring text override {}: {}", file, e.toString());
            }
        }
        return new Texts(Locale.forLanguageTag(language), texts, zone);
    }

    /** Texts of one language with its number, money and date formats. */
    public record Texts(Locale locale, Properties texts, ZoneId zone) {

        /** The text under {@code key}, without placeholders filled. */
        public String text(String key) {
            return render(key, Map.of());
        }

        /** The text under {@code key} with its placeholders filled; unknown placeholders stay as written. */
        public String render(String key, Map<String, String> values) {
            String template = texts.getProperty(key);
            if (template == null) {
                throw new IllegalStateException("No text " + key + " for " + locale);
            }
            // {name}: letters between braces, found left to right as the pattern {([A-Za-z]+)} finds them; read
            // by hand, as every message of every order is rendered so (docs/benchmarks.md, P4)
            int open = template.indexOf('{');
            if (open < 0) {
                return template;
            }
            StringBuilder out = new StringBuilder(template.length() + 64);
            int done = 0;
            while (open >= 0) {
                int end = open + 1;
                while (end < template.length() && isAsciiLetter(template.charAt(end))) {
                    end++;
                }
                if (end > open + 1 && end < template.length() && template.charAt(end) == '}') {
                    String value = values.get(template.substring(open + 1, end));
                    if (value != null) {
                        out.append(template, done, open).append(value);
                        done = end + 1;
                    }
                    open = template.indexOf('{', end + 1);
                } else {
                    open = template.indexOf('{', open + 1);
                }
            }
            return out.append(template, done, template.length()).toString();
        }

        private static boolean isAsciiLetter(char c) {
            return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        }

        /** Money as this language writes it, at the currency's minor units: "62,46 €", "€62.46", "₩12,000". */
        public String money(Money money) {
            return TextBundle.money(money, locale);
        }

        public String number(long value) {
            return ((NumberFormat) INTEGER_FORMATS.computeIfAbsent(locale, NumberFormat::getIntegerInstance).clone())
                    .format(value);
        }

        /** A decimal such as a tax rate in percent: "19", "7,5". */
        public String decimal(BigDecimal value) {
            NumberFormat format = NumberFormat.getNumberInstance(locale);
            format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
            return format.format(value);
        }

        public String date(Instant at) {
            return date(at.atZone(zone).toLocalDate());
        }

        public String date(LocalDate day) {
            // DateTimeFormatter is immutable and thread-safe: one per language
            return DATE_FORMATS.computeIfAbsent(locale,
                    l -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(l)).format(day);
        }
    }
}
