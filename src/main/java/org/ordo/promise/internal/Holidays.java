package org.ordo.promise.internal;

import java.time.LocalDate;

/** Whether a day is a public holiday in a country (ISO 3166-1 alpha-2) and, where given, one of its regions. */
public interface Holidays {

    /** {@code region} is the subdivision part of ISO 3166-2 ({@code BY} of {@code DE-BY}) or null for the country. */
    boolean isHoliday(LocalDate day, String country, String region);
}
