package org.ordo.platform;

import java.util.List;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Something about a shipping address that a carrier's label cannot carry or that the destination country's rules
 * do not allow (docs/addresses.md). Found by {@link Addresses#check}; an order with one is held (kind
 * {@code ADDRESS}) for a person to correct, never refused and never changed by Ordo.
 *
 * @param kind what is wrong, the key of its translated text ({@code address.problem.<kind>})
 * @param field the address field it concerns ({@code postalCode}, {@code street}, {@code region})
 * @param value what the address says there (null when the field is empty)
 * @param expected what would fit: an example postal code, or the carrier that cannot deliver there
 */
@Schema(name = "AddressProblem")
public record AddressProblem(Kind kind, String field, String value, String expected) {

    /** What can be wrong with an address beyond the fields every address needs. */
    public enum Kind {
        /** the postal code does not have the destination country's format */
        POSTAL_CODE_FORMAT,
        /** a field the destination country's labels need (the state of a US address) is empty */
        REGION_MISSING,
        /** the street lines carry no house number where the country's addresses have one */
        HOUSE_NUMBER_MISSING,
        /** a PO box, and the carrier does not deliver to PO boxes */
        PO_BOX,
        /** a parcel locker or post-office pickup, and the carrier does not deliver there */
        PARCEL_LOCKER
    }

    /** The problem in English, for the hold reason, the timeline and API clients. */
    public String message(String country) {
        return switch (kind) {
            case POSTAL_CODE_FORMAT -> "postal code " + value + " does not fit " + country + " (expected like "
                    + expected + ")";
            case REGION_MISSING -> "the " + field + " (state or province) is required for " + country;
            case HOUSE_NUMBER_MISSING -> "the street \"" + value + "\" has no house number";
            case PO_BOX -> "\"" + value + "\" is a PO box, which " + carrier() + " does not deliver to";
            case PARCEL_LOCKER -> "\"" + value + "\" is a parcel locker or pickup point, which " + carrier()
                    + " does not deliver to";
        };
    }

    private String carrier() {
        return expected == null ? "the carrier (none configured)" : expected;
    }

    /**
     * The hold reason for these problems: every problem in English, at most {@link TextInput#MAX_REASON}
     * characters (a reason is stored and shown whole).
     */
    public static String reason(List<AddressProblem> problems, String country) {
        String all = "shipping address: " + problems.stream().map(p -> p.message(country))
                .collect(Collectors.joining("; "));
        return all.length() <= TextInput.MAX_REASON ? all : all.substring(0, TextInput.MAX_REASON - 1) + "…";
    }
}
