package org.ordo.platform;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers taken exactly as written or refused (invariant 8 in docs/design.md): plain digits with an
 * optional point and at most the allowed decimals; no exponent ({@code 1e2}), no sign, no spaces, no grouping.
 * Money amounts, credit limits and rates all come through here, so {@code 1e2} or {@code 1.123456} can never be
 * booked as 100.00 or stored as 1.12; whole numbers typed into forms or files too ({@code 1.5} is not 1). JSON
 * quantities are JSON integers, refused otherwise by {@link StrictJson}.
 */
public final class Numbers {

    /** At most 13 digits before the point: more than any order or price, and what every amount column holds. */
    public static final int MAX_INTEGER_DIGITS = 13;
    /** The longest decimal string read at all (leading zeros included); the OpenAPI document states it. */
    public static final int MAX_LENGTH = 60;
    /** What a decimal string looks like, as the OpenAPI document states it; {@link #fault} adds the limits. */
    public static final String DECIMAL = "^[0-9]+(\\.[0-9]+)?$";

    private static final Pattern PLAIN = Pattern.compile("[0-9]{1,40}(\\.[0-9]{1,40})?");
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");

    private Numbers() {
    }

    /** A non-negative amount with at most {@code maxDecimals} decimals, e.g. money at a currency's minor units. */
    public static BigDecimal amount(String field, String text, int maxDecimals) {
        Wording fault = fault(text, maxDecimals);
        if (fault != null) {
            throw new InvalidInputException(field, fault);
        }
        return new BigDecimal(text);
    }

    /** A rate such as a tax percentage: a plain decimal with at most {@code maxDecimals} decimals in [min, max]. */
    public static BigDecimal rate(String field, String text, int maxDecimals, BigDecimal min, BigDecimal max) {
        BigDecimal rate = amount(field, text, maxDecimals);
        if (rate.compareTo(min) < 0 || rate.compareTo(max) > 0) {
            throw new InvalidInputException(field,
                    Wording.of("platform.must_be_from_to", min.toPlainString(), max.toPlainString()));
        }
        return rate;
    }

    /**
     * A whole number as typed into a form or a file: ASCII digits, a minus sign only where {@code signed}; no
     * decimals, exponent, plus sign, spaces or digits of other scripts.
     */
    public static long whole(String field, String text, boolean signed) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field, Wording.of("platform.is_required_a_whole_number"));
        }
        if (!WHOLE.matcher(text).matches() || (!signed && text.startsWith("-"))) {
            throw new InvalidInputException(field, signed ? Wording.of("platform.whole_signed")
                    : Wording.of("platform.whole_unsigned"));
        }
        return Long.parseLong(text);
    }

    /**
     * A whole number as typed by the rule of {@link #whole} (ASCII digits, a leading minus sign allowed), or null
     * when the text is none: for a form that shows its own refusal. {@code Long.parseLong} would take {@code ٣} or
     * full-width {@code ３} as 3; this never does.
     */
    public static Long wholeOrNull(String text) {
        return text != null && WHOLE.matcher(text).matches() ? Long.valueOf(text) : null;
    }

    /** {@link #whole} within the range of an {@code int}; larger is refused as too large. */
    public static int wholeInt(String field, String text, boolean signed) {
        long value = whole(field, text, signed);
        if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
            throw new InvalidInputException(field, Wording.of("platform.is_too_large"));
        }
        return (int) value;
    }

    /** What is wrong with the text as a plain non-negative decimal, or null when it may be taken. */
    public static Wording fault(String text, int maxDecimals) {
        if (text == null || text.isEmpty()) {
            return Wording.of("platform.is_required");
        }
        if (text.length() > MAX_LENGTH) {
            return Wording.of("platform.number_too_long");
        }
        if (text.chars().anyMatch(Character::isWhitespace)) {
            return Wording.of("platform.number_spaces");
        }
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            return Wording.of("platform.number_sign");
        }
        if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
            return Wording.of("platform.number_exponent");
        }
        if (!PLAIN.matcher(text).matches()) {
            return Wording.of("platform.number_form");
        }
        int point = text.indexOf('.');
        int decimals = point < 0 ? 0 : text.length() - point - 1;
        if (decimals > maxDecimals) {
            return maxDecimals == 0 ? Wording.of("platform.number_no_decimals")
                    : Wording.of("platform.number_decimals", maxDecimals);
        }
        String integer = (point < 0 ? text : text.substring(0, point)).replaceFirst("^0+(?=.)", "");
        if (integer.length() > MAX_INTEGER_DIGITS) {
            return Wording.of("platform.is_too_large");
        }
        return null;
    }
}
