package org.ordo.promise.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.DangiCalendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;

/**
 * South Korea's public holidays, which Jollyday does not have: the solar ones on fixed dates, and Seollal (three
 * days around the lunar new year), Buddha's Birthday (8th day of the 4th lunar month) and Chuseok (three days
 * around the 15th day of the 8th lunar month) from ICU's Korean lunisolar calendar ({@link DangiCalendar}), so
 * that no table of lunar dates runs out. Substitute holidays (a holiday on a Sunday moving to Monday) and one-off
 * days are not included: add them as closing days (docs/promise.md).
 */
final class KoreanHolidays {

    private static final Map<MonthDay, String> SOLAR = Map.of(MonthDay.of(1, 1), "New Year's Day",
            MonthDay.of(3, 1), "Independence Movement Day", MonthDay.of(5, 5), "Children's Day",
            MonthDay.of(6, 6), "Memorial Day", MonthDay.of(8, 15), "Liberation Day",
            MonthDay.of(10, 3), "National Foundation Day", MonthDay.of(10, 9), "Hangul Day",
            MonthDay.of(12, 25), "Christmas Day");
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private KoreanHolidays() {
    }

    static Set<LocalDate> of(int year) {
        return named(year).keySet();
    }

    /** The holidays of a year with their English names. */
    static Map<LocalDate, String> named(int year) {
        Map<LocalDate, String> days = new TreeMap<>();
        SOLAR.forEach((d, name) -> days.put(d.atYear(year), name));
        DangiCalendar lunar = new DangiCalendar(TimeZone.getTimeZone("Asia/Seoul"), ULocale.KOREA);
        // Every day of the year and the day after it, so the eve of a lunar new year in late December is found
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            int[] today = lunarDate(lunar, day);
            int[] tomorrow = lunarDate(lunar, day.plusDays(1));
            boolean seollal = (today[0] == 1 && today[1] <= 2) || (tomorrow[0] == 1 && tomorrow[1] == 1);
            boolean buddha = today[0] == 4 && today[1] == 8;
            boolean chuseok = today[0] == 8 && today[1] >= 14 && today[1] <= 16;
            if (seollal || buddha || chuseok) {
                days.putIfAbsent(day, seollal ? "Seollal" : buddha ? "Buddha's Birthday" : "Chuseok");
            }
        }
        return java.util.Collections.unmodifiableMap(days);
    }

    /** The lunar month (1-12, leap months as 0) and day of a day in Seoul. */
    private static int[] lunarDate(DangiCalendar lunar, LocalDate day) {
        lunar.setTimeInMillis(day.atTime(12, 0).atZone(SEOUL).toInstant().toEpochMilli());
        int month = lunar.get(Calendar.IS_LEAP_MONTH) == 1 ? 0 : lunar.get(Calendar.MONTH) + 1;
        return new int[] {month, lunar.get(Calendar.DAY_OF_MONTH)};
    }
}
