package org.ordo.mailroom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.ordo.intake.Intake;
import org.ordo.intake.OpenReview;
import org.ordo.intake.ReviewEntry;
import org.ordo.intake.ReviewQueue;
import org.ordo.mailroom.internal.DraftOrders;
import org.ordo.mailroom.internal.PaperReading;
import org.ordo.mailroom.internal.PaperUploads;
import org.ordo.platform.Actor;
import org.ordo.platform.EmailAddresses;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Sha256;
import org.ordo.platform.TextInput;
import org.ordo.platform.Wording;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paper and fax scans uploaded over HTTP (a scanner's or fax server's upload, a person's): read the way a scan
 * attached to a mail is (PDF text with PDFBox, scans by OCR), then put in the review queue with a draft order, to be
 * confirmed by a person. Nothing read from paper becomes an order without that.
 */
@Service
public class PaperScans {

    /** The largest scan taken: a 20-page fax at 300 dpi is a few megabytes. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_FILE_NAME = 200;

    private final PaperReading paper;
    private final DraftOrders drafts;
    private final PaperUploads uploads;
    private final Intake intake;
    private final ReviewQueue reviews;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PaperScans(PaperReading paper, DraftOrders drafts, PaperUploads uploads, Intake intake, ReviewQueue reviews,
            TransactionTemplate transaction, Clock clock) {
        this.paper = paper;
        this.drafts = drafts;
        this.uploads = uploads;
        this.intake = intake;
        this.reviews = reviews;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The review entry the scan waits in, and whether it is the one an earlier upload of the same scan opened. */
    public record Taken(ReviewEntry entry, boolean replayed) {
    }

    /**
     * Takes a scan: checks that it is a PDF, PNG, TIFF or JPEG by its first bytes (else 422 naming {@code file},
     * nothing stored), reads it (outside any transaction: OCR takes seconds), then in one transaction stores it as
     * the original and opens a review entry of kind ORDER with the text read and a draft (the customer by
     * {@code sender}, an e-mail address, when given). The same scan again (the same bytes) opens nothing new: its
     * entry is answered with {@code replayed}.
     */
    public Taken take(String fileName, byte[] body, String sender) {
        List<FieldError> faults = new ArrayList<>();
        String type = body == null ? null : typeOf(body);
        if (body == null || body.length == 0) {
            faults.add(new FieldError("file", Wording.of("mailroom.is_required_the_scan_as_it")));
        } else if (type == null) {
            faults.add(new FieldError("file", Wording.of("mailroom.must_be_a_pdf_png_tiff")));
        }
        if (fileName != null && (fileName.length() > MAX_FILE_NAME || TextInput.fault(fileName, false) != null)) {
            faults.add(new FieldError("fileName", Wording.of("mailroom.must_be_1_characters_of_text", MAX_FILE_NAME)));
        }
        String from = sender == null || sender.isBlank() ? null : sender.strip().toLowerCase(Locale.ROOT);
        if (from != null && EmailAddresses.fault(from) != null) {
            faults.add(new FieldError("sender", EmailAddresses.fault(from)));
        }
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults);
        }
        String sha = Sha256.hex(body);
        Optional<UUID> before = uploads.entryOf(sha);
        if (before.isPresent()) {
            return new Taken(reviews.entry(before.get()), true);
        }
        PaperReading.Read read = type.equals("application/pdf") ? paper.pdf(body) : paper.image(body);
        String actor = Actor.current();
        DraftOrders.Drafted drafted = drafts.draft("paper", from, null, read.text());
        String how = read.method() == PaperReading.Method.OCR ? "scan read by OCR" : "PDF read from its text";
        String reason = (read.failure() != null ? how + ": " + read.failure()
                : drafted.found().isEmpty() ? how + ": no known article number found"
                        : how + ": " + drafted.found().size() + " line(s) found; check them") + drafted.formNote()
                + (fileName == null || fileName.isBlank() ? "" : " (" + fileName.strip() + ")");
        return transaction.execute(tx -> {
            UUID document = intake.archive("paper", type, body, actor);
            ReviewEntry entry = reviews.open(new OpenReview(document, "", ReviewEntry.Kind.ORDER, reason, from,
                    read.text(), drafted.draft()));
            if (!uploads.claim(sha, document, entry.id(), clock.instant(), actor)) {
                // uploaded at the same moment by another request, which committed first: its entry is the one
                tx.setRollbackOnly();
                return new Taken(reviews.entry(uploads.entryOf(sha).orElseThrow()), true);
            }
            return new Taken(entry, false);
        });
    }

    /** The media type by the file's first bytes; null when it is none of the four. */
    static String typeOf(byte[] body) {
        if (starts(body, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";
        }
        if (starts(body, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(body, 0x49, 0x49, 0x2A, 0x00) || starts(body, 0x4D, 0x4D, 0x00, 0x2A)) {
            return "image/tiff";
        }
        if (starts(body, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        return null;
    }

    private static boolean starts(byte[] body, int... prefix) {
        if (body.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((body[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
