package org.ordo.mailroom.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrderLinesInTextTests {

    private static final Map<String, String> CATALOG = Map.of("TSHIRT-M", "TSHIRT-M", "MUG-01", "MUG-01",
            "4006381333931", "PEN-BLUE");

    private static List<OrderLinesInText.Found> read(String text) {
        return OrderLinesInText.find(text, (Set<String> words) -> {
            Map<String, String> known = new HashMap<>();
            words.forEach(w -> {
                if (CATALOG.containsKey(w)) {
                    known.put(w, CATALOG.get(w));
                }
            });
            return known;
        });
    }

    @Test
    void quantitiesAreReadBesideTheArticleAsPeopleWriteThem() {
        assertThat(read("""
                Hello,
                please send 3 x TSHIRT-M
                Pos 2: MUG-01 2 Stk à 12.50
                4006381333931 qty 5
                Thanks, order 20251201
                """)).containsExactly(new OrderLinesInText.Found("TSHIRT-M", 3, 2),
                new OrderLinesInText.Found("MUG-01", 2, 3), new OrderLinesInText.Found("PEN-BLUE", 5, 4));
    }

    @Test
    void anArticleWithoutAQuantityIsOneUnitAndTheSameArticleTwiceIsAdded() {
        assertThat(read("tshirt-m\nand TSHIRT-M 2x")).containsExactly(new OrderLinesInText.Found("TSHIRT-M", 3, 1));
    }

    @Test
    void textWithoutKnownArticlesFindsNothing() {
        assertThat(read("Call me about 3 x SHIRT tomorrow at 10")).isEmpty();
        assertThat(read("")).isEmpty();
        assertThat(read(null)).isEmpty();
    }
}
