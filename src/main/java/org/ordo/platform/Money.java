package org.ordo.platform;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An exact amount in a currency, always at the currency's minor units (EUR 2 decimals, KRW and JPY 0).
 * Serialised as {@code {"amount":"19.99","currency":"EUR"}}.
 */
@io.swagger.v3.oas.annotations.media.Schema(description = "An exact amount at the currency's minor units")
public record Money(
        @io.swagger.v3.oas.annotations.media.Schema(type = "string", example = "19.99") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount,
        @io.swagger.v3.oas.annotations.media.Schema(example = "EUR") String currency) {

    /** How computed amounts (tax) are rounded to the minor unit: half up, per line. */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private static final Map<String, Optional<Currency>> CURRENCIES = new ConcurrentHashMap<>();

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int scale = minorUnits(currency);
        try {
            amount = amount.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    currency + " amounts have " + scale + " decimals; " + amount.toPlainString() + " has more");
        }
    }

    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** An amount that may carry more decimals than the currency has, rounded half up to its minor units. */
    public static Money rounded(BigDecimal amount, String currency) {
        return new Money(amount.setScale(minorUnits(currency), ROUNDING), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(long quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    @JsonIgnore
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine " + currency + " and " + other.currency);
        }
    }

    /** Decimals of an ISO 4217 currency; refuses codes that are unknown or have no minor unit (XAU, XXX). */
    public static int minorUnits(String currency) {
        Currency c = currencyOf(currency);
        if (c == null || c.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("unknown currency: " + currency);
        }
        return c.getDefaultFractionDigits();
    }

    public static boolean isKnownCurrency(String currency) {
        Currency c = currencyOf(currency);
        return c != null && c.getDefaultFractionDigits() >= 0;
    }

    private static Currency currencyOf(String code) {
        if (code == null || code.length() != 3) {
            return null;
        }
        for (int i = 0; i < 3; i++) {
            char ch = code.charAt(i);
            if (ch < 'A' || ch > 'Z') {
                return null;
            }
        }
        // Every amount read or computed checks its currency: keep the ones seen (at most 26^3 codes).
        return CURRENCIES.computeIfAbsent(code, Money::lookUp).orElse(null);
    }

    private static Optional<Currency> lookUp(String code) {
        try {
            return Optional.of(Currency.getInstance(code));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }


    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
