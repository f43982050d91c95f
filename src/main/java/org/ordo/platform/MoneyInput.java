package org.ordo.platform;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** Money as a client sends it; {@link #toMoney} checks it and names the field of any fault. */
@Schema(description = "An amount as a decimal string and an ISO 4217 currency", example = "{\"amount\":\"19.99\",\"currency\":\"EUR\"}")
public record MoneyInput(@Schema(example = "19.99") String amount, @Schema(example = "EUR") String currency) {

    public Money toMoney(String field) {
        if (currency == null || currency.isBlank()) {
            throw new InvalidInputException(field + ".currency", "is required");
        }
        if (!Money.isKnownCurrency(currency)) {
            throw new InvalidInputException(field + ".currency", "is not an ISO 4217 currency code: " + currency);
        }
        if (amount == null || amount.isBlank()) {
            throw new InvalidInputException(field + ".amount", "is required");
        }
        if (amount.length() > 40) {
            throw new InvalidInputException(field + ".amount", "is too long for an amount");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field + ".amount", "is not a decimal number");
        }
        // Scaling 1e-20000000 to cents would take the server seconds of arithmetic: refuse such exponents at once.
        if (value.scale() > 20) {
            throw new InvalidInputException(field + ".amount", "has too many decimals");
        }
        if (value.signum() < 0) {
            throw new InvalidInputException(field + ".amount", "must not be negative");
        }
        if (value.precision() - value.scale() > 13) {
            throw new InvalidInputException(field + ".amount", "is too large");
        }
        try {
            return new Money(value, currency);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field + ".amount", e.getMessage());
        }
    }
}
