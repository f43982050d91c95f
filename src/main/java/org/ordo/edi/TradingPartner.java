package org.ordo.edi;

import java.time.Instant;
import java.util.UUID;

import org.ordo.platform.Address;

/**
 * A business customer that orders by EDI. {@code senderId} (with its qualifier, e.g. {@code 14} for a GLN) is how
 * its interchanges name it in UNB; {@code recipientId} is how it names us. Orders are placed for {@code customerId}
 * with the partner's currency and payment method, shipped to the message's delivery party or else to {@code shipTo}.
 * A line whose price differs from the catalog's by more than {@code priceTolerance} percent goes to review.
 * Outgoing messages reach it as {@code delivery} says.
 */
public record TradingPartner(String code, String name, UUID customerId, Standard standard, String version,
        String senderQualifier, String senderId, String recipientQualifier, String recipientId,
        ArticleNumbers articleNumbers, String currency, String paymentMethod, Address shipTo,
        @com.fasterxml.jackson.annotation.JsonFormat(shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING)
        @io.swagger.v3.oas.annotations.media.Schema(implementation = String.class, format = "decimal", example = "5",
                description = "percent; absent: prices are not compared") java.math.BigDecimal priceTolerance, long lastControlNumber,
        Delivery delivery, String deliveryUrl,
        @io.swagger.v3.oas.annotations.media.Schema(example = "MEGAMARTPO", description = "X12: GS02 of the partner's "
                + "groups, checked on receipt and GS03 of ours; absent: not checked, and ours name senderId")
        String applicationSenderCode,
        @io.swagger.v3.oas.annotations.media.Schema(example = "ORDOSALES", description = "X12: GS03 of the partner's "
                + "groups, checked on receipt and GS02 of ours; absent: not checked, and ours name recipientId")
        String applicationReceiverCode,
        Instant createdAt, Instant updatedAt) {

    /** Our application in the GS02 of the groups we send (X12): the agreed code, else how the partner names us. */
    public String ourApplicationCode() {
        return applicationReceiverCode != null ? applicationReceiverCode : recipientId;
    }

    /** The partner's application in the GS03 of the groups we send (X12): the agreed code, else its sender id. */
    public String theirApplicationCode() {
        return applicationSenderCode != null ? applicationSenderCode : senderId;
    }

    /** How outgoing messages reach the partner (see docs/edi.md). */
    public enum Delivery {
        /** not delivered: the partner fetches them through the API */
        NONE,
        /** written to the partner's folder under ORDO_EDI_OUTBOX */
        FOLDER,
        /** POSTed to the partner's URL */
        HTTP
    }

    public enum Standard {
        EDIFACT, X12
    }

    /** How the partner's order lines name an article. */
    public enum ArticleNumbers {
        /** the GTIN/EAN in LIN, matched with the article's {@code gtin} */
        GTIN,
        /** the buyer's own article number (PIA with code BP), mapped per partner to our SKU */
        PARTNER,
        /** our SKU, as the supplier's article number (PIA with code SA) */
        SKU
    }
}
