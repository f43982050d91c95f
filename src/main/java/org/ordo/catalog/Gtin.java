package org.ordo.catalog;

/** The GS1 trade item number (GTIN-8, -12, -13, -14, also known as EAN and UPC) and its check digit. */
public final class Gtin {

    private Gtin() {
    }

    /**
     * True for 8, 12, 13 or 14 digits whose last digit is the GS1 check digit: from the right, excluding the check
     * digit, digits are weighted 3, 1, 3, ...; the check digit brings the sum to a multiple of ten.
     */
    public static boolean isValid(String gtin) {
        if (gtin == null || !gtin.matches("[0-9]{8}|[0-9]{12,14}")) {
            return false;
        }
        int sum = 0;
        for (int i = gtin.length() - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (gtin.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10 == gtin.charAt(gtin.length() - 1) - '0';
    }
}
