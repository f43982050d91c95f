package org.ordo.mailroom.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds order lines in text as people write it (a mail, an order form read from a PDF or by OCR): on each line, a
 * word that is a known SKU or GTIN, and the quantity beside it ("3 x TSHIRT-M", "TSHIRT-M 3 Stk", "4006381333931
 * qty 2"); a line that names an article but no quantity is one unit. Only what the catalog knows counts; the lines
 * are a draft that a person checks.
 */
public final class OrderLinesInText {

    /** A line found: the SKU and how many, and the text line it stands on (1-based). */
    public record Found(String sku, long quantity, int line) {
    }

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._/-]*[\\p{L}\\p{N}]|\\p{N}");
    // "3", "3x", "x3", "3stk", "3pcs", "3st" — a quantity beside an article
    private static final Pattern QUANTITY = Pattern.compile("(?:x)?(\\d{1,5})(?:x|stk|st|pcs|pc|ea|units?)?\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final int MAX_LINES = 2_000;
    private static final int MAX_WORDS = 5_000;
    private static final long MAX_QUANTITY = 10_000;

    private OrderLinesInText() {
    }

    /** The words of the text that could be article numbers (SKUs or GTINs), for the caller to look up at once. */
    public static Set<String> candidates(String text) {
        Set<String> words = new LinkedHashSet<>();
        for (String line : lines(text)) {
            Matcher word = WORD.matcher(line);
            while (word.find()) {
                String w = word.group();
                if (words.size() >= MAX_WORDS) {
                    return words;
                }
                if (w.length() >= 3 && w.length() <= 64) {
                    words.add(w);
                    words.add(w.toUpperCase(Locale.ROOT));
                }
            }
        }
        return words;
    }

    /**
     * The lines found. {@code known} maps each candidate word that names an article to its SKU (by SKU or GTIN).
     * The same SKU found twice is one line with the quantities added.
     */
    public static List<Found> find(String text, Function<Set<String>, Map<String, String>> known) {
        Map<String, String> skus = known.apply(candidates(text));
        Map<String, Found> found = new LinkedHashMap<>();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            List<String> words = new ArrayList<>();
            Matcher word = WORD.matcher(lines.get(i));
            while (word.find()) {
                words.add(word.group());
            }
            for (int w = 0; w < words.size(); w++) {
                String sku = skus.get(words.get(w));
                if (sku == null) {
                    sku = skus.get(words.get(w).toUpperCase(Locale.ROOT));
                }
                if (sku == null) {
                    continue;
                }
                long quantity = quantityBeside(words, w, skus);
                Found before = found.get(sku);
                found.put(sku, new Found(sku, Math.min(MAX_QUANTITY,
                        before == null ? quantity : before.quantity() + quantity), before == null ? i + 1 : before.line()));
            }
        }
        return List.copyOf(found.values());
    }

    /**
     * The nearest number beside the article's word, after it first ("Pos 1: SKU 3 Stk", "SKU x 2"), then before
     * ("3 x SKU"); else 1.
     */
    private static long quantityBeside(List<String> words, int at, Map<String, String> skus) {
        for (int distance = 1; distance <= 3; distance++) {
            for (int w : new int[] {at + distance, at - distance}) {
                if (w < 0 || w >= words.size() || skus.containsKey(words.get(w))) {
                    continue;
                }
                Matcher quantity = QUANTITY.matcher(words.get(w));
                if (quantity.matches()) {
                    long q = Long.parseLong(quantity.group(1));
                    if (q >= 1 && q <= MAX_QUANTITY) {
                        return q;
                    }
                }
            }
        }
        return 1;
    }

    private static List<String> lines(String text) {
        List<String> lines = text == null ? List.of() : List.of(text.split("\\R", MAX_LINES + 1));
        return lines.size() > MAX_LINES ? lines.subList(0, MAX_LINES) : lines;
    }
}
