package org.ordo.promise.internal;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ordo.promise.CarrierService;
import org.ordo.promise.ClosingDay;
import org.ordo.promise.WarehouseCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The promise's inputs: warehouse calendars and their cut-offs, carrier services with transit days, closing days. */
@Repository
public class Calendars {

    private final JdbcClient jdbc;

    Calendars(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A warehouse's own calendar row, without cut-offs. */
    public record WarehouseRow(String location, String timeZone, String country, String region, int workingDays,
            int handlingDays, int dailyCapacity, Instant updatedAt) {
    }

    /** A cut-off of one warehouse for one carrier service. */
    public record CutOffRow(String location, String carrier, String service, LocalTime cutOff) {
    }

    /** Everything the computation reads, read together (a handful of small tables). */
    public record Snapshot(Map<String, WarehouseRow> warehouses, List<CutOffRow> cutOffs,
            List<CarrierService> services, List<ClosingDay> closingDays) {
    }

    public Snapshot snapshot(LocalDate from) {
        return new Snapshot(warehouses(), cutOffs(), services(), closingDays(from));
    }

    public Map<String, WarehouseRow> warehouses() {
        Map<String, WarehouseRow> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM promise_warehouse ORDER BY location").query((rs, n) -> new WarehouseRow(
                rs.getString("location"), rs.getString("time_zone"), rs.getString("country"), rs.getString("region"),
                rs.getInt("working_days"), rs.getInt("handling_days"), rs.getInt("daily_capacity"),
                rs.getTimestamp("updated_at").toInstant())).list().forEach(r -> rows.put(r.location(), r));
        return rows;
    }

    public List<CutOffRow> cutOffs() {
        return jdbc.sql("SELECT * FROM promise_cut_off ORDER BY location, carrier, service")
                .query((rs, n) -> new CutOffRow(rs.getString("location"), rs.getString("carrier"),
                        rs.getString("service"), rs.getObject("cut_off", LocalTime.class))).list();
    }

    /** Replaces a warehouse's calendar and its cut-offs. */
    public void saveWarehouse(WarehouseRow row, List<WarehouseCalendar.CutOff> cutOffs) {
        jdbc.sql("""
                INSERT INTO promise_warehouse (location, time_zone, country, region, working_days, handling_days,
                    daily_capacity, updated_at)
                VALUES (:location, :zone, :country, :region, :days, :handling, :capacity, :now)
                ON CONFLICT (location) DO UPDATE SET time_zone = excluded.time_zone, country = excluded.country,
                    region = excluded.region, working_days = excluded.working_days,
                    handling_days = excluded.handling_days, daily_capacity = excluded.daily_capacity,
                    updated_at = excluded.updated_at
                """).param("location", row.location()).param("zone", row.timeZone()).param("country", row.country())
                .param("region", row.region()).param("days", row.workingDays()).param("handling", row.handlingDays())
                .param("capacity", row.dailyCapacity()).param("now", Timestamp.from(row.updatedAt())).update();
        jdbc.sql("DELETE FROM promise_cut_off WHERE location = :location").param("location", row.location()).update();
        for (WarehouseCalendar.CutOff c : cutOffs) {
            jdbc.sql("""
                    INSERT INTO promise_cut_off (location, carrier, service, cut_off)
                    VALUES (:location, :carrier, :service, :cutOff)
                    """).param("location", row.location()).param("carrier", c.carrier())
                    .param("service", c.service()).param("cutOff", Time.valueOf(c.cutOff())).update();
        }
    }

    public List<CarrierService> services() {
        Map<List<String>, List<CarrierService.Transit>> transit = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM promise_transit ORDER BY carrier, service, zone = '*', zone").query(rs -> {
            transit.computeIfAbsent(List.of(rs.getString("carrier"), rs.getString("service")), k -> new ArrayList<>())
                    .add(new CarrierService.Transit(rs.getString("zone"), rs.getInt("transit_days")));
        });
        return jdbc.sql("SELECT * FROM promise_carrier_service ORDER BY carrier, service")
                .query((rs, n) -> new CarrierService(rs.getString("carrier"), rs.getString("service"),
                        Weekdays.list(rs.getInt("delivery_days")), rs.getObject("cut_off", LocalTime.class),
                        rs.getBoolean("active"),
                        List.copyOf(transit.getOrDefault(List.of(rs.getString("carrier"), rs.getString("service")),
                                List.of())), rs.getTimestamp("updated_at").toInstant())).list();
    }

    public Optional<CarrierService> service(String carrier, String service) {
        return services().stream().filter(s -> s.carrier().equals(carrier) && s.service().equals(service)).findFirst();
    }

    /** Replaces a carrier service and its transit days. */
    public void saveService(String carrier, String service, List<DayOfWeek> deliveryDays, LocalTime cutOff,
            boolean active, List<CarrierService.Transit> transit, Instant now) {
        jdbc.sql("""
                INSERT INTO promise_carrier_service (carrier, service, delivery_days, cut_off, active, updated_at)
                VALUES (:carrier, :service, :days, :cutOff, :active, :now)
                ON CONFLICT (carrier, service) DO UPDATE SET delivery_days = excluded.delivery_days,
                    cut_off = excluded.cut_off, active = excluded.active, updated_at = excluded.updated_at
                """).param("carrier", carrier).param("service", service).param("days", Weekdays.bits(deliveryDays))
                .param("cutOff", Time.valueOf(cutOff)).param("active", active).param("now", Timestamp.from(now))
                .update();
        jdbc.sql("DELETE FROM promise_transit WHERE carrier = :carrier AND service = :service")
                .param("carrier", carrier).param("service", service).update();
        for (CarrierService.Transit t : transit) {
            jdbc.sql("""
                    INSERT INTO promise_transit (carrier, service, zone, transit_days)
                    VALUES (:carrier, :service, :zone, :days)
                    """).param("carrier", carrier).param("service", service).param("zone", t.zone())
                    .param("days", t.days()).update();
        }
    }

    /** Closing days from a day on, by day. */
    public List<ClosingDay> closingDays(LocalDate from) {
        return jdbc.sql("SELECT * FROM promise_closing_day WHERE day >= :from ORDER BY day, location")
                .param("from", from).query((rs, n) -> new ClosingDay(rs.getString("location"),
                        rs.getObject("day", LocalDate.class), rs.getString("reason"))).list();
    }

    public void saveClosingDay(ClosingDay day) {
        jdbc.sql("""
                INSERT INTO promise_closing_day (location, day, reason) VALUES (:location, :day, :reason)
                ON CONFLICT (location, day) DO UPDATE SET reason = excluded.reason
                """).param("location", day.location()).param("day", day.day()).param("reason", day.reason()).update();
    }
}
