package org.ordo.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.FieldError;
import org.ordo.platform.Wording;
import org.ordo.space.BinDraft;
import org.ordo.space.SpaceManagement;
import org.springframework.stereotype.Component;

/**
 * Bin files: one row per bin of a warehouse (location, code, pick sequence, inner dimensions, capacities, home SKU),
 * each set up through {@link SpaceManagement#setUpBin} with its rules, as {@code PUT .../bins/{code}} would. A
 * bin already there is changed to what the row says; the same file again changes nothing (idempotent per file).
 */
@Component
class BinFileRows implements FileRows {

    /** The bin code rule of the bins API. */
    private static final String CODE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,31}";
    private static final List<String> WHOLE = List.of("pickSequence", "lengthMm", "widthMm", "heightMm",
            "maxWeightGrams", "palletPlaces", "unitLimitPerSku");

    private final InventoryManagement inventory;
    private final SpaceManagement space;

    BinFileRows(InventoryManagement inventory, SpaceManagement space) {
        this.inventory = inventory;
        this.space = space;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.BINS;
    }

    @Override
    public List<FileImport.RowError> check(List<Row> rows, Function<String, String> columnOf) {
        List<FileImport.RowError> errors = new ArrayList<>();
        Set<String> own = inventory.locations().stream().filter(l -> l.active() && !l.external())
                .map(Location::code).collect(Collectors.toSet());
        for (Row row : rows) {
            String location = row.value("location");
            if (location == null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("location"),
                        Wording.of("platform.is_required")));
            } else if (!own.contains(location)) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("location"),
                        Wording.of("intake.names_no_own_warehouse", location)));
            }
            String code = row.value("code");
            if (code == null || !code.matches(CODE)) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("code"),
                        Wording.of("intake.is_required_a_bin_code")));
            }
            for (String field : WHOLE) {
                String value = row.value(field);
                if (value != null || field.equals("pickSequence")) {
                    Wording fault = FileRows.wholeFault(value, field.equals("pickSequence") ? 0 : 1, 999_999_999);
                    if (fault != null) {
                        errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply(field), fault));
                    }
                }
            }
        }
        return errors;
    }

    @Override
    public String key(String unit, Map<String, String> firstRow, String fileSha256) {
        // per file: another file may change a bin again (a re-racked aisle); the same file twice changes nothing
        return unit + "/file:" + fileSha256;
    }

    @Override
    public Made make(Unit unit) {
        Row row = unit.rows().get(0);
        space.setUpBin(row.value("location"), row.value("code"), new BinDraft(whole(row, "pickSequence"),
                whole(row, "lengthMm"), whole(row, "widthMm"), whole(row, "heightMm"), wholeLong(row, "maxWeightGrams"),
                whole(row, "palletPlaces"), wholeLong(row, "unitLimitPerSku"), row.value("homeSku")));
        return new Made("BIN", null);
    }

    @Override
    public FileImport.RowError locate(FieldError error, List<Row> rows, Function<String, String> columnOf) {
        String field = ImportKind.BINS.fields().contains(error.field()) ? error.field() : null;
        return FileRows.located(rows.get(0).rowNo(), field == null ? null : columnOf.apply(field), error,
                field == null);
    }

    private static Integer whole(Row row, String field) {
        return row.value(field) == null ? null : Integer.valueOf(row.value(field));
    }

    private static Long wholeLong(Row row, String field) {
        return row.value(field) == null ? null : Long.valueOf(row.value(field));
    }
}
