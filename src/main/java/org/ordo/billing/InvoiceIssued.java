package org.ordo.billing;

import java.util.List;
import java.util.UUID;

/**
 * Event: an invoice got its number. {@code documents} are the ids its files will be stored under (the PDF; for
 * business customers also the ZUGFeRD PDF and the XRechnung XML), rendered right after the invoice commits or,
 * if that has not happened yet, when first asked for; see {@link DocumentArchive#rendered}.
 */
public record InvoiceIssued(UUID invoiceId, UUID orderId, String number, List<UUID> documents) {
}
