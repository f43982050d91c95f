package org.ordo.platform;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * International bank account numbers (ISO 13616): the shape, the length the country's registry entry gives, and the
 * two check digits (ISO 7064 MOD 97-10), so that a mistyped digit is refused before a refund is sent to it.
 */
public final class Ibans {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    /** Lengths from the IBAN registry for the countries Ordo's customers bank in most; others are checked by sum only. */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21), Map.entry("CY", 28),
            Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24),
            Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GR", 27), Map.entry("HR", 21),
            Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26), Map.entry("IT", 27), Map.entry("LI", 21),
            Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31),
            Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27));

    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    private Ibans() {
    }

    /** The IBAN without spaces, in capitals, as it is stored and printed. */
    public static String normalized(String iban) {
        return iban.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    /** Whether {@code iban} (spaces allowed) is an IBAN whose check digits and length are right. */
    public static boolean valid(String iban) {
        String s = normalized(iban);
        if (!SHAPE.matcher(s).matches()) {
            return false;
        }
        Integer length = LENGTHS.get(s.substring(0, 2));
        if (length != null && s.length() != length) {
            return false;
        }
        // the first four characters move to the end, letters become 10..35, and the number leaves 1 by 97
        String moved = s.substring(4) + s.substring(0, 4);
        StringBuilder digits = new StringBuilder(moved.length() * 2);
        for (char c : moved.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }
}
