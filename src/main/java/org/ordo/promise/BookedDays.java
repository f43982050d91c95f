package org.ordo.promise;

import java.time.LocalDate;
import java.util.List;

/**
 * Peak planning (docs/promise.md, "Booked against capacity"): the orders booked per day against each warehouse's
 * capacity, for the days ahead. A warehouse is listed when it has a calendar of its own or a booking in the window.
 */
public record BookedDays(List<LocalDate> days, List<Warehouse> warehouses) {

    public record Warehouse(String location, int capacity, List<Day> days) {
    }

    /** One day: {@code open} false when the warehouse does not work that day (weekend, holiday, closing day). */
    public record Day(LocalDate day, int booked, int capacity, boolean open) {

        public boolean full() {
            return open && booked >= capacity;
        }
    }
}
