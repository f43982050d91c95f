package org.ordo.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.ordo.intake.internal.SenderTemplates;
import org.ordo.ordering.PlaceOrder;
import org.ordo.platform.Address;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Order forms of known senders, learned from the corrections people confirm (docs/intake.md, "Order forms learned
 * per sender"). When an agent confirms a mail's or a scan's order, Ordo looks up, for each field the agent filled
 * (the order reference, the shipping address's name, company, street, postal code, city, country), where its value
 * stands in the text that was read: after a label on the same line ({@code Bestellnummer: PO-4711}), as the first
 * word after it ({@code PLZ: 80331 München}), or on the line after a label line ({@code Lieferadresse:}). That place
 * is kept per sender and field, the newest correction winning. The next draft from the same sender fills those
 * fields from the same places; a person still checks and confirms it.
 */
@Service
public class OrderFormTemplates {

    /** The longest label kept: a form's field label, not a sentence. */
    static final int MAX_LABEL = 60;
    /** The longest value filled from a form. */
    static final int MAX_VALUE = 200;

    /** Where a value stands relative to its label. */
    public enum Place {
        /** the rest of the label's line */
        SAME_LINE,
        /** the first word after the label on its line */
        FIRST_WORD,
        /** the next line with text after a line that is only the label */
        NEXT_LINE
    }

    /** A field's place in a sender's form. */
    public record Rule(String field, String label, Place place) {
    }

    /** A draft with the fields a sender's form filled ({@code filled}: their names, empty when none). */
    public record Filled(PlaceOrder draft, List<String> filled) {
    }

    private final SenderTemplates templates;

    OrderFormTemplates(SenderTemplates templates) {
        this.templates = templates;
    }

    /**
     * Learns the sender's form from an order a person confirmed from {@code text}: the place of each field whose
     * value is found in the text. Returns the fields learned.
     */
    @Transactional
    public List<String> learn(String sender, String text, PlaceOrder confirmed) {
        if (sender == null || sender.isBlank() || text == null || text.isBlank() || confirmed == null) {
            return List.of();
        }
        List<String> learned = new ArrayList<>();
        values(confirmed).forEach((field, value) -> locate(text, value).ifPresent(rule -> {
            templates.keep(normal(sender), field, rule.label(), rule.place().name());
            learned.add(field);
        }));
        return learned;
    }

    /** The sender's form as learned, by field. */
    public List<Rule> rules(String sender) {
        if (sender == null || sender.isBlank()) {
            return List.of();
        }
        return templates.of(normal(sender)).stream()
                .map(r -> new Rule(r.field(), r.label(), Place.valueOf(r.place()))).toList();
    }

    /** Fills the draft's fields from the places the sender's form has them; what is not found stays as it was. */
    public Filled fill(String sender, String text, PlaceOrder draft) {
        if (draft == null || text == null) {
            return new Filled(draft, List.of());
        }
        Map<String, String> found = new LinkedHashMap<>();
        for (Rule rule : rules(sender)) {
            read(text, rule).ifPresent(value -> found.put(rule.field(), value));
        }
        if (found.isEmpty()) {
            return new Filled(draft, List.of());
        }
        Address a = draft.shippingAddress() != null ? draft.shippingAddress()
                : new Address(null, null, null, null, null, null, null, null, null);
        Address address = new Address(found.getOrDefault("name", a.name()), found.getOrDefault("company", a.company()),
                found.getOrDefault("street", a.street()), a.street2(), found.getOrDefault("postalCode", a.postalCode()),
                found.getOrDefault("city", a.city()), a.region(), found.getOrDefault("country", a.country()),
                a.phone());
        boolean addressFilled = found.keySet().stream().anyMatch(f -> !f.equals("externalRef"));
        PlaceOrder filled = new PlaceOrder(draft.channel(), found.getOrDefault("externalRef", draft.externalRef()),
                draft.customerId(), draft.customer(), addressFilled ? address : draft.shippingAddress(),
                draft.billingAddress(), draft.currency(), draft.paymentMethod(), draft.promisedAt(), draft.note(),
                draft.lines());
        return new Filled(filled, List.copyOf(found.keySet()));
    }

    private static Map<String, String> values(PlaceOrder order) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("externalRef", order.externalRef());
        Address a = order.shippingAddress();
        if (a != null) {
            values.put("name", a.name());
            values.put("company", a.company());
            values.put("street", a.street());
            values.put("postalCode", a.postalCode());
            values.put("city", a.city());
            values.put("country", a.country());
        }
        values.values().removeIf(v -> v == null || v.isBlank());
        values.replaceAll((field, value) -> value.strip());
        return values;
    }

    /** Where the value stands in the text, after a label; empty when it is not there or stands without a label. */
    static Optional<Rule> locate(String text, String value) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int at = line.indexOf(value);
            if (at < 0) {
                continue;
            }
            String label = line.substring(0, at).strip();
            String after = line.substring(at + value.length());
            if (label(label)) {
                if (after.isBlank()) {
                    return Optional.of(new Rule(null, label, Place.SAME_LINE));
                }
                if (!value.contains(" ") && Character.isWhitespace(after.charAt(0))) {
                    return Optional.of(new Rule(null, label, Place.FIRST_WORD));
                }
            }
            if (label.isEmpty() && after.isBlank()) {
                for (int j = i - 1; j >= 0; j--) {
                    if (!lines[j].isBlank()) {
                        String previous = lines[j].strip();
                        if (label(previous)) {
                            return Optional.of(new Rule(null, previous, Place.NEXT_LINE));
                        }
                        break;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The value at the rule's place in this text. */
    static Optional<String> read(String text, Rule rule) {
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (rule.place() == Place.NEXT_LINE) {
                if (!line.equals(rule.label())) {
                    continue;
                }
                for (int j = i + 1; j < lines.length; j++) {
                    if (!lines[j].isBlank()) {
                        return value(lines[j].strip());
                    }
                }
                return Optional.empty();
            }
            if (!line.startsWith(rule.label())) {
                continue;
            }
            String rest = line.substring(rule.label().length()).strip();
            if (rule.place() == Place.FIRST_WORD) {
                rest = rest.split("\\s+", 2)[0];
            }
            return value(rest);
        }
        return Optional.empty();
    }

    private static Optional<String> value(String text) {
        return text.isEmpty() || text.length() > MAX_VALUE ? Optional.empty() : Optional.of(text);
    }

    /** A label: a few words with a letter, not a sentence. */
    private static boolean label(String text) {
        return !text.isEmpty() && text.length() <= MAX_LABEL && text.codePoints().anyMatch(Character::isLetter);
    }

    private static String normal(String sender) {
        return sender.strip().toLowerCase(Locale.ROOT);
    }
}
