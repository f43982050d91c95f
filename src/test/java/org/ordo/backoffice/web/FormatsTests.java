package org.ordo.backoffice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ordo.platform.Money;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The back office writes codes, actors and money as people read them, in each of the four languages. */
class FormatsTests {

    private final Formats formats = new Formats(Clock.systemUTC(), messages());

    @AfterEach
    void english() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void actorsAreNamesNotInternalCodes() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.actor("api-key:initial-admin")).isEqualTo("initial-admin (API key)");
        assertThat(formats.actor("user:erika")).isEqualTo("erika");
        assertThat(formats.actor("webhook:stripe")).isEqualTo("stripe (webhook)");
        assertThat(formats.actor("system")).isEqualTo("Ordo");
        LocaleContextHolder.setLocale(Locale.KOREAN);
        assertThat(formats.actor("api-key:shop")).isEqualTo("shop (API 키)");
    }

    @Test
    void codesAreWordsOfThePagesLanguageAndUnknownCodesNeverShowAsCodes() {
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(formats.label("payment.kind.", "BANK_TRANSFER")).isEqualTo("Überweisung");
        assertThat(formats.label("status.order.", "ON_HOLD")).isEqualTo("gesperrt");
        assertThat(formats.label("payment.kind.", "GIFT_CARD_REDEEMED")).isEqualTo("gift card redeemed");
    }

    @Test
    void rolesInTheSecurityLogAndReasonsOrdoWroteAreWords() {
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.roles("AGENT -> ADMIN")).isEqualTo("Agent → Admin");
        assertThat(formats.roles("role WAREHOUSE")).isEqualTo("role Warehouse");
        assertThat(formats.roles("mailbox enabled")).isEqualTo("mailbox enabled");
        assertThat(formats.roles(null)).isEmpty();
        assertThat(formats.written("inventory.reason.", "shipped in part")).isEqualTo("shipped in part");
        LocaleContextHolder.setLocale(Locale.KOREAN);
        assertThat(formats.roles("WAREHOUSE -> PURCHASING")).isEqualTo("창고 → 구매");
        assertThat(formats.written("inventory.reason.", "received")).isEqualTo("입고");
        assertThat(formats.written("inventory.reason.", "counted by Erika")).isEqualTo("counted by Erika");
    }

    @Test
    void moneyIsWrittenAsTheLanguageWritesIt() {
        Money euros = new Money(new BigDecimal("1234.50"), "EUR");
        LocaleContextHolder.setLocale(Locale.GERMAN);
        assertThat(formats.money(euros)).isEqualTo("1.234,50\u00a0€");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(formats.money(euros)).isEqualTo("€1,234.50");
        LocaleContextHolder.setLocale(Locale.KOREAN);
        assertThat(formats.money(new Money(new BigDecimal("15000"), "KRW"))).isEqualTo("₩15,000");
    }

    private static ResourceBundleMessageSource messages() {
        var source = new ResourceBundleMessageSource();
        source.setBasenames("messages/backoffice");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
