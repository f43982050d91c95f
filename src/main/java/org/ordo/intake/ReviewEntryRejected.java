package org.ordo.intake;

import java.util.UUID;

/**
 * A person rejected an entry of the review queue; {@code notifySender} when the sender is to be told why (by mail to
 * {@code sender}).
 */
public record ReviewEntryRejected(UUID entryId, UUID documentId, String sender, String reason, boolean notifySender) {
}
