package org.ordo.edi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.ordo.platform.Address;
import org.ordo.platform.FieldError;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.Money;

/** What an admin says about a trading partner when registering or changing it. */
public record PartnerDraft(
        @Schema(example = "MEGAMARKT", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + CODE + "$", maxLength = 32,
                description = "when changing a partner: the one in the path") String code,
        @Schema(example = "Megamarkt GmbH", requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1, maxLength = NAME) String name,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) UUID customerId,
        @Schema(example = "EDIFACT", requiredMode = Schema.RequiredMode.REQUIRED) TradingPartner.Standard standard,
        @Schema(example = "D96A", description = "EDIFACT: D96A or D01B; X12: 004010",
                allowableValues = {"D96A", "D01B", "004010"}) String version,
        @Schema(example = "14", description = "UNB sender qualifier, e.g. 14 for a GLN; X12: ISA05, e.g. ZZ",
                pattern = "^" + QUALIFIER + "$", maxLength = 4) String senderQualifier,
        @Schema(example = "5412345000013", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + ID + "$", maxLength = 35,
                description = "X12: at most 15 characters") String senderId,
        @Schema(example = "14", pattern = "^" + QUALIFIER + "$", maxLength = 4) String recipientQualifier,
        @Schema(example = "4012345000009", description = "how the partner names us in UNB; X12: at most 15 characters",
                requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^" + ID + "$", maxLength = 35) String recipientId,
        @Schema(example = "GTIN", requiredMode = Schema.RequiredMode.REQUIRED) TradingPartner.ArticleNumbers articleNumbers,
        @Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED, pattern = "^[A-Z]{3}$", maxLength = 3) String currency,
        @Schema(example = "invoice", requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"prepayment", "card", "wallet", "paypal", "invoice",
                "cash_on_delivery", "marketplace"}) String paymentMethod,
        @Schema(description = "where to ship when a message names no delivery address") Address shipTo,
        @Schema(example = "2", description = "percent: a line whose price differs from ours by more goes to review; "
                + "absent: prices are not compared", pattern = "^[0-9]{1,3}(\\.[0-9]{1,2})?$", maxLength = 6) String priceTolerance,
        @Schema(example = "FOLDER", description = "how outgoing messages reach the partner: NONE (fetched through "
                + "the API), FOLDER (written to its folder under ORDO_EDI_OUTBOX) or HTTP (POSTed to deliveryUrl); "
                + "absent: NONE") TradingPartner.Delivery delivery,
        @Schema(example = "https://edi.megamarkt.example/inbound", description = "with delivery HTTP: where each "
                + "outgoing interchange is POSTed", pattern = "^https?://\\S+$", maxLength = 500) String deliveryUrl,
        @Schema(example = "MEGAMARTPO", description = "X12 only: the application code the partner sends in GS02 "
                + "(and receives in GS03 of ours); absent: GS02 is not checked and ours name senderId",
                pattern = "^" + APPLICATION + "$", minLength = 2, maxLength = 15) String applicationSenderCode,
        @Schema(example = "ORDOSALES", description = "X12 only: our application code, as the partner sends it in "
                + "GS03 (and as GS02 of ours); absent: GS03 is not checked and ours name recipientId",
                pattern = "^" + APPLICATION + "$", minLength = 2, maxLength = 15) String applicationReceiverCode) {

    /** NONE when absent. */
    public TradingPartner.Delivery deliveryOrNone() {
        return delivery == null ? TradingPartner.Delivery.NONE : delivery;
    }

    static final Set<String> EDIFACT_VERSIONS = Set.of("D96A", "D01B");
    static final String X12_VERSION = "004010";
    private static final String ID = "[A-Za-z0-9 ._/-]{1,35}";
    private static final String QUALIFIER = "[A-Za-z0-9]{1,4}";
    private static final String APPLICATION = "[A-Za-z0-9 ._/-]{2,15}";
    private static final String CODE = "[A-Z0-9][A-Z0-9_-]{0,31}";
    private static final int NAME = 200;

    /** The tolerance as a number, or null when absent or not a percentage with at most 2 decimals. */
    java.math.BigDecimal tolerance() {
        if (priceTolerance == null || !priceTolerance.matches("[0-9]{1,3}(\\.[0-9]{1,2})?")) {
            return null;
        }
        java.math.BigDecimal value = new java.math.BigDecimal(priceTolerance);
        return value.compareTo(java.math.BigDecimal.valueOf(100)) > 0 ? null : value;
    }

    /** GS02 and GS03 are 2-15 characters and exist only in X12 (EDIFACT's optional UNG is not used). */
    private void checkApplicationCode(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        if (standard != TradingPartner.Standard.X12) {
            errors.add(new FieldError(field, "is only taken for X12 partners (GS02/GS03)"));
        } else if (!value.matches(APPLICATION)) {
            errors.add(new FieldError(field, "must be 2-15 letters, digits, spaces or . _ / -"));
        }
    }

    /** Checks every field and names each one that is wrong. */
    void check(List<String> paymentMethods) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(CODE)) {
            errors.add(new FieldError("code", "is required: 1-32 capital letters, digits, '_' or '-'"));
        }
        if (name == null || name.isBlank() || name.length() > NAME) {
            errors.add(new FieldError("name", "must be 1-200 characters"));
        }
        if (customerId == null) {
            errors.add(new FieldError("customerId", "is required: the customer the partner orders for"));
        }
        if (standard == null) {
            errors.add(new FieldError("standard", "is required: EDIFACT or X12"));
        } else if (standard == TradingPartner.Standard.EDIFACT && (version == null
                || !EDIFACT_VERSIONS.contains(version))) {
            errors.add(new FieldError("version", "must be one of " + EDIFACT_VERSIONS));
        } else if (standard == TradingPartner.Standard.X12 && !X12_VERSION.equals(version)) {
            errors.add(new FieldError("version", "must be " + X12_VERSION));
        }
        if (standard == TradingPartner.Standard.X12) {
            // ISA's fields have fixed widths: 2 for the qualifier, 15 for the id
            if (senderId != null && senderId.length() > 15) {
                errors.add(new FieldError("senderId", "must be at most 15 characters for X12"));
            }
            if (recipientId != null && recipientId.length() > 15) {
                errors.add(new FieldError("recipientId", "must be at most 15 characters for X12"));
            }
            if (senderQualifier == null || senderQualifier.length() != 2) {
                errors.add(new FieldError("senderQualifier", "is required for X12: 2 characters (ISA05), e.g. ZZ"));
            }
            if (recipientQualifier == null || recipientQualifier.length() != 2) {
                errors.add(new FieldError("recipientQualifier", "is required for X12: 2 characters (ISA07)"));
            }
        }
        if (senderId == null || !senderId.matches(ID)) {
            errors.add(new FieldError("senderId", "is required: 1-35 letters, digits, spaces or . _ / -"));
        }
        if (recipientId == null || !recipientId.matches(ID)) {
            errors.add(new FieldError("recipientId", "is required: 1-35 letters, digits, spaces or . _ / -"));
        }
        if (senderQualifier != null && !senderQualifier.matches(QUALIFIER)) {
            errors.add(new FieldError("senderQualifier", "must be 1-4 letters or digits"));
        }
        if (recipientQualifier != null && !recipientQualifier.matches(QUALIFIER)) {
            errors.add(new FieldError("recipientQualifier", "must be 1-4 letters or digits"));
        }
        if (articleNumbers == null) {
            errors.add(new FieldError("articleNumbers", "is required: GTIN, PARTNER or SKU"));
        }
        if (currency == null || !Money.isKnownCurrency(currency)) {
            errors.add(new FieldError("currency", "must be an ISO 4217 currency code"));
        }
        if (paymentMethod == null || !paymentMethods.contains(paymentMethod)) {
            errors.add(new FieldError("paymentMethod", "must be one of " + paymentMethods));
        }
        if (priceTolerance != null && tolerance() == null) {
            errors.add(new FieldError("priceTolerance", "must be a percentage from 0 to 100 with at most 2 decimals"));
        }
        if (deliveryOrNone() == TradingPartner.Delivery.HTTP) {
            if (deliveryUrl == null || deliveryUrl.length() > 500 || !deliveryUrl.matches("https?://[^\\s]+")) {
                errors.add(new FieldError("deliveryUrl", "is required with delivery HTTP: an http or https URL of at "
                        + "most 500 characters"));
            }
        } else if (deliveryUrl != null) {
            errors.add(new FieldError("deliveryUrl", "is only taken with delivery HTTP"));
        }
        checkApplicationCode("applicationSenderCode", applicationSenderCode, errors);
        checkApplicationCode("applicationReceiverCode", applicationReceiverCode, errors);
        if (shipTo != null) {
            errors.addAll(shipTo.problems("shipTo"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
