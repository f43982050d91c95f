package org.ordo.backoffice.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.ordo.fulfillment.PickList;
import org.ordo.platform.pdf.PdfDocument;
import org.ordo.platform.pdf.PdfDocument.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A pick list on paper: one row per location and SKU with the article's name, the quantity still to pick and
 * the orders it is for, sorted by location then SKU so that the picker walks the shelves once. Ordo keeps stock
 * per warehouse, not per bin, so the location column is the warehouse's code; a bin would sort before the SKU.
 * Only open lines are printed: what is picked or void needs no walk.
 */
@Component
class PickListPdf {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;

    PickListPdf(MessageSource messages) {
        this.messages = messages;
    }

    /** One row of the printed list. */
    record Row(String location, String sku, String name, long quantity, List<String> orders) {
    }

    /** The rows of the open lines, grouped by location and SKU; order numbers each once, ascending. */
    static List<Row> rows(PickList list, Map<String, String> names) {
        Map<String, Long> quantities = new TreeMap<>();
        Map<String, TreeSet<String>> orders = new TreeMap<>();
        for (PickList.Line line : list.lines()) {
            if ("OPEN".equals(line.status())) {
                quantities.merge(line.sku(), line.quantity(), Long::sum);
                orders.computeIfAbsent(line.sku(), k -> new TreeSet<>()).add(line.orderNumber());
            }
        }
        List<Row> rows = new ArrayList<>();
        quantities.forEach((sku, quantity) -> rows.add(new Row(list.location(), sku, names.getOrDefault(sku, ""),
                quantity, List.copyOf(orders.get(sku)))));
        return rows;
    }

    byte[] render(PickList list, Map<String, String> names, Locale locale) {
        String title = text("warehouse.pdf.title", locale, list.number());
        List<List<String>> cells = rows(list, names).stream().map(r -> List.of(r.location(), r.sku(), r.name(),
                String.valueOf(r.quantity()), String.join(", ", r.orders()))).toList();
        UUID id = UUID.nameUUIDFromBytes(("pick-list:" + list.id() + ":" + locale.getLanguage() + ":"
                + cells.hashCode()).getBytes(StandardCharsets.UTF_8));
        var document = new PdfDocument(new PdfDocument.Info(id, title, "Ordo", list.createdAt(),
                locale.getLanguage()))
                .title(title)
                .addresses(List.of(), List.of(
                        new PdfDocument.Field(text("warehouse.location", locale), list.location()),
                        new PdfDocument.Field(text("warehouse.pickList.createdAt", locale),
                                TIME.format(list.createdAt())),
                        new PdfDocument.Field(text("warehouse.pickList.createdBy", locale), list.createdBy())));
        if (cells.isEmpty()) {
            document.paragraph(text("warehouse.pdf.nothingOpen", locale));
        } else {
            document.table(List.of(Column.left(text("warehouse.location", locale), 1.2),
                    Column.left(text("warehouse.sku", locale), 2), Column.left(text("warehouse.name", locale), 3.5),
                    Column.right(text("warehouse.quantity", locale), 1),
                    Column.left(text("warehouse.orders", locale), 3)), cells);
        }
        return document.footer(List.of(title), text("warehouse.pdf.page", locale)).toBytes();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
