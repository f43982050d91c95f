package org.ordo.backoffice.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.ordo.backoffice.Screen;
import org.ordo.intake.Intake;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.mailroom.PaperScans;
import org.ordo.ordering.OrderView;
import org.ordo.ordering.PlaceOrder;
import org.ordo.party.CustomerDraft;
import org.ordo.payment.PaymentManagement;
import org.ordo.platform.Address;
import org.ordo.platform.BodySizeLimit;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Role;
import org.ordo.platform.Slice;
import org.ordo.platform.Wording;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
 * The review queue for agents: what waits, soonest due first; one entry with the original beside what was read, and
 * the draft to correct and confirm into an order, or to reject or resolve.
 */
@Controller
@RequestMapping("/review")
class ReviewScreenController {

    private static final int PAGE = 50;

    private final ReviewQueue queue;
    private final Intake intake;
    private final PaymentManagement payments;
    private final PaperScans scans;

    ReviewScreenController(ReviewQueue queue, Intake intake, PaymentManagement payments, PaperScans scans) {
        this.queue = queue;
        this.intake = intake;
        this.payments = payments;
        this.scans = scans;
    }

    /**
     * A scan or fax uploaded by an agent: read and put in the queue the way {@code POST /api/v1/paper} does (one
     * path, {@link PaperScans#take}), then the entry is shown to correct and confirm. A file that is not a scan,
     * or too large, is refused with the reason and nothing is kept.
     */
    @PostMapping("/paper")
    String uploadScan(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String sender, RedirectAttributes redirect) throws java.io.IOException {
        if (file == null || file.isEmpty()) {
            Flash.error(redirect, "flash.invalid",
                    Refusals.of(new FieldError("file", Wording.of("mailroom.is_required_the_scan_as_it"))));
            return "redirect:/review";
        }
        if (file.getSize() > PaperScans.MAX_BYTES) {
            Flash.error(redirect, "flash.invalid", Refusals.of(new FieldError("file",
                    Wording.of("mailroom.must_be_at_most_mib", PaperScans.MAX_BYTES / (1024 * 1024)))));
            return "redirect:/review";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? null
                : file.getOriginalFilename().strip();
        if (name != null && name.length() > PaperScans.MAX_FILE_NAME) {
            name = name.substring(name.length() - PaperScans.MAX_FILE_NAME);
        }
        try {
            PaperScans.Taken taken = scans.take(name, file.getBytes(), sender);
            Flash.success(redirect, taken.replayed() ? "review.scanKnown" : "review.scanUploaded");
            return "redirect:/review/" + taken.entry().id();
        } catch (InvalidInputException e) {
            Flash.error(redirect, "flash.invalid", Refusals.of(e));
            return "redirect:/review";
        }
    }

    /**
     * The upload form takes scans as large as {@code POST /api/v1/paper} does (and room for the form's fields): at the
     * default body limit of 1 MiB a fax of a few pages got a bare 413 (or, mid-upload, a closed connection).
     */
    @Bean
    static BodySizeLimit scanUploadSizeLimit() {
        return new BodySizeLimit("POST", "/review/paper", PaperScans.MAX_BYTES + 64 * 1024);
    }

    @Bean
    static Screen reviewScreen() {
        return new Screen("/review", "nav.review", 15, Role.ADMIN, Role.AGENT);
    }

    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String after,
            Model model) {
        ReviewEntry.Status filter = ReviewEntry.Status.OPEN;
        for (ReviewEntry.Status s : ReviewEntry.Status.values()) {
            if (s.name().equals(status)) {
                filter = s;
            }
        }
        Slice<ReviewEntry> page = queue.entries(filter, null, after == null || after.isBlank() ? null : after, PAGE);
        model.addAttribute("entries", page);
        model.addAttribute("status", filter.name());
        model.addAttribute("statuses", ReviewEntry.Status.values());
        return "backoffice/review/list";
    }

    @GetMapping("/{id}")
    String entry(@PathVariable UUID id, Model model) {
        ReviewEntry entry = queue.entry(id);
        model.addAttribute("entry", entry);
        PlaceOrder draft = entry.draft();
        model.addAttribute("draft", draft);
        model.addAttribute("address", draft == null ? null : draft.shippingAddress());
        model.addAttribute("lines", draft == null || draft.lines() == null ? "" : String.join("\n",
                draft.lines().stream().map(l -> l.sku() + " " + l.quantity()).toList()));
        String type = entry.contentType() == null ? "" : entry.contentType();
        model.addAttribute("showImage", type.startsWith("image/"));
        model.addAttribute("showPdf", type.equals("application/pdf"));
        model.addAttribute("originalText", type.startsWith("image/") || type.equals("application/pdf") ? null
                : new String(intake.originalBody(entry.documentId()), java.nio.charset.StandardCharsets.UTF_8));
        return "backoffice/review/entry";
    }

