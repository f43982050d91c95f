package org.ordo.platform;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;

/**
 * Dates and timestamps taken from clients (invariant 8 in docs/design.md): real calendar dates
 * ({@code 2026-02-30} is refused, not moved to March) within the years Ordo does business in. The window is set
 * here, in one place: a date outside it is a typing error ({@code 0026}, {@code +99999}), not an order.
 */
public final class BusinessDates {

    /** The first and the last year a business date or timestamp may fall in (UTC). */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    /** ISO 8601 calendar date, four-digit year, resolved strictly (no 30 February). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private BusinessDates() {
    }

    /** A date written as {@code 2026-11-25}; anything else is refused naming the field. */
    public static LocalDate date(String field, String text) {
        if (text == null || text.isEmpty()) {
            throw new InvalidInputException(field, Wording.of("platform.is_required_a_date_such_as"));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text, DATE);
        } catch (DateTimeException e) {
            throw new InvalidInputException(field, Wording.of("platform.must_be_a_real_calendar_date"));
        }
        Wording fault = fault(date);
        if (fault != null) {
            throw new InvalidInputException(field, fault);
        }
        return date;
    }

    /** What is wrong with the date, or null when it lies within the window. */
    public static Wording fault(LocalDate date) {
        if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
            return Wording.of("platform.date_years", FIRST_YEAR, LAST_YEAR);
        }
        return null;
    }

    /** What is wrong with the timestamp, or null when it lies within the window (years in UTC). */
    public static Wording fault(Instant at) {
        if (at == null) {
            return null;
        }
        if (at.isBefore(LocalDate.of(FIRST_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())
                || !at.isBefore(LocalDate.of(LAST_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            return Wording.of("platform.instant_years", FIRST_YEAR, LAST_YEAR);
        }
        return null;
    }
}
