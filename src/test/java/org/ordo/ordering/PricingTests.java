package org.ordo.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.ordo.platform.Money;

/** Tax per line, rounded half up to the minor unit; totals are sums of lines. */
class PricingTests {

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    @Test
    void netPricesAddTaxRoundedHalfUpPerLine() {
        Pricing.Amounts line = Pricing.line(eur("19.99"), new BigDecimal("19"), false, 3);
        assertThat(line.net()).isEqualTo(eur("59.97"));
        assertThat(line.tax()).isEqualTo(eur("11.39")); // 11.3943
        assertThat(line.gross()).isEqualTo(eur("71.36"));
    }

    @Test
    void halfAMinorUnitRoundsUp() {
        // 1.25 x 10 % = 0.125: half up gives 0.13 (half even would give 0.12)
        assertThat(Pricing.line(eur("1.25"), BigDecimal.TEN, false, 1).tax()).isEqualTo(eur("0.13"));
    }

    @Test
    void grossPricesSplitOutTheTax() {
        Pricing.Amounts line = Pricing.line(eur("19.99"), new BigDecimal("19"), true, 1);
        assertThat(line.gross()).isEqualTo(eur("19.99"));
        assertThat(line.net()).isEqualTo(eur("16.80")); // 16.798...
        assertThat(line.tax()).isEqualTo(eur("3.19"));
    }

    @Test
    void wonHaveNoDecimals() {
        Money unit = new Money(new BigDecimal("15000"), "KRW");
        Pricing.Amounts net = Pricing.line(unit, BigDecimal.TEN, false, 3);
        assertThat(net.tax().amount().toPlainString()).isEqualTo("4500");
        assertThat(net.gross().amount().toPlainString()).isEqualTo("49500");
        Pricing.Amounts gross = Pricing.line(unit, BigDecimal.TEN, true, 1);
        assertThat(gross.net().amount().toPlainString()).isEqualTo("13636"); // 13636.36...
        assertThat(gross.tax().amount().toPlainString()).isEqualTo("1364");
        Pricing.Amounts odd = Pricing.line(new Money(new BigDecimal("8005"), "KRW"), BigDecimal.TEN, false, 1);
        assertThat(odd.tax().amount().toPlainString()).isEqualTo("801"); // 800.5 rounds up
    }

    @Test
    void totalsAreTheSumsOfTheLines() {
        List<Pricing.Amounts> lines = List.of(
                Pricing.line(eur("0.05"), new BigDecimal("19"), false, 1), // tax 0.0095 -> 0.01
                Pricing.line(eur("0.05"), new BigDecimal("19"), false, 1),
                Pricing.line(eur("0.05"), new BigDecimal("19"), false, 1));
        Pricing.Amounts total = Pricing.total(lines, "EUR");
        assertThat(total.net()).isEqualTo(eur("0.15"));
        assertThat(total.tax()).isEqualTo(eur("0.03")); // per line; rounding the total would give 0.03 too here
        assertThat(total.gross()).isEqualTo(eur("0.18"));
    }

    /** For many random lines: gross = net + tax exactly, and tax is within half a minor unit of the exact tax. */
    @Test
    void everyLineIsExactAndWithinHalfAMinorUnit() {
        Random random = new Random(42);
        String[] rates = {"0", "7", "10", "19", "20", "21", "5.5", "8.1"};
        for (String currency : List.of("EUR", "KRW", "JPY", "USD")) {
            int scale = Money.minorUnits(currency);
            List<Pricing.Amounts> lines = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                BigDecimal unit = BigDecimal.valueOf(random.nextInt(1_000_000), scale);
                BigDecimal rate = new BigDecimal(rates[random.nextInt(rates.length)]);
                long quantity = 1 + random.nextInt(50);
                boolean gross = random.nextBoolean();
                Pricing.Amounts line = Pricing.line(new Money(unit, currency), rate, gross, quantity);
                assertThat(line.net().plus(line.tax())).isEqualTo(line.gross());
                BigDecimal exactTax = gross
                        ? line.gross().amount().multiply(rate).divide(BigDecimal.valueOf(100).add(rate), 20,
                                RoundingMode.HALF_UP)
                        : line.net().amount().multiply(rate).divide(BigDecimal.valueOf(100));
                BigDecimal halfUnit = BigDecimal.ONE.movePointLeft(scale).divide(BigDecimal.valueOf(2));
                assertThat(line.tax().amount().subtract(exactTax).abs()).isLessThanOrEqualTo(halfUnit);
                assertThat(line.tax().amount().scale()).isEqualTo(scale);
                lines.add(line);
            }
            Pricing.Amounts total = Pricing.total(lines, currency);
            assertThat(total.net().plus(total.tax())).isEqualTo(total.gross());
        }
    }
}