    /**
     * The original as received, for the page beside the recognised text (images, PDFs), or with {@code download}
     * as a file to keep or forward, under the attachment's name or {@code original-<entry>.<ext>}, byte for byte.
     */
    @GetMapping("/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable UUID id,
            @RequestParam(name = "download", defaultValue = "false") boolean download) {
        ReviewEntry entry = queue.entry(id);
        MediaType type;
        try {
            type = MediaType.parseMediaType(entry.contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        if (!type.getType().equals("image") && !type.isCompatibleWith(MediaType.APPLICATION_PDF)) {
            // shown as text on the page; never served as HTML or script from our origin
            type = MediaType.TEXT_PLAIN;
        }
        var answer = ResponseEntity.ok().contentType(type).header("X-Content-Type-Options", "nosniff");
        if (download) {
            answer.contentType(MediaType.APPLICATION_OCTET_STREAM).header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(fileName(entry), StandardCharsets.UTF_8).build()
                            .toString());
        }
        return answer.body(intake.originalBody(entry.documentId()));
    }

    /** The attachment's own name, or one made of the entry and its media type. */
    static String fileName(ReviewEntry entry) {
        if (entry.part() != null && !entry.part().isBlank() && entry.part().length() <= 200
                && entry.part().chars().noneMatch(c -> c == '/' || c == '\\' || Character.isISOControl(c))) {
            return entry.part();
        }
        String type = entry.contentType() == null ? "" : entry.contentType().toLowerCase(java.util.Locale.ROOT);
        String extension = type.startsWith("application/pdf") ? "pdf" : type.startsWith("image/png") ? "png"
                : type.startsWith("image/jpeg") ? "jpg" : type.startsWith("image/tiff") ? "tif"
                : type.startsWith("message/rfc822") ? "eml" : type.startsWith("application/edifact")
                        || type.startsWith("application/edi-x12") ? "edi"
                : type.startsWith("application/json") ? "json" : type.startsWith("text/csv") ? "csv"
                : type.startsWith("text/") ? "txt" : "bin";
        return "original-" + entry.id() + "." + extension;
    }

    @PostMapping("/{id}/take")
    String take(@PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> queue.assign(id, null), "review.taken");
        return "redirect:/review/" + id;
    }

    /** The agent's corrections of the draft: the customer, the address, one line per article ("SKU quantity"). */
    record Correction(String customerId, String email, String name, String street, String postalCode, String city,
            String country, String currency, String paymentMethod, String lines, String note) {
    }

    @PostMapping("/{id}/confirm")
    String confirm(@PathVariable UUID id, Correction correction, RedirectAttributes redirect) {
        OrderView[] placed = new OrderView[1];
        if (Attempt.run(redirect, () -> placed[0] = queue.confirm(id, order(queue.entry(id), correction)),
                "review.confirmed")) {
            return "redirect:/orders/" + placed[0].number();
        }
        return "redirect:/review/" + id;
    }

    @PostMapping("/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(required = false) String reason,
            @RequestParam(defaultValue = "false") boolean notifySender, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> queue.reject(id, reason, notifySender), "review.rejected");
        return "redirect:/review/" + id;
    }

    /** A late payment's order opened again (its stock reserved again), through the payment module's one path. */
    @PostMapping("/{id}/reopen-order")
    String reopenOrder(@PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> payments.reopenLatePayment(id), "review.orderReopened");
        return "redirect:/review/" + id;
    }

    /** A late payment given back; the order stays cancelled. */
    @PostMapping("/{id}/refund-payment")
    String refundPayment(@PathVariable UUID id, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> payments.refundLatePayment(id), "review.paymentRefunded");
        return "redirect:/review/" + id;
    }

    @PostMapping("/{id}/resolve")
    String resolve(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        Attempt.run(redirect, () -> queue.resolve(id, note), "review.resolved");
        return "redirect:/review/" + id;
    }

    private static PlaceOrder order(ReviewEntry entry, Correction c) {
        List<PlaceOrder.Line> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        String[] rows = c.lines() == null ? new String[0] : c.lines().split("\\R");
        for (int i = 0; i < rows.length; i++) {
            String row = rows[i].strip();
            if (row.isEmpty()) {
                continue;
            }
            String[] cells = row.split("\\s+");
            if (cells.length != 2 || !cells[1].matches("[1-9][0-9]{0,5}")) {
                errors.add(new FieldError("lines", Wording.of("backoffice.line_must_be_a_sku_and", (i + 1), row)));
                continue;
            }
            lines.add(new PlaceOrder.Line(cells[0], Long.parseLong(cells[1])));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        UUID customerId;
        try {
            customerId = blank(c.customerId()) ? null : UUID.fromString(c.customerId().strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("customerId", Wording.of("backoffice.is_not_a_customer_id"));
        }
        CustomerDraft customer = customerId != null ? null : CustomerDraft.contact(trim(c.email()), trim(c.name()),
                null);
        Address address = blank(c.street()) && blank(c.city()) ? null : new Address(trim(c.name()), null,
                trim(c.street()), null, trim(c.postalCode()), trim(c.city()), null, trim(c.country()), null);
        String channel = entry.draft() != null && entry.draft().channel() != null ? entry.draft().channel() : "email";
        return new PlaceOrder(channel, null, customerId, customer, address, null, trim(c.currency()),
                trim(c.paymentMethod()), null, blank(c.note()) ? null : c.note().strip(), lines);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.strip();
    }
}
