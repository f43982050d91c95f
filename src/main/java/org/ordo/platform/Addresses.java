package org.ordo.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The rules a shipping address must meet for its destination country and the carrier that takes it
 * (docs/addresses.md): the postal code's format, fields the country's labels need, a house number, and whether
 * the carrier delivers to a PO box or a parcel locker. The rules are two data tables of our own,
 * {@code addresses/countries.tsv} and {@code addresses/carriers.tsv}, which name their sources. Nothing here
 * changes an address: it only says what a person must look at.
 */
public final class Addresses {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

    /** Words that mark a PO box, in the languages of the countries Ordo ships to most. */
    private static final Pattern PO_BOX = Pattern.compile(String.join("|",
            "\\bpostfach\\b", "\\bp\\.?\\s*o\\.?\\s*box\\b", "\\bpost\\s+office\\s+box\\b",
            "\\bapartado(\\s+de\\s+correos)?\\b", "\\bapdo\\.?\\s*\\d", "\\bbo[iî]te\\s+postale\\b",
            "\\bcase\\s+postale\\b", "\\bcasella\\s+postale\\b", "\\bpostbus\\b", "\\bpostboks\\b",
            "\\bskrytka\\s+pocztowa\\b", "^box\\s+\\d", "사서함"), FLAGS);

    /** Words that mark a parcel locker or a post-office pickup point. */
    private static final Pattern PARCEL_LOCKER = Pattern.compile(String.join("|",
            "\\bpackstation\\b", "\\bpaketstation\\b", "\\bpostfiliale\\b", "\\bparcel\\s*locker\\b",
            "\\bpaczkomat", "\\bmy\\s*post\\s*24\\b", "\\bcitypaq\\b", "\\bamazon\\s+(hub\\s+)?locker\\b",
            "\\bpakketautomaat\\b", "무인\\s*택배함", "택배\\s*보관함"), FLAGS);

    /**
     * Floor and door in Spanish notation ({@code 3º 2ª}, {@code piso 3}, {@code puerta 2}): their digits are not a
     * house number.
     */
    private static final Pattern FLOOR_AND_DOOR = Pattern.compile(
            "\\d+\\s*[ºª°]|\\b(piso|planta|puerta|pta\\.?|escalera|esc\\.?)\\s*\\d+", FLAGS);

    /** "Sin número": a Spanish address that has no house number says so. */
    private static final Pattern NO_NUMBER = Pattern.compile("\\bs/n\\b|\\bsin\\s+n[uú]mero\\b", FLAGS);

    private static final Pattern DIGIT = Pattern.compile("\\d", FLAGS);

    private record CountryRule(Pattern postalCode, String example, boolean needsRegion, boolean needsHouseNumber) {
    }

    private record CarrierReach(boolean poBox, boolean parcelLocker) {
    }

    private static final Map<String, CountryRule> COUNTRIES = read("addresses/countries.tsv",
            c -> new CountryRule(Pattern.compile(c[1], FLAGS), c[2], "region".equals(c[3]), "yes".equals(c[4])));

    private static final Map<String, CarrierReach> CARRIERS = read("addresses/carriers.tsv",
            c -> new CarrierReach("yes".equals(c[1]), "yes".equals(c[2])));

    private Addresses() {
    }

    /**
     * What a person must look at before this shipping address goes on a label of {@code carrier} (a carrier code
     * of the shipping module; null when none is chosen, which delivers to no PO box and no locker). Empty when
     * the address fits. Checks only what {@link Address#problems} leaves open: call that first (it refuses an
     * address without the fields every address needs). Reads nothing but the two tables; changes nothing.
     */
    public static List<AddressProblem> check(Address address, String carrier) {
        List<AddressProblem> problems = new ArrayList<>();
        if (address == null || address.country() == null) {
            return problems;
        }
        CountryRule rule = COUNTRIES.get(address.country());
        if (rule != null && address.postalCode() != null && !rule.postalCode().matcher(address.postalCode()).matches()) {
            problems.add(new AddressProblem(AddressProblem.Kind.POSTAL_CODE_FORMAT, "postalCode",
                    address.postalCode(), rule.example()));
        }
        if (rule != null && rule.needsRegion() && blank(address.region())) {
            problems.add(new AddressProblem(AddressProblem.Kind.REGION_MISSING, "region", null, null));
        }
        CarrierReach reach = carrier == null ? null : CARRIERS.get(carrier.toUpperCase(Locale.ROOT));
        String poBox = firstMatching(PO_BOX, address.street(), address.street2());
        String locker = firstMatching(PARCEL_LOCKER, address.street(), address.street2());
        if (poBox != null && (reach == null || !reach.poBox())) {
            problems.add(new AddressProblem(AddressProblem.Kind.PO_BOX, "street", poBox, carrier));
        }
        if (locker != null && (reach == null || !reach.parcelLocker())) {
            problems.add(new AddressProblem(AddressProblem.Kind.PARCEL_LOCKER, "street", locker, carrier));
        }
        if (rule != null && rule.needsHouseNumber() && poBox == null && locker == null
                && !hasHouseNumber(address.street()) && !hasHouseNumber(address.street2())
                && !NO_NUMBER.matcher(text(address.street()) + " " + text(address.street2())).find()) {
            problems.add(new AddressProblem(AddressProblem.Kind.HOUSE_NUMBER_MISSING, "street", address.street(),
                    null));
        }
        return problems;
    }

    /** The countries with rules of their own, with an example postal code each; for the documentation. */
    public static Map<String, String> examples() {
        Map<String, String> examples = new TreeMap<>();
        COUNTRIES.forEach((country, rule) -> examples.put(country, rule.example()));
        return examples;
    }

    /** The carriers the table knows. */
    public static Set<String> carriers() {
        return CARRIERS.keySet();
    }

    private static boolean hasHouseNumber(String line) {
        return line != null && DIGIT.matcher(FLOOR_AND_DOOR.matcher(line).replaceAll(" ")).find();
    }

    private static String firstMatching(Pattern pattern, String... lines) {
        for (String line : lines) {
            if (line != null && pattern.matcher(line).find()) {
                return line;
            }
        }
        return null;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static <T> Map<String, T> read(String resource, Function<String[], T> row) {
        Map<String, T> rows = new TreeMap<>();
        try (InputStream in = Addresses.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) { // the column names
                    header = false;
                    continue;
                }
                String[] columns = line.split("\t");
                rows.put(columns[0], row.apply(columns));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(rows);
    }
}
