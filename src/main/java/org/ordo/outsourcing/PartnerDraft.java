package org.ordo.outsourcing;

import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Wording;

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
            errors.add(new FieldError("kind", Wording.of("outsourcing.is_required_third_party_warehouse_or")));
        }
        if (name == null || name.isBlank() || name.length() > NAME) {
            errors.add(new FieldError("name", Wording.of("outsourcing.is_required_at_most_characters", NAME)));
        }
        if (delivery == null) {
            errors.add(new FieldError("delivery", Wording.of("outsourcing.is_required_http_folder_or_mail")));
        } else if (delivery == Delivery.HTTP && (url == null || !url.matches("https?://[^\\s]+") || url.length() > URL)) {
            errors.add(new FieldError("url", Wording.of("outsourcing.is_required_for_http_delivery_an", URL)));
        }
        if (delivery == Delivery.MAIL && kind == PartnerKind.THIRD_PARTY_WAREHOUSE) {
            errors.add(new FieldError("delivery", Wording.of("outsourcing.mail_is_for_dropship_suppliers_a")));
        }
        if (supplier != null && (supplier.isBlank() || supplier.length() > SUPPLIER)) {
            errors.add(new FieldError("supplier", Wording.of("outsourcing.must_be_a_supplier_code_of", SUPPLIER)));
        } else if (supplier == null && delivery == Delivery.MAIL) {
            errors.add(new FieldError("supplier", Wording.of("outsourcing.is_required_for_mail_delivery_the")));
        }
        if (url != null && url.length() > URL) {
            errors.add(new FieldError("url", Wording.of("platform.must_be_at_most_characters", URL)));
        }
        if (secret == null || secret.length() < MIN_SECRET || secret.length() > MAX_SECRET || secret.isBlank()) {
            errors.add(new FieldError("secret", Wording.of("outsourcing.is_required_to_characters", MIN_SECRET,
                    MAX_SECRET)));
        }
        String idRule = org.ordo.edi.WarehouseShippingOrders.INTERCHANGE_ID;
        if (ediSenderId != null && !ediSenderId.matches(idRule)) {
            errors.add(new FieldError("ediSenderId", Wording.of("outsourcing.must_be_1_15_letters_digits")));
        } else if (ediSenderId == null && formatOrDefault() == Format.X12_940) {
            errors.add(new FieldError("ediSenderId", Wording.of("outsourcing.is_required_for_x12_940_our")));
        }
        if (ediReceiverId != null && !ediReceiverId.matches(idRule)) {
            errors.add(new FieldError("ediReceiverId", Wording.of("outsourcing.must_be_1_15_letters_digits")));
        } else if (ediReceiverId == null && formatOrDefault() == Format.X12_940) {
            errors.add(new FieldError("ediReceiverId", Wording.of("outsourcing.is_required_for_x12_940_the")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
