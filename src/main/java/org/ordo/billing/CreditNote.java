package org.ordo.billing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.ordo.platform.Address;
import org.ordo.platform.Money;

/**
 * A credit note: money given back on an invoice, for the whole order (a cancellation) or for one refund. Its
 * lines are the invoice's (cancellation) or one per tax rate (a partial refund, split in the invoice's
 * proportions). Amounts are positive: they are credited.
 */
public record CreditNote(UUID id, String number, UUID invoiceId, String invoiceNumber, UUID orderId,
        String orderNumber, Reason reason, String customerEmail, String customerName, Address billingAddress,
        String currency, List<Invoice.Line> lines, Money net, Money tax, Money gross, Instant issuedAt) {

    /** Why the credit note was issued. */
    public enum Reason {
        CANCELLATION, REFUND,
        /** the order was changed after it was invoiced: its invoice is credited and a new one issued */
        ORDER_CHANGE
    }
}
