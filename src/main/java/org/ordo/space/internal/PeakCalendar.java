package org.ordo.space.internal;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ordo.space.PeakFactors;

/** The calendar events whose days sell more, and by which factor (the highest, where two overlap). */
public final class PeakCalendar {

    /** Chuseok follows the lunar calendar: its day per year, from the Korean Astronomy and Space Science Institute. */
    static final Map<Integer, LocalDate> CHUSEOK = Map.of(2024, LocalDate.of(2024, 9, 17), 2025,
            LocalDate.of(2025, 10, 6), 2026, LocalDate.of(2026, 9, 25), 2027, LocalDate.of(2027, 9, 15), 2028,
            LocalDate.of(2028, 10, 3), 2029, LocalDate.of(2029, 9, 22), 2030, LocalDate.of(2030, 9, 12));

    private final PeakFactors factors;

    public PeakCalendar(PeakFactors factors) {
        this.factors = factors;
    }

    /** A peak: the event's name, its factor, its first and last day. */
    public record Peak(String event, BigDecimal factor, LocalDate from, LocalDate to) {

        boolean covers(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to);
        }
    }

    /** The peaks of a year. */
    public List<Peak> peaks(int year) {
        List<Peak> peaks = new ArrayList<>();
        LocalDate thanksgiving = LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        peaks.add(new Peak("Black Friday", factors.blackFriday(), thanksgiving.plusDays(1), thanksgiving.plusDays(4)));
        peaks.add(new Peak("Christmas", factors.christmas(), LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 24)));
        peaks.add(new Peak("Valentine's Day", factors.valentinesDay(), LocalDate.of(year, 2, 7),
                LocalDate.of(year, 2, 14)));
        LocalDate mothersDay = LocalDate.of(year, Month.MAY, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(2, DayOfWeek.SUNDAY));
        peaks.add(new Peak("Mother's Day", factors.mothersDay(), mothersDay.minusDays(6), mothersDay));
        LocalDate chuseok = CHUSEOK.get(year);
        if (chuseok != null) {
            peaks.add(new Peak("Chuseok", factors.chuseok(), chuseok.minusDays(6), chuseok));
        }
        return peaks;
    }

    /** The factor of a day: the highest of the peaks covering it, else 1. */
    public double factor(LocalDate day) {
        return peaks(day.getYear()).stream().filter(p -> p.covers(day)).map(Peak::factor)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ONE).doubleValue();
    }

    /** The names of the peaks covering any day of [from, to]. */
    public List<String> within(LocalDate from, LocalDate to) {
        List<String> names = new ArrayList<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Peak p : peaks(year)) {
                if (!p.to().isBefore(from) && !p.from().isAfter(to) && !names.contains(p.event())) {
                    names.add(p.event());
                }
            }
        }
        return names;
    }
}
