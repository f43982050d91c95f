package org.ordo.promise.internal;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Defaults of the delivery promise (docs/configuration.md): what a warehouse without a calendar of its own keeps
 * (Monday to Friday, the public holidays of its address's country), and the lead time of a backorderable article
 * without a stock policy.
 *
 * @param timeZone the time zone of a warehouse without a calendar (its cut-offs are in it)
 * @param dailyCapacity orders a warehouse without a calendar ships per day
 * @param handlingDays working days between taking an order and shipping it, for a warehouse without a calendar
 * @param backorderLeadTimeDays days until goods of a backorderable article without a stock policy arrive
 * @param shiftStart when a warehouse's shipping day begins (HH:mm, its time zone): today's capacity is spread
 *     evenly from it to the cut-off, for the risk check
 * @param alertEmail who is mailed when a shipment is at risk (empty: nobody)
 * @param alertLocale the language of that mail
 */
@ConfigurationProperties("ordo.promise")
public record PromiseSettings(@DefaultValue("Europe/Berlin") ZoneId timeZone, @DefaultValue("500") int dailyCapacity,
        @DefaultValue("0") int handlingDays, @DefaultValue("14") int backorderLeadTimeDays,
        @DefaultValue("08:00") String shiftStart, @DefaultValue("") String alertEmail,
        @DefaultValue("en") String alertLocale) {

    public PromiseSettings {
        shiftStartTime(shiftStart); // refuses a malformed setting at start-up
    }

    public LocalTime shiftStartTime() {
        return shiftStartTime(shiftStart);
    }

    private static LocalTime shiftStartTime(String value) {
        try {
            return LocalTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("ordo.promise.shift-start must be a time such as 08:00: " + value);
        }
    }
}
