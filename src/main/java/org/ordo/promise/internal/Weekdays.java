package org.ordo.promise.internal;

import java.time.DayOfWeek;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Weekdays as stored: a bit per ISO weekday, Monday 1, Tuesday 2, ... Sunday 64. */
public final class Weekdays {

    private Weekdays() {
    }

    public static int bits(Iterable<DayOfWeek> days) {
        int bits = 0;
        for (DayOfWeek d : days) {
            bits |= 1 << (d.getValue() - 1);
        }
        return bits;
    }

    public static Set<DayOfWeek> of(int bits) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            if ((bits & (1 << (d.getValue() - 1))) != 0) {
                days.add(d);
            }
        }
        return days;
    }

    public static List<DayOfWeek> list(int bits) {
        return List.copyOf(of(bits));
    }
}
