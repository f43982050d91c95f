package org.ordo.platform;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Money as a client sends it; {@link #toMoney} checks it and names the field of any fault. The amount is a plain
 * decimal string with at most the currency's minor digits (see {@link Numbers}).
 */
@Schema(description = "An amount as a decimal string and an ISO 4217 currency", example = "{\"amount\":\"19.99\",\"currency\":\"EUR\"}")
public record MoneyInput(@Schema(example = "19.99") String amount, @Schema(example = "EUR") String currency) {

    public Money toMoney(String field) {
        if (currency == null || currency.isBlank()) {
            throw new InvalidInputException(field + ".currency", "is required");
        }
        if (!Money.isKnownCurrency(currency)) {
            throw new InvalidInputException(field + ".currency", "is not an ISO 4217 currency code: " + currency);
        }
        // Exactly as written or refused (invariant 8 in docs/design.md): "1e2", " 5", "+5" or "1.999" for EUR are
        // refused, never read as 100.00, 5.00 or rounded to 2.00.
        BigDecimal value = Numbers.amount(field + ".amount", amount, Money.minorUnits(currency));
        try {
            return new Money(value, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".amount", e.getMessage());
        }
    }
}
