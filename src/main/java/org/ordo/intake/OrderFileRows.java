package org.ordo.intake;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ordo.catalog.Catalog;
import org.ordo.ordering.Channel;
import org.ordo.ordering.OrderManagement;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.CustomerDraft;
import org.ordo.platform.Address;
import org.ordo.platform.FieldError;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Component;

/**
 * Order files: one row per line, the rows of one order share its reference. The order-level fields (customer,
 * address, currency, payment) are read from the order's first row; without a customer name, the name shipped to
 * is the customer's. Each order is placed through
 * {@link OrderManagement#place} on channel {@code file} with the external reference {@code source/reference}.
 */
@Component
class OrderFileRows implements FileRows {

    /** source (at most 64) + "/" + reference fits an order's external reference (at most 100). */
    static final int MAX_REFERENCE = 35;
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.?(.*)");

    private final OrderManagement orders;
    private final Catalog catalog;

    OrderFileRows(OrderManagement orders, Catalog catalog) {
        this.orders = orders;
        this.catalog = catalog;
    }

    @Override
    public ImportKind kind() {
        return ImportKind.ORDERS;
    }

    @Override
    public List<FileImport.RowError> check(List<Row> rows, Function<String, String> columnOf) {
        List<FileImport.RowError> errors = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (Row row : rows) {
            String reference = row.value("reference");
            if (reference == null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("reference"),
                        Wording.of("intake.is_required_the_reference")));
            } else if (reference.length() > MAX_REFERENCE) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("reference"),
                        Wording.of("intake.must_be_1_to_characters", MAX_REFERENCE)));
            }
            if (row.value("sku") == null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("sku"),
                        Wording.of("platform.is_required")));
            } else {
                skus.add(row.value("sku"));
            }
            Wording quantity = FileRows.wholeFault(row.value("quantity"), 1, 999_999);
            if (quantity != null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("quantity"), quantity));
            }
            String customerId = row.value("customerId");
            if (customerId != null && uuid(customerId) == null) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("customerId"),
                        Wording.of("intake.must_be_a_customer_id")));
            }
        }
        Set<String> known = catalog.findAll(skus).keySet();
        for (Row row : rows) {
            String sku = row.value("sku");
            if (sku != null && !known.contains(sku)) {
                errors.add(new FileImport.RowError(row.rowNo(), columnOf.apply("sku"),
                        Wording.of("intake.names_no_article", sku)));
            }
        }
        return errors;
    }

    @Override
    public Made make(Unit unit) {
        Row first = unit.rows().get(0);
        CustomerDraft customer = first.value("customerEmail") == null ? null
                : CustomerDraft.contact(first.value("customerEmail"), first.value("customerName") != null
                        ? first.value("customerName") : first.value("shipName"), first.value("locale"));
        Address shipTo = first.values().keySet().stream().anyMatch(f -> f.startsWith("ship"))
                ? new Address(first.value("shipName"), first.value("shipCompany"), first.value("shipStreet"),
                        first.value("shipStreet2"), first.value("shipPostalCode"), first.value("shipCity"),
                        first.value("shipRegion"), first.value("shipCountry"), first.value("shipPhone"))
                : null;
        int last = unit.rows().get(unit.rows().size() - 1).rowNo();
        String note = first.value("note") != null ? first.value("note")
                : "file " + unit.fileName() + (first.rowNo() == last ? ", row " + last
                        : ", rows " + first.rowNo() + "-" + last);
        PlaceOrder command = new PlaceOrder(Channel.FILE.code(), unit.source() + "/" + unit.key(),
                uuid(first.value("customerId")), customer, shipTo, null, first.value("currency"),
                first.value("paymentMethod"), null, note, unit.rows().stream()
                        .map(r -> new PlaceOrder.Line(r.value("sku"), Long.parseLong(r.value("quantity")))).toList());
        OrderView order = orders.place(command, new PlaceOrder.Source(unit.documentId(), unit.actor()));
        return new Made("ORDER", order.id());
    }

    @Override
    public FileImport.RowError locate(FieldError error, List<Row> rows, Function<String, String> columnOf) {
        String field = error.field();
        Matcher line = LINE_FIELD.matcher(field);
        if (line.matches()) {
            int index = Integer.parseInt(line.group(1));
            Row row = rows.get(Math.min(index, rows.size() - 1));
            String column = line.group(2).isEmpty() ? null : columnOf.apply(line.group(2));
            return FileRows.located(row.rowNo(), column, error, false);
        }
        String ours = switch (field) {
            case "externalRef" -> "reference";
            case "customer.email" -> "customerEmail";
            case "customer.name" -> "customerName";
            case "customer.locale" -> "locale";
            case "customerId", "currency", "paymentMethod", "note" -> field;
            default -> field.startsWith("shippingAddress.")
                    ? "ship" + Character.toUpperCase(field.charAt(16)) + field.substring(17) : null;
        };
        return FileRows.located(rows.get(0).rowNo(), ours == null ? null : columnOf.apply(ours), error, ours == null);
    }

    static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        try {
            return text.length() == 36 ? UUID.fromString(text) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
