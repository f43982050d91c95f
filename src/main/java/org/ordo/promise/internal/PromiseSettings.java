package org.ordo.promise.internal;

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
 */
@ConfigurationProperties("ordo.promise")
public record PromiseSettings(@DefaultValue("Europe/Berlin") ZoneId timeZone, @DefaultValue("500") int dailyCapacity,
        @DefaultValue("0") int handlingDays, @DefaultValue("14") int backorderLeadTimeDays) {
}
