package org.ordo.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Numbers;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Locales;
import org.ordo.platform.Money;
import org.ordo.platform.MoneyInput;

/** What a client says about an article when registering or changing it. */
public record ArticleDraft(
        @Schema(example = "TSHIRT-M", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + SKU_PATTERN + "$",
                maxLength = 64, description = "when changing an article: the one in the path") String sku,
        @Schema(example = "PHYSICAL", requiredMode = Schema.RequiredMode.REQUIRED) ArticleType type,
        @Schema(example = "{\"de\":\"T-Shirt M\",\"en\":\"T-shirt M\"}", requiredMode = Schema.RequiredMode.REQUIRED,
                description = "per locale (de, en, es, ko), 1-" + NAME + " characters each", minProperties = 1,
                maxProperties = 4) Map<String, String> name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) MoneyInput price,
        @Schema(example = "19", description = "percent, 0 to 100, at most 3 decimals", requiredMode = Schema.RequiredMode.REQUIRED,
                pattern = Numbers.DECIMAL, maxLength = Numbers.MAX_LENGTH) String taxRate,
        @Schema(description = "true when price is gross (consumer shops); default false (net)") Boolean priceIncludesTax,
        @Schema(example = "250", minimum = "0", maximum = "" + MAX_WEIGHT) Integer weightGrams,
        Boolean backorderable,
        Boolean active,
        @Schema(example = "4006381333931", pattern = "^[0-9]{8,14}$", maxLength = 14, description = "GTIN/EAN (8, 12, 13 or 14 digits, check digit verified); "
                + "EDI partners order by it") String gtin,
        @Schema(description = "false: customers cannot send it back (hygiene articles, made to measure); "
                + "default true. Digital articles can never be returned once downloaded") Boolean returnable) {

    static final String SKU_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    static final int NAME = 200;
    static final int MAX_WEIGHT = 10_000_000;

    /** Checks every field and names each one that is wrong; returns the checked price and tax rate. */
    Checked check() {
        List<FieldError> errors = new ArrayList<>();
        if (sku == null || !sku.matches(SKU_PATTERN)) {
            errors.add(new FieldError("sku", "is required: 1-64 letters, digits, '.', '_' or '-'"));
        }
        if (type == null) {
            errors.add(new FieldError("type", "is required: PHYSICAL or DIGITAL"));
        }
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "needs at least one locale, e.g. {\"en\":\"...\"}"));
        } else {
            name.forEach((locale, text) -> {
                if (!Locales.isSupported(locale)) {
                    errors.add(new FieldError("name." + locale, "locale must be one of " + Locales.SUPPORTED));
                } else if (text == null || text.isBlank() || text.length() > NAME) {
                    errors.add(new FieldError("name." + locale, "must be 1-" + NAME + " characters"));
                }
            });
        }
        Money money = null;
        if (price == null) {
            errors.add(new FieldError("price", "is required"));
        } else {
            try {
                money = price.toMoney("price");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        BigDecimal rate = null;
        if (taxRate == null || taxRate.isBlank()) {
            errors.add(new FieldError("taxRate", "is required (percent, e.g. \"19\")"));
        } else {
            String fault = Numbers.fault(taxRate, 3);
            if (fault != null) {
                errors.add(new FieldError("taxRate", fault));
            } else {
                rate = new BigDecimal(taxRate);
                if (rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError("taxRate", "must be a percentage from 0 to 100"));
                }
            }
        }
        if (weightGrams != null && (weightGrams < 0 || weightGrams > MAX_WEIGHT)) {
            errors.add(new FieldError("weightGrams", "must be between 0 and " + MAX_WEIGHT));
        }
        if (type == ArticleType.DIGITAL && Boolean.TRUE.equals(backorderable)) {
            errors.add(new FieldError("backorderable", "digital articles are never out of stock"));
        }
        if (type == ArticleType.DIGITAL && Boolean.TRUE.equals(returnable)) {
            errors.add(new FieldError("returnable", "digital articles cannot be returned once downloaded"));
        }
        if (gtin != null && !Gtin.isValid(gtin)) {
            errors.add(new FieldError("gtin", "must be 8, 12, 13 or 14 digits with a correct check digit"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(money, rate);
    }

    record Checked(Money price, BigDecimal taxRate) {
    }
}
