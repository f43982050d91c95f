package org.ordo.notification.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ordo.platform.Locales;
import org.ordo.platform.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The texts of customer messages, one bundle per language ({@code messages/notification_<locale>.properties},
 * UTF-8). A file of the same name in the override folder wins key by key over the built-in one, read at each
 * use so that an operator's change needs no rebuild or restart. Placeholders are {@code {name}}.
 */
public class Templates {

    public static final String BUILT_IN = "messages/";
    private static final Logger log = LoggerFactory.getLogger(Templates.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private final Path overrides;
    private final ZoneId zone;
    private final Map<String, Properties> builtIn = new HashMap<>();

    public Templates(Path overrides, ZoneId zone) {
        this.overrides = overrides;
        this.zone = zone;
        for (String locale : Locales.SUPPORTED) {
            builtIn.put(locale, builtIn(locale));
        }
    }

    public static String fileName(String locale) {
        return "notification_" + locale + ".properties";
    }

    /** The built-in texts of a language, exactly as shipped. */
    public static Properties builtIn(String locale) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(BUILT_IN + fileName(locale))) {
            if (in == null) {
                throw new IllegalStateException("No built-in templates for " + locale);
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

    /** The texts and formats of one supported language (unsupported locales get English). */
    public Texts in(String locale) {
        String language = Locales.isSupported(locale) ? locale : Locales.FALLBACK;
        Properties texts = new Properties();
        texts.putAll(builtIn.get(language));
        if (overrides != null) {
            Path file = overrides.resolve(fileName(language));
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    texts.putAll(load(in));
                } catch (IOException | IllegalArgumentException e) {
                    // A broken override must not stop orders: the built-in texts still work.
                    log.warn("Ignoring template override {}: {}", file, e.toString());
                }
            }
        }
        return new Texts(Locale.forLanguageTag(language), texts, zone);
    }

    /** Texts of one language with its number, money and date formats. */
    public record Texts(Locale locale, Properties texts, ZoneId zone) {

        /** The text under {@code key} with its placeholders filled; unknown placeholders stay as written. */
        public String render(String key, Map<String, String> values) {
            String template = texts.getProperty(key);
            if (template == null) {
                throw new IllegalStateException("No text " + key + " for " + locale);
            }
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Money as this language writes it, at the currency's minor units: "62,46 €", "€62.46", "₩12,000". */
        public String money(Money money) {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(money.currency()));
            int decimals = Money.minorUnits(money.currency());
            format.setMinimumFractionDigits(decimals);
            format.setMaximumFractionDigits(decimals);
            return format.format(money.amount());
        }

        public String number(long value) {
            return NumberFormat.getIntegerInstance(locale).format(value);
        }

        public String percent(BigDecimal rate) {
            return NumberFormat.getNumberInstance(locale).format(rate);
        }

        public String date(Instant at) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(at.atZone(zone));
        }

        /** A calendar day (a quote's last valid day), written as this language writes dates. */
        public String date(java.time.LocalDate day) {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(day);
        }
    }
}
