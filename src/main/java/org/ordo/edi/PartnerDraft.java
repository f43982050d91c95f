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
import org.ordo.platform.Wording;

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
            errors.add(new FieldError(field, Wording.of("edi.is_only_taken_for_x12_partners")));
        } else if (!value.matches(APPLICATION)) {
            errors.add(new FieldError(field, Wording.of("edi.must_be_2_15_letters_digits")));
        }
    }

    /** Checks every field and names each one that is wrong. */
    void check(List<String> paymentMethods) {
        List<FieldError> errors = new ArrayList<>();
        if (code == null || !code.matches(CODE)) {
            errors.add(new FieldError("code", Wording.of("edi.is_required_1_32_capital_letters")));
        }
        if (name == null || name.isBlank() || name.length() > NAME) {
            errors.add(new FieldError("name", Wording.of("edi.must_be_1_200_characters")));
        }
        if (customerId == null) {
            errors.add(new FieldError("customerId", Wording.of("edi.is_required_the_customer_the_partner")));
        }
        if (standard == null) {
            errors.add(new FieldError("standard", Wording.of("edi.is_required_edifact_or_x12")));
        } else if (standard == TradingPartner.Standard.EDIFACT && (version == null
                || !EDIFACT_VERSIONS.contains(version))) {
            errors.add(new FieldError("version", Wording.of("platform.must_be_one_of", EDIFACT_VERSIONS)));
        } else if (standard == TradingPartner.Standard.X12 && !X12_VERSION.equals(version)) {
            errors.add(new FieldError("version", Wording.of("edi.must_be", X12_VERSION)));
        }
        if (standard == TradingPartner.Standard.X12) {
            // ISA's fields have fixed widths: 2 for the qualifier, 15 for the id
            if (senderId != null && senderId.length() > 15) {
                errors.add(new FieldError("senderId", Wording.of("edi.must_be_at_most_15_characters")));
            }
            if (recipientId != null && recipientId.length() > 15) {
                errors.add(new FieldError("recipientId", Wording.of("edi.must_be_at_most_15_characters")));
            }
            if (senderQualifier == null || senderQualifier.length() != 2) {
                errors.add(new FieldError("senderQualifier", Wording.of("edi.is_required_for_x12_2_characters")));
            }
            if (recipientQualifier == null || recipientQualifier.length() != 2) {
                errors.add(new FieldError("recipientQualifier", Wording.of("edi.is_required_for_x12_2_characters_2")));
            }
        }
        if (senderId == null || !senderId.matches(ID)) {
            errors.add(new FieldError("senderId", Wording.of("edi.is_required_1_35_letters_digits")));
        }
        if (recipientId == null || !recipientId.matches(ID)) {
            errors.add(new FieldError("recipientId", Wording.of("edi.is_required_1_35_letters_digits")));
        }
        if (senderQualifier != null && !senderQualifier.matches(QUALIFIER)) {
            errors.add(new FieldError("senderQualifier", Wording.of("edi.must_be_1_4_letters_or")));
        }
        if (recipientQualifier != null && !recipientQualifier.matches(QUALIFIER)) {
            errors.add(new FieldError("recipientQualifier", Wording.of("edi.must_be_1_4_letters_or")));
        }
        if (articleNumbers == null) {
            errors.add(new FieldError("articleNumbers", Wording.of("edi.is_required_gtin_partner_or_sku")));
        }
        if (currency == null || !Money.isKnownCurrency(currency)) {
            errors.add(new FieldError("currency", Wording.of("edi.must_be_an_iso_4217_currency")));
        }
        if (paymentMethod == null || !paymentMethods.contains(paymentMethod)) {
            errors.add(new FieldError("paymentMethod", Wording.of("platform.must_be_one_of", paymentMethods)));
        }
        if (priceTolerance != null && tolerance() == null) {
            errors.add(new FieldError("priceTolerance", Wording.of("edi.must_be_a_percentage_from_0")));
        }
        if (deliveryOrNone() == TradingPartner.Delivery.HTTP) {
            if (deliveryUrl == null || deliveryUrl.length() > 500 || !deliveryUrl.matches("https?://[^\\s]+")) {
                errors.add(new FieldError("deliveryUrl", Wording.of("edi.is_required_with_delivery_http_an")));
            }
        } else if (deliveryUrl != null) {
            errors.add(new FieldError("deliveryUrl", Wording.of("edi.is_only_taken_with_delivery_http")));
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
