package org.ordo.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.ordo.catalog.Article;
import org.ordo.catalog.ArticleDraft;
import org.ordo.catalog.ArticleType;
import org.ordo.catalog.Catalog;
import org.ordo.platform.FieldError;
import org.ordo.platform.MoneyInput;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Component;

/** Article files: one row per article, registered through {@link Catalog#register} with its rules. */
@Component
class ArticleFileRows implements FileRows {

    private static final List<String> LOCALES = List.of("de", "en", "es", "ko");

    private final Catalog catalog;

    ArticleFileRows(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ARTICLES;
    }

    @Override
    public List<FileImport.RowError> check(List<Row> rows, Function<String, String> columnOf) {
        List<FileImport.RowError> errors = new ArrayList<>();
        for (Row row : rows) {
            for (String field : List.of("sku", "price", "currency", "taxRate")) {
                if (row.value(field) == null) {
                    errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply(field),
                            Wording.of("platform.is_required")));
                }
            }
            if (LOCALES.stream().allMatch(l -> row.value("name." + l) == null)) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("name.en"),
                        Wording.of("intake.needs_a_name")));
            }
            String type = row.value("type");
            if (type != null && !type.equals("PHYSICAL") && !type.equals("DIGITAL")) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("type"),
                        Wording.of("intake.must_be_physical_or_digital")));
            }
            for (String field : List.of("priceIncludesTax", "backorderable")) {
                String value = row.value(field);
                if (value != null && !value.equals("true") && !value.equals("false")) {
                    errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply(field),
                            Wording.of("platform.must_be_true_or_false")));
                }
            }
            if (row.value("weightGrams") != null) {
                Wording fault = FileRows.wholeFault(row.value("weightGrams"), 0, 1_000_000_000);
                if (fault != null) {
                    errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("weightGrams"), fault));
                }
            }
        }
        return errors;
    }

    @Override
    public Made make(Unit unit) {
        Row row = unit.rows().get(0);
        Map<String, String> names = new LinkedHashMap<>();
        for (String locale : LOCALES) {
            if (row.value("name." + locale) != null) {
                names.put(locale, row.value("name." + locale));
            }
        }
        Article article = catalog.register(new ArticleDraft(row.value("sku"),
                row.value("type") == null ? ArticleType.PHYSICAL : ArticleType.valueOf(row.value("type")), names,
                new MoneyInput(row.value("price"), row.value("currency")), row.value("taxRate"),
                bool(row.value("priceIncludesTax")),
                row.value("weightGrams") == null ? null : Integer.valueOf(row.value("weightGrams")),
                bool(row.value("backorderable")), null, row.value("gtin"),
                bool(row.value("returnable"))));
        return new Made("ARTICLE", article.id());
    }

    @Override
    public FileImport.RowError locate(FieldError error, List<Row> rows, Function<String, String> columnOf) {
        String field = switch (error.field()) {
            case "price", "price.amount" -> "price";
            case "price.currency" -> "currency";
            default -> ImportKind.ARTICLES.fields().contains(error.field()) ? error.field() : null;
        };
        return FileRows.located(rows.get(0).rowNo(), field == null ? null : columnOf.apply(field), error,
                field == null);
    }

    private static Boolean bool(String value) {
        return value == null ? null : Boolean.valueOf(value);
    }
}
