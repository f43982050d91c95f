package org.ordo.backoffice.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import java.time.format.DateTimeFormatter;

import org.ordo.platform.Money;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show times, ages and amounts, in templates as {@code ${@fmt.instant(x)}}. Times are UTC (as the API
 * and the timelines), so that people in several places read the same clock.
 */
@Component("fmt")
public class Formats {

    private final java.time.Clock clock;
    private final MessageSource messages;

    Formats(java.time.Clock clock, MessageSource messages) {
        this.clock = clock;
        this.messages = messages;
    }

    /**
     * A code as words of the page's language: {@code label('payment.kind.', 'BANK_TRANSFER')} is "bank transfer".
     * A code without a text yet (a kind added later) reads as lower-case words, never as the code itself.
     */
    public String label(String prefix, String code) {
        if (code == null) {
            return "";
        }
        String words = code.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return messages.getMessage(prefix + code, null, words, LocaleContextHolder.getLocale());
    }

    /**
     * Why an order changed, in the page's language when Ordo wrote the reason ({@code timeline.reason.<code>} with
     * its arguments); a reason a person typed, or one without a text yet, as it was written.
     */
    public String reason(org.ordo.ordering.OrderView.TimelineEntry entry) {
        String written = entry.reason() == null ? "" : entry.reason();
        if (entry.reasonCode() == null) {
            return written;
        }
        return messages.getMessage("timeline.reason." + entry.reasonCode(), entry.reasonArguments().toArray(),
                written, LocaleContextHolder.getLocale());
    }

    /**
     * Who did something, as a person reads it: {@code user:erika} is "erika", {@code api-key:shop} is "shop (API
     * key)", {@code webhook:stripe} is "stripe (webhook)", {@code system} is "Ordo".
     */
    public String actor(String actor) {
        if (actor == null) {
            return "";
        }
        int colon = actor.indexOf(':');
        String kind = colon < 0 ? actor : actor.substring(0, colon);
        String name = colon < 0 ? "" : actor.substring(colon + 1);
        var locale = LocaleContextHolder.getLocale();
        return switch (kind) {
            case "user" -> name;
            case "api-key" -> messages.getMessage("actor.apiKey", new Object[] {name}, locale);
            case "webhook" -> messages.getMessage("actor.webhook", new Object[] {name}, locale);
            case "system" -> messages.getMessage("actor.system", null, locale);
            default -> actor;
        };
    }

    /** A role as the security log stores it (in a role's change {@code AGENT -> ADMIN} or {@code role AGENT}). */
    private static final java.util.regex.Pattern ROLE = java.util.regex.Pattern.compile(
            "\\b(ADMIN|AGENT|WAREHOUSE|PURCHASING|INTEGRATION)\\b");

    /**
     * A security log's detail with its roles in the reader's words: {@code AGENT -> ADMIN} is "Agent → Admin",
     * {@code role AGENT} "role Agent". The rest is shown as it was written.
     */
    public String roles(String detail) {
        if (detail == null) {
            return "";
        }
        return ROLE.matcher(detail.replace(" -> ", " → "))
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(label("role.", m.group(1))));
    }

    /**
     * A reason Ordo wrote in a few English words ({@code received}, {@code picked}) in the page's language: the text
     * under {@code prefix} and the words joined by '-'. A reason a person typed, or one without a text, as written.
     */
    public String written(String prefix, String text) {
        if (text == null || !text.matches("[a-z][a-z ]{0,40}")) {
            return text == null ? "" : text;
        }
        return messages.getMessage(prefix + text.replace(' ', '-'), null, text, LocaleContextHolder.getLocale());
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String instant(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** A calendar day as people of this language write it (the promise's ship-by and deliver-by days). */
    /** A day in a narrow column: weekday and day of the month ("Mi 3.3.", "Wed 3/3"). */
    public String shortDay(java.time.LocalDate day, Locale locale) {
        return java.time.format.DateTimeFormatter.ofPattern(locale.getLanguage().equals("en") ? "EEE M/d" : "EEE d.M.",
                locale).format(day);
    }

    public String date(java.time.LocalDate day, Locale locale) {
        return day == null ? "" : java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                .withLocale(locale).format(day);
    }

    /** How long ago, in the largest whole unit: 5 min, 3 h, 2 d (the units are the same in all four languages). */
    public String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration d = Duration.between(since, clock.instant());
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        if (d.toDays() > 0) {
            return d.toDays() + " d";
        }
        if (d.toHours() > 0) {
            return d.toHours() + " h";
        }
        return d.toMinutes() + " min";
    }

    /** An amount as the page's language writes money: 1.234,50 € in German, €1,234.50 in English, ₩15,000 in Korean. */
    public String money(Money money) {
        return money == null ? "" : org.ordo.platform.TextBundle.money(money, LocaleContextHolder.getLocale());
    }
}
