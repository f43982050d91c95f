package org.ordo.backoffice.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.ordo.backoffice.Screen;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.Role;
import org.ordo.platform.security.AccessRules;
import org.ordo.promise.CarrierService;
import org.ordo.promise.ClosingDay;
import org.ordo.promise.PromiseCalendars;
import org.ordo.promise.WarehouseCalendar;
import org.ordo.promise.WarehouseCalendarDraft;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The calendars delivery promises are computed from (docs/promise.md, "Calendars in the back office"): each
 * warehouse's time zone, working days, cut-off per carrier service, handling days and daily capacity; each carrier
 * service's delivery days and transit days per country; company closing days; and the public holidays the
 * holiday library gives for a country, region and year. Who may change what is what the API allows
 * ({@link AccessRules}): warehouses and closing days ADMIN and WAREHOUSE, carrier services ADMIN. A refused form
 * comes back with what was typed and each faulty field named, in the reader's language, and nothing changed.
 */
@Controller
@RequestMapping("/promise")
class PromiseScreenController {

    private final PromiseCalendars calendars;
    private final MessageSource messages;
    private final java.time.Clock clock;

    PromiseScreenController(PromiseCalendars calendars, MessageSource messages, java.time.Clock clock) {
        this.calendars = calendars;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static Screen promiseScreen() {
        return new Screen("/promise", "nav.promise", 43, Role.ADMIN, Role.AGENT, Role.WAREHOUSE);
    }

    @ModelAttribute("mayEditWarehouses")
    boolean mayEditWarehouses() {
        return allowed(AccessRules.PROMISE_WAREHOUSE_PAGE);
    }

    @ModelAttribute("mayEditServices")
    boolean mayEditServices() {
        return allowed(AccessRules.PROMISE_CARRIER_SERVICE_PAGE);
    }

    @ModelAttribute("mayClose")
    boolean mayClose() {
        return allowed(AccessRules.PROMISE_CLOSING_DAY_PAGE);
    }

    private static boolean allowed(org.ordo.platform.security.AccessRule rule) {
        Layout.Me me = Layout.current();
        return me != null && rule.allows(me.role());
    }

    /** The weekdays with their names in the reader's language, Monday first. */
    @ModelAttribute("weekdays")
    Map<DayOfWeek, String> weekdays(Locale locale) {
        Map<DayOfWeek, String> days = new LinkedHashMap<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            days.put(d, d.getDisplayName(TextStyle.SHORT, locale));
        }
        return days;
    }

    // --- the overview ---------------------------------------------------------------------------------------------

