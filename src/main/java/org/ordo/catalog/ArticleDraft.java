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
import org.ordo.platform.Wording;

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
            errors.add(new FieldError("sku", Wording.of("catalog.is_required_1_64_letters_digits")));
        }
        if (type == null) {
            errors.add(new FieldError("type", Wording.of("catalog.is_required_physical_or_digital")));
        }
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", Wording.of("catalog.needs_at_least_one_locale_e")));
        } else {
            name.forEach((locale, text) -> {
                if (!Locales.isSupported(locale)) {
                    errors.add(new FieldError("name." + locale, Wording.of("catalog.locale_must_be_one_of",
                            Locales.SUPPORTED)));
                } else if (text == null || text.isBlank() || text.length() > NAME) {
                    errors.add(new FieldError("name." + locale, Wording.of("catalog.must_be_1_characters", NAME)));
                }
            });
        }
        Money money = null;
        if (price == null) {
            errors.add(new FieldError("price", Wording.of("platform.is_required")));
        } else {
            try {
                money = price.toMoney("price");
            } catch (InvalidInputException e) {
                errors.addAll(e.errors());
            }
        }
        BigDecimal rate = null;
        if (taxRate == null || taxRate.isBlank()) {
            errors.add(new FieldError("taxRate", Wording.of("catalog.is_required_percent_e_g_19")));
        } else {
            Wording fault = Numbers.fault(taxRate, 3);
            if (fault != null) {
                errors.add(new FieldError("taxRate", fault));
            } else {
                rate = new BigDecimal(taxRate);
                if (rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                    errors.add(new FieldError("taxRate", Wording.of("catalog.must_be_a_percentage_from_0")));
                }
            }
        }
        if (weightGrams != null && (weightGrams < 0 || weightGrams > MAX_WEIGHT)) {
            errors.add(new FieldError("weightGrams", Wording.of("platform.must_be_between_0_and", MAX_WEIGHT)));
        }
        if (type == ArticleType.DIGITAL && Boolean.TRUE.equals(backorderable)) {
            errors.add(new FieldError("backorderable", Wording.of("catalog.digital_articles_are_never_out_of")));
        }
        if (type == ArticleType.DIGITAL && Boolean.TRUE.equals(returnable)) {
            errors.add(new FieldError("returnable", Wording.of("catalog.digital_articles_cannot_be_returned_once")));
        }
        if (gtin != null && !Gtin.isValid(gtin)) {
            errors.add(new FieldError("gtin", Wording.of("catalog.must_be_8_12_13_or")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(money, rate);
    }

    record Checked(Money price, BigDecimal taxRate) {
    }
}
