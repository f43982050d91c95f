package org.ordo.backoffice.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.ordo.backoffice.Screen;
import org.ordo.inventory.Adjustment;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.inventory.Movement;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.ordo.platform.security.AccessRules;
import org.ordo.reporting.Reports;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Stock for people: levels per SKU and location, the SKUs running low, the ledger of one SKU, and adjustments
 * with a reason. Admins, agents and the warehouse read; only admins and the warehouse adjust.
 */
@Controller
@RequestMapping("/inventory")
class InventoryScreenController {

    static final int PAGE = 50;

    private final InventoryManagement inventory;
    private final Reports reports;

    InventoryScreenController(InventoryManagement inventory, Reports reports) {
        this.inventory = inventory;
        this.reports = reports;
    }

    @Bean
    static Screen inventoryScreen() {
        return new Screen("/inventory", "nav.inventory", 40, Role.ADMIN, Role.AGENT, Role.WAREHOUSE,
                Role.PURCHASING);
    }

    @ModelAttribute("mayAdjust")
    boolean mayAdjust() {
        Layout.Me me = Layout.current();
        return me != null && AccessRules.STOCK_ADJUSTMENT_PAGE.allows(me.role());
    }

    /** Levels by SKU and location, searched by SKU prefix, keyset-paged. */
    @GetMapping
    String stock(@RequestParam(defaultValue = "") String sku, @RequestParam(defaultValue = "") String location,
            @RequestParam(required = false) String after, Model model) {
        Slice<org.ordo.inventory.StockLevel> page = inventory.levels(sku, location, after, PAGE);
        model.addAttribute("levels", page);
        model.addAttribute("sku", sku);
        model.addAttribute("location", location);
        model.addAttribute("locations", inventory.locations());
        return "backoffice/inventory/stock";
    }

    /** SKUs with fewer available than the configured threshold (the catalog keeps no reorder point). */
    @GetMapping("/low-stock")
    String lowStock(Model model) {
        model.addAttribute("items", reports.lowStock(200));
        model.addAttribute("below", reports.lowStockBelow());
        return "backoffice/inventory/low-stock";
    }

    /** One SKU: its levels per location and its ledger, oldest first, keyset-paged by movement id. */
    @GetMapping("/{sku}/ledger")
    String ledger(@PathVariable String sku, @RequestParam(required = false) Long after, Model model) {
        Slice<Movement> movements = inventory.movements(sku, null, after, PAGE);
        model.addAttribute("sku", sku);
        model.addAttribute("stock", inventory.stock(sku));
        model.addAttribute("movements", movements);
        model.addAttribute("locations", inventory.locations().stream().filter(Location::active).toList());
        return "backoffice/inventory/ledger";
    }

    /**
     * Corrects on hand with a reason (count, damage, loss). Refused input or a refused take-out shows why on
     * the ledger page and changes nothing.
     */
    @PostMapping("/adjustments")
    String adjust(@RequestParam String sku, @RequestParam String location, @RequestParam String quantity,
            @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String reference,
            RedirectAttributes redirect) {
        Movement[] booked = new Movement[1];
        boolean ok = Attempt.run(redirect, () -> booked[0] = inventory.adjust(new Adjustment(sku.trim(), location,
                WarehouseController.numberLong("quantity", quantity), reason.isBlank() ? null : reason.trim(),
                reference.isBlank() ? null : reference.trim())), "inventory.adjusted");
        if (ok) {
            Flash.success(redirect, "inventory.adjusted", booked[0].onHandDelta(), booked[0].sku(),
                    booked[0].location(), booked[0].reason());
        } else {
            redirect.addFlashAttribute("form", new java.util.HashMap<>(Map.of("location", location, "quantity",
                    quantity, "reason", reason, "reference", reference)));
        }
        return "redirect:/inventory/" + UriUtils.encodePathSegment(sku.trim(), StandardCharsets.UTF_8) + "/ledger";
    }
}
