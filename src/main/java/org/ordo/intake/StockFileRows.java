package org.ordo.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.Receipt;
import org.ordo.platform.FieldError;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Component;

/**
 * Opening stock: one row per SKU and location, put on hand through the inventory's receipt ({@link
 * InventoryManagement#receive}: a RECEIPT movement in the ledger). Idempotent per SKU, location and reference, or
 * per file when the row names no reference.
 */
@Component
class StockFileRows implements FileRows {

    static final String OPENING_STOCK = "opening stock";

    private final InventoryManagement inventory;
    private final Catalog catalog;

    StockFileRows(InventoryManagement inventory, Catalog catalog) {
        this.inventory = inventory;
        this.catalog = catalog;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.STOCK;
    }

    @Override
    public List<FileImport.RowError> check(List<Row> rows, Function<String, String> columnOf) {
        List<FileImport.RowError> errors = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        rows.forEach(r -> {
            if (r.value("sku") != null) {
                skus.add(r.value("sku"));
            }
        });
        Set<String> known = catalog.findAll(skus).keySet();
        Set<String> locations = inventory.locations().stream().filter(Location::active).map(Location::code)
                .collect(Collectors.toSet());
        for (Row row : rows) {
            String sku = row.value("sku");
            if (sku == null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("sku"),
                        Wording.of("platform.is_required")));
            } else if (!known.contains(sku)) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("sku"),
                        Wording.of("intake.names_no_article", sku)));
            }
            String location = row.value("location");
            if (location == null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("location"),
                        Wording.of("platform.is_required")));
            } else if (!locations.contains(location)) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("location"),
                        Wording.of("intake.names_no_active_location", location)));
            }
            Wording quantity = FileRows.wholeFault(row.value("quantity"), 1, 999_999_999);
            if (quantity != null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("quantity"), quantity));
            }
            if (row.value("reference") != null && row.value("reference").length() > 100) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("reference"),
                        Wording.of("platform.must_be_at_most_characters", 100)));
            }
        }
        return errors;
    }

    @Override
    public String key(String unit, Map<String, String> firstRow, String fileSha256) {
        String reference = firstRow.get("reference");
        return unit + "/" + (reference != null ? "reference:" + reference : "file:" + fileSha256);
    }

    @Override
    public Made make(Unit unit) {
        Row row = unit.rows().get(0);
        inventory.receive(new Receipt(row.value("sku"), row.value("location"), Long.valueOf(row.value("quantity")),
                row.value("reference") != null ? row.value("reference") : OPENING_STOCK,
                row.value("note") != null ? row.value("note")
                        : OPENING_STOCK + " from " + unit.fileName() + ", row " + row.rowNo()));
        return new Made("STOCK_RECEIPT", null);
    }

    @Override
    public FileImport.RowError locate(FieldError error, List<Row> rows, Function<String, String> columnOf) {
        String field = ImportKind.STOCK.fields().contains(error.field()) ? error.field() : null;
        return FileRows.located(rows.get(0).rowNo(), field == null ? null : columnOf.apply(field), error,
                field == null);
    }
}
