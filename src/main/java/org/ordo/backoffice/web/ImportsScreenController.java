package org.ordo.backoffice.web;

import java.io.IOException;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.intake.FileImport;
import org.ordo.intake.FileImports;
import org.ordo.intake.ImportKind;
import org.ordo.platform.ConflictException;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Role;
import org.ordo.platform.Wording;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Files of orders, articles and opening stock for people: upload, the preview with every row's errors, the import with a progress bar that
 * htmx refreshes while it runs. The same service as the API's, so a file gives the same preview either way.
 */
@Controller
@RequestMapping("/imports")
class ImportsScreenController {

    private final FileImports imports;

    ImportsScreenController(FileImports imports) {
        this.imports = imports;
    }

    @Bean
    static Screen importsScreen() {
        return new Screen("/imports", "nav.imports", 45, Role.ADMIN, Role.AGENT);
    }

    @GetMapping
    String upload(Model model) {
        model.addAttribute("kinds", kinds());
        model.addAttribute("imports", imports.newest(20));
        return "backoffice/imports/upload";
    }

    /** Reads the file and shows its preview; a file that cannot be read is refused with the reason, nothing kept. */
    @PostMapping
    String preview(@RequestParam(defaultValue = "orders") String kind, @RequestParam(defaultValue = "") String source,
            @RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        // an unknown kind parses to null, which the immutable list of kinds cannot be asked about
        ImportKind parsed = ImportKind.parse(kind);
        if (parsed == null || !kinds().contains(parsed)) {
            Flash.error(redirect, "flash.invalid", Refusals.of(new FieldError("kind",
                    Wording.of("platform.must_be_one_of", kinds().stream().map(ImportKind::code).toList()))));
            return "redirect:/imports";
        }
        try {
            FileImport preview = imports.preview(parsed, source.strip(),
                    file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload"
                            : file.getOriginalFilename(), file.getContentType(), file.getBytes());
            return "redirect:/imports/" + preview.id();
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e));
            return "redirect:/imports";
        }
    }

    /** Orders and articles for the people who answer customers; opening stock, which changes the ledger, for admins. */
    private static java.util.List<ImportKind> kinds() {
        Layout.Me me = Layout.current();
        return me != null && me.role() == Role.ADMIN ? java.util.List.of(ImportKind.values())
                : java.util.List.of(ImportKind.ORDERS, ImportKind.ARTICLES);
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        model.addAttribute("file", imports.find(id));
        return "backoffice/imports/import";
    }

    /** The progress bar alone, polled by htmx while the import runs. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("file", imports.find(id));
        return "backoffice/imports/import :: progress";
    }

    @PostMapping("/{id}/commit")
    String commit(@PathVariable UUID id, RedirectAttributes redirect) {
        FileImport file = imports.find(id);
        try {
            imports.commit(file.kind(), id);
        } catch (ConflictException e) {
            Flash.error(redirect, "flash.refused", Refusals.of(e));
        }
        return "redirect:/imports/" + id;
    }
}
