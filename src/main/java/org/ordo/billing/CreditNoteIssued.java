package org.ordo.billing;

import java.util.List;
import java.util.UUID;

import org.ordo.platform.Money;

/** Event: a credit note got its number; {@code documents} are the ids its PDF will be stored under. */
public record CreditNoteIssued(UUID creditNoteId, UUID orderId, String number, String invoiceNumber, Money gross,
        List<UUID> documents) {
}
