package org.ordo.outsourcing;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;

/** What an admin says about a 3PL or dropship supplier at an existing location. */
@Schema(name = "FulfilmentPartnerRequest")
public record PartnerDraft(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) PartnerKind kind,
        @Schema(example = "Fulfil GmbH", requiredMode = Schema.RequiredMode.REQUIRED, maxLength = NAME) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "HTTP: each request is POSTed to url; FOLDER: one file per request in the exchange folder; MAIL (dropship suppliers only): each request becomes a purchase order to supplier, mailed as PDF in its language")
        Delivery delivery,
        @Schema(example = "https://3pl.example/ordo/requests", maxLength = URL, description = "required for HTTP delivery: http or https")
        String url,
        @Schema(example = "a-long-shared-secret", requiredMode = Schema.RequiredMode.REQUIRED, minLength = MIN_SECRET, maxLength = MAX_SECRET,
                description = "signs the requests Ordo sends and checks the reports the partner sends (HMAC-SHA256); never shown again")
        String secret,
        @Schema(description = "default true; an inactive partner gets no requests") Boolean active,
        @Schema(description = "what a request is: JSON (default), or X12_940 (an X12 004010 940 warehouse shipping "
                + "order) for a 3PL that wants EDI; then ediSenderId and ediReceiverId are required") Format format,
        @Schema(example = "ORDOSHOP", maxLength = 15, pattern = org.ordo.edi.WarehouseShippingOrders.INTERCHANGE_ID,
                description = "our X12 interchange identifier (ISA06, qualifier ZZ) in the 940s to this partner")
        String ediSenderId,
        @Schema(example = "FULFIL3PL", maxLength = 15, pattern = org.ordo.edi.WarehouseShippingOrders.INTERCHANGE_ID,
                description = "the partner's X12 interchange identifier (ISA08, qualifier ZZ)") String ediReceiverId,
        @Schema(example = "LAMPEN", maxLength = SUPPLIER, description = "required for MAIL delivery: the supplier "
                + "(in purchasing) whose e-mail address, language and prices the purchase orders use")
        String supplier) {

    static final int NAME = 100;
    static final int URL = 500;
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;
    static final int SUPPLIER = 32;

    /** What a request is written as. */
    public enum Format {
        JSON, X12_940
    }

    /** The format, JSON when none is named. */
    public Format formatOrDefault() {
        return format == null ? Format.JSON : format;
    }

    /** How requests reach the partner. */
    public enum Delivery {
        HTTP, FOLDER, MAIL
    }

    void check() {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) {
            errors.add(new FieldError("kind", "is required: THIRD_PARTY_WAREHOUSE or DROPSHIP_SUPPLIER"));
        }
        if (name == null || name.isBlank() || name.length() > NAME) {
            errors.add(new FieldError("name", "is required, at most " + NAME + " characters"));
        }
        if (delivery == null) {
            errors.add(new FieldError("delivery", "is required: HTTP, FOLDER or MAIL"));
        } else if (delivery == Delivery.HTTP && (url == null || !url.matches("https?://[^\\s]+") || url.length() > URL)) {
            errors.add(new FieldError("url", "is required for HTTP delivery: an http(s) URL of at most " + URL
                    + " characters"));
        }
        if (delivery == Delivery.MAIL && kind == PartnerKind.THIRD_PARTY_WAREHOUSE) {
            errors.add(new FieldError("delivery", "MAIL is for dropship suppliers: a 3PL gets HTTP or FOLDER"));
        }
        if (supplier != null && (supplier.isBlank() || supplier.length() > SUPPLIER)) {
            errors.add(new FieldError("supplier", "must be a supplier code of at most " + SUPPLIER + " characters"));
        } else if (supplier == null && delivery == Delivery.MAIL) {
            errors.add(new FieldError("supplier", "is required for MAIL delivery: the supplier to send orders to"));
        }
        if (url != null && url.length() > URL) {
            errors.add(new FieldError("url", "must be at most " + URL + " characters"));
        }
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.isBlank()) {
            errors.add(new FieldError("secret", "is required, " + MIN_SECRET + " to " + MAX_SECRET + " characters"));
        }
        String idRule = org.ordo.edi.WarehouseShippingOrders.INTERCHANGE_ID;
        if (ediSenderId != null && !ediSenderId.matches(idRule)) {
            errors.add(new FieldError("ediSenderId", "must be 1-15 letters, digits, '.', '_' or '-'"));
        } else if (ediSenderId == null && formatOrDefault() == Format.X12_940) {
            errors.add(new FieldError("ediSenderId", "is required for X12_940: our interchange identifier"));
        }
        if (ediReceiverId != null && !ediReceiverId.matches(idRule)) {
            errors.add(new FieldError("ediReceiverId", "must be 1-15 letters, digits, '.', '_' or '-'"));
        } else if (ediReceiverId == null && formatOrDefault() == Format.X12_940) {
            errors.add(new FieldError("ediReceiverId", "is required for X12_940: the partner's interchange identifier"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
