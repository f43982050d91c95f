package org.ordo.backoffice.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.catalog.Catalog;
import org.ordo.inventory.InventoryManagement;
import org.ordo.inventory.Location;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.Numbers;
import org.ordo.platform.Role;
import org.ordo.purchasing.BinCount;
import org.ordo.purchasing.CountBin;
import org.ordo.purchasing.CountStock;
import org.ordo.purchasing.CycleCount;
import org.ordo.purchasing.CycleCounts;
import org.ordo.purchasing.DecideCount;
import org.ordo.space.SpaceManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Cycle counts for the warehouse (docs/purchasing.md#cycle-counts): enter what was found of a SKU at a warehouse
 * (the books are not shown before, so the count is blind), see the counts, and approve or reject those waiting for
 * a second person; or count a whole bin with a scanner. The rules are the API's: the same service, the same refusals
 * (nobody decides their own count).
 */
@Controller
@RequestMapping("/counts")
class CountsScreenController {

    private static final int PAGE = 50;

    private final CycleCounts counts;
    private final InventoryManagement inventory;
    private final SpaceManagement space;
    private final Catalog catalog;

    CountsScreenController(CycleCounts counts, InventoryManagement inventory, SpaceManagement space,
            Catalog catalog) {
        this.counts = counts;
        this.inventory = inventory;
        this.space = space;
        this.catalog = catalog;
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

    // --- a whole bin, with a scanner (docs/purchasing.md#counting-a-whole-bin) -----------------------------------

    /** One article scanned in the bin and how many of it were found, as the page carries it until the count is sent. */
    record Scanned(String sku, long counted) {
    }

    /**
     * Counting a whole bin: the bin scanned first, then each article and how many were found. Nothing is stored until
     * the count is sent: the articles scanned so far travel with the page (hidden fields), so a reload loses nothing
     * and a scan adds to what was found of that article. The page never shows what the books say: the count is blind.
     */
    @GetMapping("/bin")
    String binCount(@RequestParam String location, @RequestParam(defaultValue = "") String bin,
            @RequestParam(required = false) List<String> lineSku,
            @RequestParam(required = false) List<String> lineCounted, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String counted, Model model, RedirectAttributes redirect) {
        String code;
        try {
            code = space.contents(location, bin.trim()).bin(); // the page never shows what it holds
        } catch (NotFoundException e) {
            Flash.error(redirect, "flash.refused", e.getMessage());
            return "redirect:/counts";
        }
        Map<String, Long> lines = lines(lineSku, lineCounted);
        if (sku != null && !sku.isBlank()) {
            String found = scanned(sku.trim());
            if (found == null) {
                model.addAttribute("scanRefused", sku.trim());
            } else {
                try {
                    lines.merge(found, Numbers.whole("counted", counted == null ? "" : counted.trim(), false),
                            Long::sum);
                } catch (InvalidInputException e) {
                    model.addAttribute("countRefused", found);
                }
            }
        }
        model.addAttribute("location", location);
        model.addAttribute("bin", code);
        model.addAttribute("lines", lines.entrySet().stream().map(e -> new Scanned(e.getKey(), e.getValue()))
                .toList());
        return "backoffice/counts/bin";
    }

    /** Records the count of the bin from the articles scanned; refused, the page keeps what was scanned. */
    @PostMapping("/bin")
    String countBin(@RequestParam String location, @RequestParam String bin,
            @RequestParam(required = false) List<String> lineSku,
            @RequestParam(required = false) List<String> lineCounted, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        Map<String, Long> lines = lines(lineSku, lineCounted);
        BinCount[] counted = new BinCount[1];
        if (Attempt.run(redirect, () -> counted[0] = counts.countBin(location, bin, new CountBin(lines.entrySet()
                .stream().map(e -> new CountBin.Line(e.getKey(), e.getValue())).toList(),
                note.isBlank() ? null : note)), "counts.bin.done")) {
            BinCount c = counted[0];
            Flash.success(redirect, "counts.bin.done", c.bin(), c.counts().size(), c.counts().stream()
                    .filter(x -> x.status() == CycleCount.Status.AWAITING_APPROVAL).count());
            return "redirect:/counts";
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/counts/bin").queryParam("location", location)
                .queryParam("bin", bin);
        lines.forEach((s, n) -> back.queryParam("lineSku", s).queryParam("lineCounted", n));
        return "redirect:" + back.encode().build().toUriString();
    }

    /** The articles scanned so far, by SKU in the order scanned; a pair that does not read as a count is left out. */
    private static Map<String, Long> lines(List<String> skus, List<String> counted) {
        Map<String, Long> lines = new LinkedHashMap<>();
        if (skus == null || counted == null) {
            return lines;
        }
        for (int i = 0; i < Math.min(skus.size(), counted.size()); i++) {
            try {
                lines.merge(skus.get(i), Numbers.whole("counted", counted.get(i), false), Long::sum);
            } catch (InvalidInputException e) {
                // not a count the page wrote: the person sees the lines and scans again
            }
        }
        return lines;
    }

    /** The SKU a scanned code names: the SKU itself or the article's GTIN; null when it names none. */
    private String scanned(String code) {
        return catalog.find(code).map(org.ordo.catalog.Article::sku)
                .orElseGet(() -> catalog.skusByGtin(List.of(code)).get(code));
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
