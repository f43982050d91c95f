package org.ordo.promise.internal;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * The region of a destination, for its regional holidays: the one the caller names, else in Germany the state of
 * the postal code's first two digits where those lie in one state only (elsewhere no region is assumed, and only
 * nationwide holidays count).
 */
public final class Destinations {

    public static final Pattern REGION = Pattern.compile("[A-Z0-9]{1,3}");

    private static final Map<String, String> GERMAN_STATES = Map.ofEntries(
            Map.entry("10", "BE"), Map.entry("12", "BE"), Map.entry("13", "BE"),
            Map.entry("40", "NW"), Map.entry("41", "NW"), Map.entry("42", "NW"), Map.entry("44", "NW"),
            Map.entry("45", "NW"), Map.entry("46", "NW"), Map.entry("47", "NW"), Map.entry("48", "NW"),
            Map.entry("50", "NW"), Map.entry("51", "NW"), Map.entry("52", "NW"), Map.entry("53", "NW"),
            Map.entry("60", "HE"), Map.entry("65", "HE"),
            Map.entry("70", "BW"), Map.entry("71", "BW"), Map.entry("73", "BW"), Map.entry("74", "BW"),
            Map.entry("75", "BW"), Map.entry("76", "BW"), Map.entry("77", "BW"), Map.entry("78", "BW"),
            Map.entry("79", "BW"),
            Map.entry("80", "BY"), Map.entry("81", "BY"), Map.entry("82", "BY"), Map.entry("83", "BY"),
            Map.entry("84", "BY"), Map.entry("85", "BY"), Map.entry("86", "BY"), Map.entry("87", "BY"),
            Map.entry("90", "BY"), Map.entry("91", "BY"), Map.entry("92", "BY"), Map.entry("93", "BY"),
            Map.entry("94", "BY"), Map.entry("95", "BY"), Map.entry("96", "BY"));

    private Destinations() {
    }

    public static Schedule.Destination of(String country, String postalCode, String region) {
        if (region != null && REGION.matcher(region).matches()) {
            return new Schedule.Destination(country, region);
        }
        if ("DE".equals(country) && postalCode != null && postalCode.length() == 5) {
            return new Schedule.Destination(country, GERMAN_STATES.get(postalCode.substring(0, 2)));
        }
        return new Schedule.Destination(country, null);
    }
}
