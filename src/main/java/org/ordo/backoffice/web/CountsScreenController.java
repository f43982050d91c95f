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
import org.ordo.platform.Wording;
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
    /** The longest article code the page carries back: longer than any SKU or GTIN. */
    private static final int MAX_CODE = 64;
    /** How many characters of scanned lines (URL-encoded) a refused count carries back to the bin's page. */
    private static final int MAX_CARRIED = 4000;

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
            Flash.error(redirect, "flash.refused", Refusals.of(e));
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

    /**
     * Records the count of the bin from the articles scanned; refused, the page keeps what was scanned. Every line
     * sent must read (an article and a whole number of ASCII digits): one that does not is refused, never left out,
     * for a line left out would count that article as zero.
     */
    @PostMapping("/bin")
    String countBin(@RequestParam String location, @RequestParam String bin,
            @RequestParam(required = false) List<String> lineSku,
            @RequestParam(required = false) List<String> lineCounted, @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        BinCount[] counted = new BinCount[1];
        if (Attempt.run(redirect, () -> counted[0] = counts.countBin(location, bin, new CountBin(sent(lineSku,
                lineCounted).entrySet().stream().map(e -> new CountBin.Line(e.getKey(), e.getValue())).toList(),
                note.isBlank() ? null : note)), "counts.bin.done")) {
            BinCount c = counted[0];
            Flash.success(redirect, "counts.bin.done", c.bin(), c.counts().size(), c.counts().stream()
                    .filter(x -> x.status() == CycleCount.Status.AWAITING_APPROVAL).count());
            return "redirect:/counts";
        }
        try {
            space.contents(location, bin.trim());
        } catch (NotFoundException e) {
            return "redirect:/counts"; // no bin page to go back to: the counts page shows why
        }
        UriComponentsBuilder back = UriComponentsBuilder.fromPath("/counts/bin").queryParam("location", location)
                .queryParam("bin", bin);
        // What was scanned goes back with the page, as long as the address stays one a server takes (a redirect
        // over Tomcat's 8 KiB of headers fails): a code longer than any SKU names none and stays behind, and so do
        // lines past MAX_CARRIED characters (the refusal says what was wrong).
        int carried = 0;
        for (Map.Entry<String, Long> line : lines(lineSku, lineCounted).entrySet()) {
            carried += java.net.URLEncoder.encode(line.getKey(), java.nio.charset.StandardCharsets.UTF_8).length() + 32;
            if (line.getKey().length() <= MAX_CODE && carried <= MAX_CARRIED) {
                back.queryParam("lineSku", line.getKey()).queryParam("lineCounted", line.getValue());
            }
        }
        // encoded as values, so that a brace in a scanned code is never read as a template variable of the redirect
        return "redirect:" + back.build().encode().toUriString();
    }

    /** The lines of a bin count as sent: each an article and a whole number; refused naming the field otherwise. */
    private static Map<String, Long> sent(List<String> skus, List<String> counted) {
        List<String> sku = skus == null ? List.of() : skus;
        List<String> count = counted == null ? List.of() : counted;
        if (sku.size() != count.size()) {
            throw new InvalidInputException("lineCounted", Wording.of("backoffice.must_be_one_count_for_each"));
        }
        Map<String, Long> lines = new LinkedHashMap<>();
        for (int i = 0; i < sku.size(); i++) {
            if (sku.get(i) == null || sku.get(i).isBlank()) {
                throw new InvalidInputException("lineSku", Wording.of("backoffice.is_required_the_article_scanned"));
            }
            lines.merge(sku.get(i), Numbers.whole("lineCounted", count.get(i), false), Long::sum);
        }
        return lines;
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
