package org.ordo.intake;

import java.util.List;
import java.util.Map;

import org.ordo.platform.Wording;

/**
 * What a file brings in, with the fields a column can be mapped to. Each kind groups its rows into units that are
 * taken whole or not at all: an order (all rows with one reference), an article (one row per SKU), a stock line
 * (one row per SKU and location), a bin (one row per location and bin code).
 */
public enum ImportKind {

    ORDERS(List.of("reference", "sku", "quantity"), List.of("reference", "sku", "quantity", "customerId",
            "customerEmail", "customerName", "locale", "currency", "paymentMethod", "shipName", "shipCompany",
            "shipStreet", "shipStreet2", "shipPostalCode", "shipCity", "shipRegion", "shipCountry", "shipPhone",
            "note")),
    ARTICLES(List.of("sku", "price", "currency", "taxRate"), List.of("sku", "type", "name.de", "name.en", "name.es",
            "name.ko", "price", "currency", "taxRate", "priceIncludesTax", "weightGrams", "backorderable", "gtin", "returnable")),
    STOCK(List.of("sku", "location", "quantity"), List.of("sku", "location", "quantity", "reference", "note")),
    BINS(List.of("location", "code", "pickSequence"), List.of("location", "code", "pickSequence", "lengthMm",
            "widthMm", "heightMm", "maxWeightGrams", "palletPlaces", "unitLimitPerSku", "homeSku"));

    private final List<String> required;
    private final List<String> fields;

    ImportKind(List<String> required, List<String> fields) {
        this.required = required;
        this.fields = fields;
    }

    /** Fields that must have a column or a default. */
    public List<String> required() {
        return required;
    }

    /** Every field a column can be mapped to, in the order the docs list them. */
    public List<String> fields() {
        return fields;
    }

    /** What one unit is called in refusals ("order", "article", "stock line"), in each language. */
    public Wording unit() {
        return switch (this) {
            case ORDERS -> Wording.of("intake.unit_order");
            case ARTICLES -> Wording.of("intake.unit_article");
            case STOCK -> Wording.of("intake.unit_stock_line");
            case BINS -> Wording.of("intake.unit_bin");
        };
    }

    /** What one unit is called in the log ("order", "article", "stock line"). */
    public String unitName() {
        return switch (this) {
            case ORDERS -> "order";
            case ARTICLES -> "article";
            case STOCK -> "stock line";
            case BINS -> "bin";
        };
    }

    /** The key of the unit a row belongs to, or null when the row lacks it. */
    public String unitOf(Map<String, String> values) {
        return switch (this) {
            case ORDERS -> values.get("reference");
            case ARTICLES -> values.get("sku");
            case STOCK -> values.get("sku") == null || values.get("location") == null ? null
                    : values.get("sku") + "@" + values.get("location");
            case BINS -> values.get("code") == null || values.get("location") == null ? null
                    : values.get("location") + "/" + values.get("code");
        };
    }

    /** Whether several rows may form one unit (an order's lines); otherwise a repeated key is an error. */
    public boolean manyRowsPerUnit() {
        return this == ORDERS;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ImportKind parse(String code) {
        for (ImportKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        return null;
    }
}
