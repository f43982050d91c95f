package org.ordo.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTests {

    @ParameterizedTest
    @ValueSource(strings = {"0", "5", "19.99", "19.9", "0.01", "007.50", "9999999999999.99"})
    void takesPlainDecimalsWithAtMostTheAllowedDecimals(String text) {
        assertThat(Numbers.amount("amount", text, 2)).isEqualByComparingTo(new BigDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e2", "1E2", "12.5e0", " 12.50", "12.50 ", "12 .50", "1 000", "+12.50", "-12.50",
            "12.505", "12.500", "1,50", "1.000,50", "0x10", ".5", "5.", "NaN", "Infinity", "\u0661\u0662",
            "12\u00a0", "", "99999999999999.00", "1e-20000000"})
    void refusesEverythingElseNamingTheField(String text) {
        assertThatThrownBy(() -> Numbers.amount("price.amount", text, 2))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("price.amount"));
    }

    @Test
    void saysWhatIsWrong() {
        assertThat(Numbers.fault("1e2", 2).english()).contains("exponent");
        assertThat(Numbers.fault(" 1", 2).english()).contains("spaces");
        assertThat(Numbers.fault("+1", 2).english()).contains("sign");
        assertThat(Numbers.fault("1.123456", 2).english()).isEqualTo("must have at most 2 decimals");
        assertThat(Numbers.fault("1.5", 0).english()).isEqualTo("must be a whole number (no decimals)");
        assertThat(Numbers.fault(null, 2).english()).isEqualTo("is required");
    }

    @Test
    void ratesAreDecimalsInRange() {
        assertThat(Numbers.rate("taxRate", "7.5", 3, BigDecimal.ZERO, BigDecimal.valueOf(100)))
                .isEqualByComparingTo("7.5");
        assertThatThrownBy(() -> Numbers.rate("taxRate", "1e2", 3, BigDecimal.ZERO, BigDecimal.valueOf(100)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Numbers.rate("taxRate", "100.001", 3, BigDecimal.ZERO, BigDecimal.valueOf(100)))
                .hasMessageContaining("must be from 0 to 100");
    }

    @Test
    void wholeNumbersFromFormsAreAsciiDigitsWithASignOnlyWhereAllowed() {
        assertThat(Numbers.whole("quantity", "12", false)).isEqualTo(12);
        assertThat(Numbers.whole("quantity", "-3", true)).isEqualTo(-3);
        for (String text : new String[] {"1.5", "1e2", "+2", "-3", " 4", "\u0665", "", "99999999999999999999"}) {
            assertThatThrownBy(() -> Numbers.whole("quantity", text, false)).as(text)
                    .isInstanceOf(InvalidInputException.class);
        }
    }

    @Test
    void aFormThatShowsItsOwnRefusalGetsNullForWhatIsNoAsciiWholeNumber() {
        assertThat(Numbers.wholeOrNull("42")).isEqualTo(42L);
        assertThat(Numbers.wholeOrNull("-7")).isEqualTo(-7L);
        // Long.parseLong takes each of the first three as 3
        for (String text : new String[] {"\u0663", "\uff13", "\u09e9", "0x10", "1 0", "+3", "3.0", "", null}) {
            assertThat(Numbers.wholeOrNull(text)).as(String.valueOf(text)).isNull();
        }
        assertThat(Numbers.wholeInt("port", "993", false)).isEqualTo(993);
        assertThatThrownBy(() -> Numbers.wholeInt("port", "99999999999", false)).hasMessageContaining("too large");
    }

    @Test
    void moneyInputTakesOnlyTheCurrencysMinorDigits() {
        assertThat(new MoneyInput("1500", "KRW").toMoney("amount")).isEqualTo(new Money(new BigDecimal("1500"), "KRW"));
        assertThatThrownBy(() -> new MoneyInput("1500.5", "KRW").toMoney("amount"))
                .hasMessageContaining("amount.amount");
        assertThat(new MoneyInput("12.5", "EUR").toMoney("amount").amount()).isEqualTo(new BigDecimal("12.50"));
    }
}
