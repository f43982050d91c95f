package org.ordo.backoffice.web;

import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.Ids;
import org.ordo.platform.Numbers;
import org.ordo.space.BinMove;
import org.ordo.space.MoveBetweenBins;
import org.ordo.space.SpaceManagement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Moving stock between bins with a scanner (docs/purchasing.md#moving-stock-between-bins): scan the bin, scan the
 * article, type the quantity, scan the target bin. Part of the warehouse screen (Admin, Warehouse); the move is the
 * space module's, so a refusal (more than the bin holds, no room in the target) reads as in the API and moves
 * nothing.
 */
@Controller
@RequestMapping("/warehouse/moves")
class BinMovesScreenController {

    private final SpaceManagement space;
    private final InventoryManagement inventory;

    BinMovesScreenController(SpaceManagement space, InventoryManagement inventory) {
        this.space = space;
        this.inventory = inventory;
    }

    @GetMapping
    String form(@RequestParam(required = false) String location, Model model) {
        model.addAttribute("locations", inventory.locations().stream().filter(Location::active)
                .filter(l -> !l.external()).toList());
        model.addAttribute("location", location);
        return "backoffice/warehouse/moves";
    }

    /** Moves the goods; the next page shows what both bins hold now, or why nothing moved. */
    @PostMapping
    String move(@RequestParam String location, @RequestParam String from, @RequestParam String sku,
            @RequestParam String quantity, @RequestParam String to, RedirectAttributes redirect) {
        BinMove[] moved = new BinMove[1];
        if (Attempt.run(redirect, () -> moved[0] = space.moveBetweenBins(location, new MoveBetweenBins(sku.trim(),
                from.trim(), to.trim(), Numbers.whole("quantity", quantity, false)), Ids.next()),
                "warehouse.move.done")) {
            BinMove m = moved[0];
            Flash.success(redirect, "warehouse.move.done", m.quantity(), m.sku(), m.from(), m.to(), m.fromHolds(),
                    m.toHolds());
        }
        return "redirect:/warehouse/moves?location=" + Redirects.query(location);
    }
}
