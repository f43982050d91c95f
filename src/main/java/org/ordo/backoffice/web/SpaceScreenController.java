package org.ordo.backoffice.web;

import java.nio.charset.StandardCharsets;

import org.ordo.backoffice.Screen;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.Role;
import org.ordo.space.SpaceManagement;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Warehouse space: how full a warehouse and each bin are (on hand, reserved, incoming), the open overflow alerts,
 * and the 12-week space forecast with the first day the warehouse runs full, also as CSV.
 */
@Controller
@RequestMapping("/space")
class SpaceScreenController {

    private final SpaceManagement space;
    private final InventoryManagement inventory;
    private final MessageSource messages;

    SpaceScreenController(SpaceManagement space, InventoryManagement inventory, MessageSource messages) {
        this.space = space;
        this.inventory = inventory;
        this.messages = messages;
    }

    @Bean
    static Screen spaceScreen() {
        return new Screen("/space", "nav.space", 42, Role.ADMIN, Role.AGENT, Role.WAREHOUSE);
    }

    @GetMapping
    String space(@RequestParam(required = false) String location, Model model) {
        var locations = inventory.locations().stream().filter(Location::active).toList();
        String chosen = location != null && !location.isBlank() ? location
                : locations.isEmpty() ? null : locations.get(0).code();
        model.addAttribute("locations", locations);
        model.addAttribute("location", chosen);
        if (chosen != null) {
            model.addAttribute("utilisation", space.utilisation(chosen));
            model.addAttribute("forecast", space.forecast(chosen));
        }
        return "backoffice/space/space";
    }

    /** A person has seen an overflow alert (and moved the goods or made room); it leaves the list. */
    @PostMapping("/alerts/{id}/acknowledgement")
    String acknowledge(@PathVariable long id, @RequestParam String location, RedirectAttributes redirect) {
        space.acknowledgeAlert(location, id);
        Flash.success(redirect, "space.acknowledged");
        return "redirect:/space?location=" + Redirects.query(location);
    }

    @GetMapping("/forecast.csv")
    ResponseEntity<byte[]> forecastCsv(@RequestParam String location) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"space-forecast-" + location + ".csv\"")
                // column names and yes/no in the reader's language (csv.<column>, csv.true, csv.false)
                .body(space.forecastCsv(location, word -> messages.getMessage("csv." + word, null, word,
                        LocaleContextHolder.getLocale())).getBytes(StandardCharsets.UTF_8));
    }
}
