package org.ordo.promise.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Public holidays from Jollyday (a maintained library of holiday rules per country and region), and Korea's from
 * {@link KoreanHolidays}, which Jollyday lacks. A country Jollyday does not know has no holidays here; company
 * closing days cover what is missing. The holidays of a country, region and year are computed once and kept.
 */
public final class PublicHolidays implements Holidays {

    private static final Set<String> KNOWN = HolidayManager.getSupportedCalendarCodes().stream()
            .map(code -> code.toUpperCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private final Map<String, Set<LocalDate>> byCountryRegionYear = new ConcurrentHashMap<>();

    /** Whether holidays of this country are known (Jollyday's countries and KR). */
    public static boolean knows(String country) {
        return country != null && (KNOWN.contains(country) || country.equals("KR"));
    }

    @Override
    public boolean isHoliday(LocalDate day, String country, String region) {
        if (!knows(country)) {
            return false;
        }
        String key = country + "-" + (region == null ? "" : region) + "-" + day.getYear();
        return byCountryRegionYear.computeIfAbsent(key, k -> load(country, region, day.getYear())).contains(day);
    }

    /**
     * The public holidays of a country (and region) in a year, by day, named in {@code locale} where the library
     * has the name in it (else in English); empty for a country it does not know.
     */
    public static java.util.SortedMap<LocalDate, String> named(String country, String region, int year,
            Locale locale) {
        java.util.TreeMap<LocalDate, String> days = new java.util.TreeMap<>();
        if (!knows(country)) {
            return days;
        }
        if (country.equals("KR")) {
            days.putAll(KoreanHolidays.named(year));
            return days;
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        Set<Holiday> holidays = region == null ? manager.getHolidays(Year.of(year))
                : manager.getHolidays(Year.of(year), region.toLowerCase(Locale.ROOT));
        holidays.forEach(h -> days.merge(h.getObservedDate().orElse(h.getDate()), h.getDescription(locale),
                (a, b) -> a + ", " + b));
        return days;
    }

    private static Set<LocalDate> load(String country, String region, int year) {
        if (country.equals("KR")) {
            return KoreanHolidays.of(year);
        }
        HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(country.toLowerCase(Locale.ROOT)));
        Set<Holiday> holidays = region == null ? manager.getHolidays(Year.of(year))
                : manager.getHolidays(Year.of(year), region.toLowerCase(Locale.ROOT));
        return holidays.stream().map(h -> h.getObservedDate().orElse(h.getDate()))
                .collect(Collectors.toUnmodifiableSet());
    }
}
