package org.ordo.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.ordo.platform.Money;

/**
 * Line and order amounts. Tax is computed per line and rounded half up to the currency's minor unit; order
 * totals are the sums of the lines, so a total never disagrees with its lines.
 * <ul>
 * <li>net prices: net = unit x qty, tax = round(net x rate / 100), gross = net + tax</li>
 * <li>gross prices: gross = unit x qty, net = round(gross x 100 / (100 + rate)), tax = gross - net</li>
 * </ul>
 */
public final class Pricing {

    public static final String ROUNDING = "tax per line, rounded half up to the currency's minor unit; totals are sums of lines";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Pricing() {
    }

    public record Amounts(Money net, Money tax, Money gross) {
    }

    public static Amounts line(Money unitPrice, BigDecimal taxRate, boolean priceIncludesTax, long quantity) {
        String currency = unitPrice.currency();
        int scale = Money.minorUnits(currency);
        Money extended = unitPrice.times(quantity);
        if (priceIncludesTax) {
            BigDecimal net = extended.amount().multiply(HUNDRED)
                    .divide(HUNDRED.add(taxRate), scale, RoundingMode.HALF_UP);
            Money netMoney = new Money(net, currency);
            return new Amounts(netMoney, extended.minus(netMoney), extended);
        }
        Money tax = Money.rounded(extended.amount().multiply(taxRate).divide(HUNDRED), currency);
        return new Amounts(extended, tax, extended.plus(tax));
    }

    public static Amounts total(List<Amounts> lines, String currency) {
        Money net = Money.zero(currency);
        Money tax = Money.zero(currency);
        Money gross = Money.zero(currency);
        for (Amounts line : lines) {
            net = net.plus(line.net());
            tax = tax.plus(line.tax());
            gross = gross.plus(line.gross());
        }
        return new Amounts(net, tax, gross);
    }
}
