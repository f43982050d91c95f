package org.ordo.backoffice.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.ordo.platform.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How pages show times, ages and amounts, in templates as {@code ${@fmt.instant(x)}}. Times are UTC (as the API
 * and the timelines), so that people in several places read the same clock.
 */
@Component("fmt")
public class Formats {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public String instant(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** How long ago, in the largest whole unit: 5 min, 3 h, 2 d (the units are the same in all four languages). */
    public String age(Instant since) {
        if (since == null) {
            return "";
        }
        Duration d = Duration.between(since, Instant.now());
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

    /** An amount in the page's language's number format with the currency code: 1.234,50 EUR in German. */
    public String money(Money money) {
        if (money == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(LocaleContextHolder.getLocale());
        format.setMinimumFractionDigits(money.amount().scale());
        format.setMaximumFractionDigits(money.amount().scale());
        return format.format(money.amount()) + " " + money.currency();
    }
}
