package org.ordo.platform;

import java.math.BigDecimal;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Money as a client sends it; {@link #toMoney} checks it and names the field of any fault. The amount is a plain
 * decimal string with at most the currency's minor digits (see {@link Numbers}).
 */
@Schema(description = "An amount as a decimal string and an ISO 4217 currency", example = "{\"amount\":\"19.99\",\"currency\":\"EUR\"}")
public record MoneyInput(
        @Schema(example = "19.99", requiredMode = Schema.RequiredMode.REQUIRED, pattern = Numbers.DECIMAL,
                maxLength = Numbers.MAX_LENGTH, description = "at most the currency's minor digits after the point")
        String amount,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$",
                minLength = 3, maxLength = 3, description = "ISO 4217") String currency) {

    public Money toMoney(String field) {
        Wording currencyFault = currency == null || currency.isBlank() ? Wording.of("platform.is_required")
                : Money.isKnownCurrency(currency) ? null : Wording.of("platform.currency_unknown", currency);
        if (currencyFault != null) {
            // the amount's form is checked too, so that one answer names every fault of the money
            Wording amountFault = Numbers.fault(amount, Numbers.MAX_LENGTH);
            throw new InvalidInputException(amountFault == null
                    ? List.of(new FieldError(field + ".currency", currencyFault))
                    : List.of(new FieldError(field + ".currency", currencyFault),
                            new FieldError(field + ".amount", amountFault)));
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
