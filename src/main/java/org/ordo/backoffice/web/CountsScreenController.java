package org.ordo.backoffice.web;

import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.Numbers;
import org.ordo.platform.Role;
import org.ordo.purchasing.CountStock;
import org.ordo.purchasing.CycleCount;
import org.ordo.purchasing.CycleCounts;
import org.ordo.purchasing.DecideCount;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Cycle counts for the warehouse (docs/purchasing.md#cycle-counts): enter what was found of a SKU at a warehouse
 * (the books are not shown before, so the count is blind), see the counts, and approve or reject those waiting for
 * a second person. The rules are the API's: the same service, the same refusals (nobody decides their own count).
 */
@Controller
@RequestMapping("/counts")
class CountsScreenController {

    private static final int PAGE = 50;

    private final CycleCounts counts;
    private final InventoryManagement inventory;

    CountsScreenController(CycleCounts counts, InventoryManagement inventory) {
        this.counts = counts;
        this.inventory = inventory;
    }

    @Bean
    static Screen countsScreen() {
        return new Screen("/counts", "nav.counts", 41, Role.ADMIN, Role.WAREHOUSE);
    }

    @GetMapping
    String show(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("waiting", counts.list(CycleCount.Status.AWAITING_APPROVAL, null, PAGE).items());
        model.addAttribute("counts", counts.list(null, after == null || after.isBlank() ? null : after, PAGE));
        model.addAttribute("locations", inventory.locations().stream().filter(Location::active).toList());
        return "backoffice/counts/show";
    }

    /** Records a count: booked at once, or waiting for approval; refused input is shown with the reason. */
    @PostMapping
    String count(@RequestParam String sku, @RequestParam String location, @RequestParam String counted,
            @RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "") String bin,
            RedirectAttributes redirect) {
        CycleCount[] recorded = new CycleCount[1];
        if (Attempt.run(redirect, () -> recorded[0] = counts.count(new CountStock(sku.trim(), location,
                Numbers.whole("counted", counted, false), note.isBlank() ? null : note,
                bin.isBlank() ? null : bin.trim())), "counts.booked")) {
            Flash.success(redirect, recorded[0].status() == CycleCount.Status.BOOKED ? "counts.booked"
                    : "counts.waiting", recorded[0].number(), recorded[0].difference());
        }
        return "redirect:/counts";
    }

    /** A second person's decision on a waiting count; a reason is needed to reject. */
    @PostMapping("/{id}/decision")
    String decide(@PathVariable UUID id, @RequestParam boolean approve, @RequestParam(defaultValue = "") String reason,
            RedirectAttributes redirect) {
        CycleCount[] decided = new CycleCount[1];
        if (Attempt.run(redirect, () -> decided[0] = counts.decide(id, new DecideCount(approve,
                reason.isBlank() ? null : reason)), "counts.approved")) {
            Flash.success(redirect, approve ? "counts.approved" : "counts.rejected", decided[0].number());
        }
        return "redirect:/counts";
    }
}
