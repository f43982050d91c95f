package org.ordo.digital;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.ordo.catalog.Article;
import org.ordo.catalog.Catalog;
import org.ordo.digital.internal.Assets;
import org.ordo.digital.internal.Entitlements;
import org.ordo.ordering.OrderLifecycle;
import org.ordo.ordering.OrderReleased;
import org.ordo.platform.ConflictException;
import org.ordo.platform.InvalidInputException;
import org.ordo.platform.ListensWhen;
import org.ordo.platform.NotFoundException;
import org.ordo.platform.OrdoProperties;
import org.ordo.platform.Wording;
import org.ordo.platform.web.PayloadTooLargeException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Delivers digital goods as download links once an order is released (paid, or terms allow). */
@Service
public class DigitalDelivery {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Entitlements entitlements;
    private final Assets assets;
    private final Catalog catalog;
    private final OrderLifecycle lifecycle;
    private final ApplicationEventPublisher events;
    private final OrdoProperties.Digital settings;
    private final Clock clock;

    DigitalDelivery(Entitlements entitlements, Assets assets, Catalog catalog, OrderLifecycle lifecycle,
            ApplicationEventPublisher events, OrdoProperties properties, Clock clock) {
        this.entitlements = entitlements;
        this.assets = assets;
        this.catalog = catalog;
        this.lifecycle = lifecycle;
        this.events = events;
        this.settings = properties.digital();
        this.clock = clock;
    }

    /**
     * Grants a link per digital line of a released order (once), and records the delivery on the order. Only for an
     * order with digital lines: for any other the condition keeps the event registry from storing (and then
     * completing) a publication that would do nothing, three statements per released order (docs/benchmarks.md,
     * "The write path").
     */
    @ApplicationModuleListener
    @ListensWhen("hasDigitalLines")
    void on(OrderReleased released) {
        deliver(released);
    }

    /** The condition of {@link #on}: asked as the order is released, in its transaction. */
    boolean hasDigitalLines(OrderReleased released) {
        return !released.digitalLines().isEmpty();
    }

    /**
     * Grants the links of a released order's digital lines (once per line), records the delivery on the order and
     * publishes {@link DownloadLinksGranted} in the same transaction. Nothing for an order without digital lines.
     */
    @Transactional
    public void deliver(OrderReleased released) {
        if (released.digitalLines().isEmpty()) {
            return;
        }
        Instant expires = clock.instant().plus(settings.linkValidFor());
        for (OrderReleased.DigitalLine line : released.digitalLines()) {
            entitlements.grant(released.orderId(), released.number(), line.lineNo(), line.sku(), line.name(),
                    token(), expires, settings.maxDownloads() * (int) Math.min(line.quantity(), 100));
        }
        lifecycle.markDigitalDelivered(released.orderId(), released.digitalLines().size() + " download link(s)");
        events.publishEvent(new DownloadLinksGranted(released.orderId(), released.number(), released.locale(),
                released.customerEmail(), entitlements.ofOrder(released.orderId())));
    }

    public List<Entitlement> entitlementsOf(UUID orderId) {
        return entitlements.ofOrder(orderId);
    }

    /** A file to send. */
    public record Download(String filename, String contentType, byte[] content) {
    }

    /**
     * Serves a download and counts it. Unknown tokens are 404; expired, used-up or revoked links 410 (Gone);
     * a link whose file has not been uploaded yet 409, without counting.
     */
    @Transactional
    public Download download(String token) {
        return serve(token, true);
    }

    /**
     * What {@link #download} would answer, without counting a download (HTTP HEAD: link checkers and download
     * managers ask before they fetch). Refuses exactly as {@link #download} does.
     */
    @Transactional(readOnly = true)
    public Download inspect(String token) {
        return serve(token, false);
    }

    private Download serve(String token, boolean count) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,100}")) {
            throw new NotFoundException("Download", "link");
        }
        String refusal = entitlements.refusal(token).orElse(null);
        if ("unknown".equals(refusal)) {
            throw new NotFoundException("Download", "link");
        }
        if (refusal != null) {
            throw new LinkGone("This download link is " + refusal, entitlements.orderOf(token));
        }
        String sku = entitlements.ofOrderToken(token);
        Assets.Asset asset = assets.find(sku).orElseThrow(() -> new ConflictException("file-missing",
                "File not available", Wording.of("digital.the_file_for_this_download_is"),
                Map.of("sku", sku)));
        if (count) {
            entitlements.use(token).orElseThrow(() -> new LinkGone("This download link is used up",
                    entitlements.orderOf(token)));
        }
        return new Download(asset.filename(), asset.contentType(), asset.content());
    }

    /** Stores (or replaces) the file of a digital article. */
    public void upload(String sku, String filename, String contentType, byte[] content) {
        try {
            upload(sku, filename, contentType, new java.io.ByteArrayInputStream(content == null ? new byte[0] : content));
        } catch (PayloadTooLargeException e) {
            throw new InvalidInputException("body", Wording.of("digital.body_larger_than",
                    settings.maxFileSize().toBytes()));
        }
    }

    /**
     * Stores (or replaces) the file of a digital article, read from {@code content} to its end: at most
     * {@code ordo.digital.max-file-size} (100 MiB unless set), refused with 413 beyond. The file is never held in
     * memory whole: it is copied to a temporary file while its SHA-256 is taken, then streamed into the database in
     * one statement, so a refused or broken upload leaves the article's file as it was. No transaction is held open
     * while the client sends.
     */
    public void upload(String sku, String filename, String contentType, java.io.InputStream content)
            throws PayloadTooLargeException {
        Article article = catalog.require(sku);
        if (article.isPhysical()) {
            throw new InvalidInputException("sku", Wording.of("digital.is_a_physical_article", sku));
        }
        if (filename == null || !filename.matches("[\\w.() -]{1,200}")) {
            throw new InvalidInputException("filename", Wording.of("digital.is_required_letters_digits_spaces"));
        }
        long max = settings.maxFileSize().toBytes();
        java.nio.file.Path spooled = null;
        try {
            spooled = java.nio.file.Files.createTempFile("ordo-asset-", ".part");
            java.security.MessageDigest sha256 = java.security.MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(spooled)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = read(content, buffer); n >= 0; n = read(content, buffer)) {
                    size += n;
                    if (size > max) {
                        throw new PayloadTooLargeException(max);
                    }
                    sha256.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new InvalidInputException("body", Wording.of("digital.is_required_the_file"));
            }
            try (java.io.InputStream file = java.nio.file.Files.newInputStream(spooled)) {
                assets.save(sku, filename, contentType == null ? "application/octet-stream" : contentType, file,
                        size, java.util.HexFormat.of().formatHex(sha256.digest()));
            }
        } catch (PayloadTooLargeException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // the temporary file or the database, not the client
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (spooled != null) {
                spooled.toFile().delete();
            }
        }
    }

    /** Reads from the client; a body cut off (the client went away) is refused, not a server error. */
    private static int read(java.io.InputStream content, byte[] buffer) throws PayloadTooLargeException {
        try {
            return content.read(buffer);
        } catch (PayloadTooLargeException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new InvalidInputException("body", Wording.of("digital.could_not_be_read_to_its"));
        }
    }

    /** A link that no longer works (answered 410), of this order. */
    public static class LinkGone extends RuntimeException {
        private final UUID orderId;

        public LinkGone(String message, UUID orderId) {
            super(message);
            this.orderId = orderId;
        }

        public UUID orderId() {
            return orderId;
        }
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
