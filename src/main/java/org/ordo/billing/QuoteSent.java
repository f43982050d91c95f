package org.ordo.billing;

import java.util.UUID;

/**
 * Event: a quote is to be sent to its customer; {@code sending} counts its sends (1 for the first),
 * {@code documentId} is its stored PDF (see {@link DocumentArchive}).
 */
public record QuoteSent(UUID quoteId, String number, int sending, UUID documentId) {
}