    /** Every warehouse's calendar, the carrier services, closing days, and a country's public holidays. */
    @GetMapping
    String show(@RequestParam(defaultValue = "") String country, @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String year, Locale locale, Model model, HttpServletResponse response) {
        model.addAttribute("warehouses", calendars.warehouses());
        model.addAttribute("services", calendars.services());
        model.addAttribute("closingDays", calendars.closingDays());
        if (!model.containsAttribute("closingForm")) {
            model.addAttribute("closingForm", Map.of("location", "*", "day", "", "reason", ""));
        }
        String wanted = country.trim().toUpperCase(Locale.ROOT);
        String inYear = year.isBlank() ? String.valueOf(LocalDate.now(clock).getYear()) : year.trim();
        model.addAttribute("holidayCountry", wanted);
        model.addAttribute("holidayRegion", region.trim().toUpperCase(Locale.ROOT));
        model.addAttribute("holidayYear", inYear);
        if (!wanted.isEmpty()) {
            Map<String, String> errors = new LinkedHashMap<>();
            Integer y = number(inYear);
            try {
                model.addAttribute("holidays", calendars.holidays(wanted, region.isBlank() ? null
                        : region.trim().toUpperCase(Locale.ROOT), y == null ? -1 : y, locale));
                model.addAttribute("holidaysKnown", calendars.knowsHolidaysOf(wanted));
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field(), text("promise.error." + f.field(), locale)));
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            }
            model.addAttribute("holidayErrors", errors);
        }
        return "backoffice/promise/calendars";
    }

    // --- a warehouse's calendar -----------------------------------------------------------------------------------

    /** A warehouse's calendar as a form, with a cut-off field per carrier service (blank: the service's own). */
    @GetMapping("/warehouses/{location}")
    String warehouse(@PathVariable String location, Model model) {
        WarehouseCalendar c = calendars.warehouse(location);
        Map<String, String> cutOffs = new LinkedHashMap<>();
        c.cutOffs().forEach(o -> cutOffs.put(o.carrier() + "/" + o.service(), o.cutOff().toString()));
        return warehouseForm(c, new WarehouseForm(c.timeZone(), c.country(), c.region() == null ? "" : c.region(),
                new LinkedHashSet<>(c.workingDays().stream().map(Enum::name).toList()),
                String.valueOf(c.handlingDays()), String.valueOf(c.dailyCapacity()), cutOffs), Map.of(), model);
    }

    /** What the warehouse form holds, as typed. {@code cutOffs} by "CARRIER/SERVICE". */
    record WarehouseForm(String timeZone, String country, String region, Set<String> workingDays,
            String handlingDays, String dailyCapacity, Map<String, String> cutOffs) {
    }

    private String warehouseForm(WarehouseCalendar calendar, WarehouseForm form, Map<String, String> errors,
            Model model) {
        model.addAttribute("calendar", calendar);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("services", calendars.services());
        return "backoffice/promise/warehouse";
    }

    /** Saves a warehouse's calendar; a refused one comes back with every faulty field named (422). */
    @PostMapping("/warehouses/{location}")
    String setWarehouse(@PathVariable String location, @RequestParam MultiValueMap<String, String> params,
            Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (!mayEditWarehouses()) {
            throw new AccessDeniedException("Only the warehouse and admins set a warehouse's calendar");
        }
        WarehouseCalendar current = calendars.warehouse(location);
        Map<String, String> cutOffText = new LinkedHashMap<>();
        List<WarehouseCalendar.CutOff> cutOffs = new ArrayList<>();
        List<String> cutOffFields = new ArrayList<>();
        for (CarrierService s : calendars.services()) {
            String key = s.carrier() + "/" + s.service();
            String typed = first(params, "cutOff." + key);
            cutOffText.put(key, typed);
            if (!typed.isBlank()) {
                cutOffs.add(new WarehouseCalendar.CutOff(s.carrier(), s.service(), time(typed)));
                cutOffFields.add("cutOff." + key);
            }
        }
        WarehouseForm form = new WarehouseForm(first(params, "timeZone"), first(params, "country"),
                first(params, "region"), new LinkedHashSet<>(params.getOrDefault("workingDays", List.of())),
                first(params, "handlingDays"), first(params, "dailyCapacity"), cutOffText);
        try {
            calendars.setWarehouse(location, new WarehouseCalendarDraft(form.timeZone().trim(),
                    form.country().trim().toUpperCase(Locale.ROOT), form.region().isBlank() ? null
                            : form.region().trim().toUpperCase(Locale.ROOT),
                    weekdays(form.workingDays()), whole(form.handlingDays()), whole(form.dailyCapacity()), cutOffs));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError f : e.errors()) {
                String field = f.field();
                if (field.startsWith("cutOffs[")) {
                    int i = Integer.parseInt(field.substring(8, field.indexOf(']')));
                    errors.putIfAbsent(i < cutOffFields.size() ? cutOffFields.get(i) : "cutOffs",
                            text("promise.error.cutOff", locale));
                } else {
                    errors.putIfAbsent(field, text("promise.error." + field, locale));
                }
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return warehouseForm(current, form, errors, model);
        }
        Flash.success(redirect, "promise.warehouse.saved", location);
        return "redirect:/promise";
    }

    // --- a carrier service ----------------------------------------------------------------------------------------

    /** A carrier service as a form; {@code new} gives an empty one to create a service. */
    @GetMapping("/carrier-services/{carrier}/{service}")
    String service(@PathVariable String carrier, @PathVariable String service, Model model) {
        CarrierService s = calendars.services().stream()
                .filter(c -> c.carrier().equals(carrier) && c.service().equals(service)).findFirst()
                .orElseThrow(() -> new NotFoundException("carrier service", carrier + "/" + service));
        return serviceForm(new ServiceForm(s.carrier(), s.service(), new LinkedHashSet<>(s.deliveryDays().stream()
                .map(Enum::name).toList()), s.cutOff().toString(), s.active(), transitText(s.transit())), false,
                Map.of(), model);
    }

    @GetMapping("/carrier-services/new")
    String newService(Model model) {
        return serviceForm(new ServiceForm("", "", new LinkedHashSet<>(List.of("MONDAY", "TUESDAY", "WEDNESDAY",
                "THURSDAY", "FRIDAY")), "15:00", true, "DE 1, * 3"), true, Map.of(), model);
    }

    /** What the carrier service form holds, as typed; {@code transit} as "DE 1, AT 2, * 4". */
    record ServiceForm(String carrier, String service, Set<String> deliveryDays, String cutOff, boolean active,
            String transit) {
    }

    private String serviceForm(ServiceForm form, boolean creating, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        model.addAttribute("errors", errors);
        return "backoffice/promise/service";
    }

    /** Creates or changes a carrier service; a refused one comes back with every faulty field named (422). */
    @PostMapping("/carrier-services")
    String setService(@RequestParam MultiValueMap<String, String> params, Locale locale, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!mayEditServices()) {
            throw new AccessDeniedException("Only admins set carrier services");
        }
        boolean creating = "true".equals(first(params, "creating"));
        ServiceForm form = new ServiceForm(first(params, "carrier").trim().toUpperCase(Locale.ROOT),
                first(params, "service").trim().toUpperCase(Locale.ROOT),
                new LinkedHashSet<>(params.getOrDefault("deliveryDays", List.of())), first(params, "cutOff"),
                params.containsKey("active"), first(params, "transit"));
        try {
            calendars.setService(form.carrier(), form.service(), new CarrierService.Draft(
                    weekdays(form.deliveryDays()), time(form.cutOff()), form.active(), transit(form.transit())));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (FieldError f : e.errors()) {
                String field = f.field().startsWith("transit") ? "transit" : f.field();
                errors.putIfAbsent(field, text("promise.error." + field, locale));
            }
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return serviceForm(form, creating, errors, model);
        }
        Flash.success(redirect, "promise.service.saved", form.carrier() + " " + form.service());
        return "redirect:/promise";
    }

    // --- closing days ---------------------------------------------------------------------------------------------

    /** Closes the company ({@code *}) or a warehouse on a day; a refused one comes back with its fields named. */
    @PostMapping("/closing-days")
    String close(@RequestParam(defaultValue = "") String location, @RequestParam(defaultValue = "") String day,
            @RequestParam(defaultValue = "") String reason, Locale locale, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!mayClose()) {
            throw new AccessDeniedException("Only the warehouse and admins close a day");
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(day.trim());
        } catch (DateTimeParseException e) {
            // refused below as a missing day
        }
        try {
            calendars.close(new ClosingDay(location.trim(), date, reason));
        } catch (InvalidInputException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), text("promise.error." + f.field(), locale)));
            model.addAttribute("closingErrors", errors);
            model.addAttribute("closingForm", Map.of("location", location, "day", day, "reason", reason));
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return show("", "", "", locale, model, response);
        }
        Flash.success(redirect, "promise.closed", day.trim(), location.trim());
        return "redirect:/promise";
    }

    // --- reading what was typed -----------------------------------------------------------------------------------

    private static String first(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    /** A whole number as typed; null (refused by the calendar as out of range) when it is none. */
    private static Long whole(String text) {
        return Numbers.wholeOrNull(text.trim());
    }

    private static Integer number(String text) {
        Long value = whole(text);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    /** A time of day as HH:mm; null (refused by the calendar as missing) when it is none. */
    private static LocalTime time(String text) {
        try {
            return LocalTime.parse(text.trim().length() == 4 ? "0" + text.trim() : text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The checked weekdays; ones that are no weekday are dropped (the form offers none). */
    private static List<DayOfWeek> weekdays(Set<String> names) {
        return names.stream().filter(n -> Arrays.stream(DayOfWeek.values()).anyMatch(d -> d.name().equals(n)))
                .map(DayOfWeek::valueOf).toList();
    }

    /** "DE 1, AT 2, * 4" (or one per line, or DE=1): a zone the calendar refuses names the field. */
    static List<CarrierService.Transit> transit(String text) {
        List<CarrierService.Transit> zones = new ArrayList<>();
        for (String entry : text.split("[,;\\n]")) {
            String e = entry.trim();
            if (e.isEmpty()) {
                continue;
            }
            String[] parts = e.split("[\\s=:]+");
            Long days = parts.length == 2 ? whole(parts[1]) : null;
            zones.add(new CarrierService.Transit(parts[0].toUpperCase(Locale.ROOT),
                    days == null || days > 1000 ? null : days.intValue()));
        }
        return zones;
    }

    static String transitText(List<CarrierService.Transit> transit) {
        return String.join(", ", transit.stream().map(t -> t.zone() + " " + t.days()).toList());
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, messages.getMessage("promise.error.other", null, "?", locale), locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "error/403";
    }
}
