package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void keepsEachCurrencysMinorUnits() {
        assertThat(new Money(new BigDecimal("19.9"), "EUR").amount()).isEqualByComparingTo("19.90");
        assertThat(new Money(new BigDecimal("19.9"), "EUR").amount().scale()).isEqualTo(2);
        assertThat(new Money(new BigDecimal("15000"), "KRW").amount().scale()).isZero();
        assertThat(new Money(new BigDecimal("15000.00"), "KRW").amount().toPlainString()).isEqualTo("15000");
        assertThat(new Money(new BigDecimal("100"), "JPY").amount().scale()).isZero();
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        assertThatThrownBy(() -> new Money(new BigDecimal("19.999"), "EUR"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> new Money(new BigDecimal("100.5"), "KRW"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 decimals");
    }

    @Test
    void refusesUnknownCurrencies() {
        assertThat(Money.isKnownCurrency("EUR")).isTrue();
        assertThat(Money.isKnownCurrency("EUX")).isFalse();
        assertThat(Money.isKnownCurrency("eur")).isFalse();
        assertThat(Money.isKnownCurrency("XXX")).isFalse();
        assertThat(Money.isKnownCurrency("EURO")).isFalse();
        assertThat(Money.isKnownCurrency("EU")).isFalse();
        assertThat(Money.isKnownCurrency("E1R")).isFalse();
        assertThat(Money.isKnownCurrency(null)).isFalse();
        assertThat(Money.isKnownCurrency("EUR")).as("asked again, from the kept lookups").isTrue();
        assertThatThrownBy(() -> Money.minorUnits("ABC")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsHalfUp() {
        assertThat(Money.rounded(new BigDecimal("0.125"), "EUR").amount()).isEqualByComparingTo("0.13");
        assertThat(Money.rounded(new BigDecimal("0.124"), "EUR").amount()).isEqualByComparingTo("0.12");
        assertThat(Money.rounded(new BigDecimal("1364.5"), "KRW").amount()).isEqualByComparingTo("1365");
    }

    @Test
    void neverCombinesCurrencies() {
        assertThatThrownBy(() -> Money.zero("EUR").plus(Money.zero("KRW")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inputNamesTheFaultyField() {
        assertThatThrownBy(() -> new MoneyInput("1.999", "EUR").toMoney("price"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("price.amount"));
        assertThatThrownBy(() -> new MoneyInput("1.99", "EUX").toMoney("price"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("price.currency"));
        // an unknown currency does not hide a malformed amount: one answer names both
        assertThatThrownBy(() -> new MoneyInput("1e2", "EUX").toMoney("price"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("price.currency", "price.amount"));
        assertThatThrownBy(() -> new MoneyInput("-1", "EUR").toMoney("price"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new MoneyInput("abc", "EUR").toMoney("price"))
                .isInstanceOf(InvalidInputException.class);
    }
}
