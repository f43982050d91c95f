package org.ordo.platform;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ordo's settings. Each is also an environment variable (see application.properties and docs/configuration.md).
 *
 * @param dataDir where the embedded database and stored documents live
 * @param db the database to use; blank url: the embedded one
 * @param bootstrapApiKey an admin API key to create at start-up
 * @param demoData load demo data into an empty database; unset: only on the embedded database
 * @param api limits of the HTTP API
 * @param orders order intake defaults
 */
@ConfigurationProperties("ordo")
public record OrdoProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Db db,
        String bootstrapApiKey,
        Boolean demoData,
        @DefaultValue Api api,
        @DefaultValue Orders orders,
        @DefaultValue Payment payment,
        @DefaultValue Shipping shipping,
        @DefaultValue Digital digital) {

    /**
     * @param webhookSecret shared secret of the carriers' tracking webhook; unset: tracking webhooks are refused
     * @param carrier the carrier orders ship with (a carrier code), for the address check: whether it delivers to
     *        PO boxes and parcel lockers; unset: such addresses are held for a person (docs/addresses.md)
     */
    public record Shipping(String webhookSecret, @DefaultValue("PT5M") Duration webhookTolerance, String carrier) {
    }

    /**
     * @param linkValidFor how long a download link works
     * @param maxDownloads how often each download link may be used
     * @param maxFileSize the largest file of a digital article taken (a PDF, an e-book, a zip); larger is refused
     *        with 413 before it is read
     */
    public record Digital(@DefaultValue("P30D") Duration linkValidFor, @DefaultValue("5") int maxDownloads,
            @DefaultValue("100MB") org.springframework.util.unit.DataSize maxFileSize) {
    }

    /**
     * @param webhookSecret shared secret of the payment provider's webhooks; unset: webhooks are refused
     * @param webhookTolerance how far a webhook's signature time may be from now
     * @param providerUrl base URL of the provider's API (Stripe-compatible); unset: captures, voids and refunds
     *        are only recorded as requested, for a person to carry out
     * @param providerKey the secret API key for the provider's API
     */
    public record Payment(String webhookSecret, @DefaultValue("PT5M") Duration webhookTolerance,
            String providerUrl, String providerKey) {

        /** True when Ordo may call the provider itself (capture, void, refund). */
        public boolean providerConfigured() {
            return providerUrl != null && !providerUrl.isBlank() && providerKey != null && !providerKey.isBlank();
        }
    }

    /**
     * @param url JDBC URL of an existing PostgreSQL; blank starts the embedded one
     * @param embeddedPort fixed port for the embedded server; 0 picks a free one
     * @param embeddedClean wipe the embedded data directory at start (tests only)
     * @param binariesDir where the PostgreSQL binaries are unpacked (default: the temp directory)
     */
    public record Db(String url, String user, String password, @DefaultValue("20") int poolSize,
            @DefaultValue("0") int embeddedPort, @DefaultValue("false") boolean embeddedClean, Path binariesDir) {

        public boolean embedded() {
            return url == null || url.isBlank();
        }
    }

    /** @param maxBodyBytes requests with a larger body are refused with 413 */
    public record Api(@DefaultValue("1048576") long maxBodyBytes, @DefaultValue("100") int maxPageSize) {
    }

    /**
     * @param promiseWithin when an order is promised to ship if the request names no date
     * @param holdFirstOrderAbove hold a customer's first order above this gross amount, per currency
     * @param holdOnCountryMismatch hold orders whose billing and shipping countries differ
     */
    public record Orders(@DefaultValue("P2D") Duration promiseWithin, @DefaultValue("10000") int maxLineQuantity,
            @DefaultValue("500") int maxLines, Map<String, BigDecimal> holdFirstOrderAbove,
            @DefaultValue("true") boolean holdOnCountryMismatch) {

        public Orders {
            holdFirstOrderAbove = holdFirstOrderAbove == null ? Map.of() : Map.copyOf(holdFirstOrderAbove);
        }
    }
}
