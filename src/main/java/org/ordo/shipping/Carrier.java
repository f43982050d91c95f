package org.ordo.shipping;

/** A carrier; {@code trackingUrl} holds {tracking} where the tracking number goes. */
public record Carrier(String code, String name, String trackingUrl, boolean active) {
}
