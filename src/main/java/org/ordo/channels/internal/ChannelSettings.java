package org.ordo.channels.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the shop channels (docs/configuration.md). Their secrets are sealed by the platform's
 * {@link org.ordo.platform.security.SealedSecrets} (ORDO_CHANNELS_SECRET_KEY).
 *
 * @param replayWindow a webhook whose signed creation time is older is refused as replayed
 * @param reportEvery how often due shipment reports are sent to the shops
 * @param maxAttempts attempts per shipment report before it is FAILED
 * @param shopwareAppName the name of the Shopware app whose backend Ordo is (its manifest's {@code meta/name})
 * @param shopwareAppSecret the app secret that signs Shopware's registration requests; empty: no registration
 */
@ConfigurationProperties("ordo.channels")
public record ChannelSettings(@DefaultValue("P3D") Duration replayWindow,
        @DefaultValue("PT15S") Duration reportEvery, @DefaultValue("12") int maxAttempts,
        @DefaultValue("OrdoConnector") String shopwareAppName, @DefaultValue("") String shopwareAppSecret) {
}
