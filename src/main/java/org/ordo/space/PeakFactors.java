package org.ordo.space;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much more than usual sells on the days before a calendar event, for the space forecast where a SKU has no
 * history of the same weeks last year (with history, last year's peak is in the figures already).
 *
 * @param blackFriday Black Friday to Cyber Monday
 * @param christmas 1 to 24 December
 * @param valentinesDay 7 to 14 February
 * @param mothersDay the week up to the second Sunday of May
 * @param chuseok the week up to Chuseok (15th day of the 8th lunar month)
 */
@ConfigurationProperties("ordo.space.peak")
public record PeakFactors(@DefaultValue("3") BigDecimal blackFriday, @DefaultValue("2") BigDecimal christmas,
        @DefaultValue("1.5") BigDecimal valentinesDay, @DefaultValue("1.5") BigDecimal mothersDay,
        @DefaultValue("2") BigDecimal chuseok) {
}
