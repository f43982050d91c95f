package org.ordo.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.ordo.platform.Locales;
import org.ordo.platform.Money;

/**
 * An article as sold. {@code price} is net unless {@code priceIncludesTax}; {@code taxRate} is a percentage;
 * {@code returnable} false: customers cannot send it back (hygiene articles, made to measure).
 */
public record Article(UUID id, String sku, ArticleType type, Map<String, String> name, Money price,
        BigDecimal taxRate, boolean priceIncludesTax, Integer weightGrams, boolean backorderable, boolean active,
        Instant createdAt, Instant updatedAt, String gtin, boolean returnable) {

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isPhysical() {
        return type == ArticleType.PHYSICAL;
    }

    public String nameIn(String locale) {
        return Locales.pick(name, locale);
    }
}
