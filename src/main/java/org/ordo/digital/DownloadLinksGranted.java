package org.ordo.digital;

import java.util.List;
import java.util.UUID;

/**
 * Event: the download links of a released order exist (published inside the transaction that granted them, so
 * that whoever tells the customer commits or rolls back with the links).
 */
public record DownloadLinksGranted(UUID orderId, String number, String locale, String customerEmail,
        List<Entitlement> links) {
}
