package org.ordo.backoffice.web;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.TreeSet;
import java.util.UUID;

import org.ordo.fulfillment.PickList;
import org.ordo.platform.pdf.PdfDocument;
import org.ordo.platform.pdf.PdfDocument.Column;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A pick list on paper: one row per bin and SKU with the article's name, the quantity still to pick and the orders it
 * is for, in the order of the lines, which are numbered along the bins' pick path, so that the picker walks the
 * shelves once; lines whose SKU no bin holds come last, by SKU, with an empty bin. Only open lines are printed: what
 * is picked or void needs no walk.
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
    record Row(String bin, String sku, String name, long quantity, List<String> orders) {
    }

    /** The rows of the open lines, grouped by bin and SKU along the pick path; order numbers each once, ascending. */
    static List<Row> rows(PickList list, Map<String, String> names) {
        Map<List<String>, Long> quantities = new LinkedHashMap<>();
        Map<List<String>, TreeSet<String>> orders = new LinkedHashMap<>();
        list.lines().stream().filter(l -> "OPEN".equals(l.status()))
                .sorted(java.util.Comparator.comparingInt(PickList.Line::lineNo)).forEach(line -> {
                    List<String> key = List.of(line.bin() == null ? "" : line.bin(), line.sku());
                    quantities.merge(key, line.quantity(), Long::sum);
                    orders.computeIfAbsent(key, k -> new TreeSet<>()).add(line.orderNumber());
                });
        List<Row> rows = new ArrayList<>();
        quantities.forEach((key, quantity) -> rows.add(new Row(key.get(0), key.get(1),
                names.getOrDefault(key.get(1), ""), quantity, List.copyOf(orders.get(key)))));
        return rows;
    }

    byte[] render(PickList list, Map<String, String> names, Locale locale) {
        String title = text("warehouse.pdf.title", locale, list.number());
        List<List<String>> cells = rows(list, names).stream().map(r -> List.of(r.bin(), r.sku(), r.name(),
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
            document.table(List.of(Column.left(text("space.bin", locale), 1.2),
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
