package org.ordo.edi.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ordo.edi.TradingPartner;
import org.ordo.platform.RetryBackOff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers outgoing EDI messages to the partners. Each round claims a batch of due messages in one statement,
 * delivers each outside any transaction, and records the outcome: DELIVERED; QUEUED again after a doubling wait;
 * FAILED after the last attempt; KEPT when the partner takes no delivery. A message whose dispatcher died
 * mid-delivery is claimed again after the lease, so it is delivered at least once; the partner sees it once:
 * a folder gets the same file name again (replaced, never a second file), an HTTP endpoint the same
 * {@code Idempotency-Key} (the message's id).
 */
@Component
class PartnerDelivery {

    private static final Logger log = LoggerFactory.getLogger(PartnerDelivery.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final RetryBackOff BACK_OFF = new RetryBackOff(Duration.ofSeconds(30), Duration.ofHours(1));

    private final Deliveries deliveries;
    private final TradingPartners partners;
    private final Clock clock;
    private final Path outbox;
    private final int maxAttempts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    PartnerDelivery(Deliveries deliveries, TradingPartners partners, Clock clock,
            @Value("${ordo.edi.outbox:${ordo.data-dir:./data}/edi/outbox}") Path outbox,
            @Value("${ordo.edi.delivery-attempts:10}") int maxAttempts) {
        this.deliveries = deliveries;
        this.partners = partners;
        this.clock = clock;
        this.outbox = outbox;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(initialDelayString = "${ordo.edi.delivery-every:PT2S}", fixedDelayString = "${ordo.edi.delivery-every:PT2S}")
    void onSchedule() {
        try {
            while (deliverDue() == BATCH) {
                // a full batch: more may be due
            }
        } catch (RuntimeException e) {
            log.warn("Delivering EDI messages failed; next round will retry: {}", e.toString());
        }
    }

    /** One round: claims due messages and delivers each; returns how many it claimed. */
    int deliverDue() {
        List<Deliveries.Claimed> claimed = deliveries.claimDue(clock.instant(), BATCH, LEASE);
        // each partner read once per round, and the messages of partners that take no delivery kept in one
        // statement: an interchange of thousands of orders has as many order responses (docs/benchmarks.md, P4)
        java.util.Map<String, TradingPartner> byCode = new java.util.HashMap<>();
        List<Deliveries.Claimed> kept = new java.util.ArrayList<>();
        for (Deliveries.Claimed c : claimed) {
            TradingPartner partner = byCode.computeIfAbsent(c.partner(), code -> partners.find(code).orElseThrow());
            try {
                String to = switch (partner.delivery()) {
                    case NONE -> null;
                    case FOLDER -> toFolder(partner, c);
                    case HTTP -> toEndpoint(partner, c);
                };
                if (to == null) {
                    kept.add(c);
                } else if (!deliveries.delivered(c, clock.instant(), to)) {
                    log.warn("EDI message {} was delivered after its claim ran out", c.id());
                }
            } catch (IOException | RuntimeException e) {
                int attempt = c.attempts() + 1;
                boolean last = attempt >= maxAttempts;
                String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                deliveries.failed(c, error.length() > 1000 ? error.substring(0, 1000) : error, last,
                        clock.instant().plus(retryAfter(attempt)));
                log.info("EDI message {} to {} attempt {} failed{}: {}", c.id(), c.partner(), attempt,
                        last ? " for the last time" : "", error);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                deliveries.keptAll(kept);
                return claimed.size();
            }
        }
        deliveries.keptAll(kept);
        return claimed.size();
    }

    static Duration retryAfter(int attempt) {
        return BACK_OFF.after(attempt);
    }

    /**
     * Writes the interchange to the partner's folder under a name of its own (type and control number), first to a
     * hidden part file, then renamed at once: a partner polling the folder never reads half a file.
     */
    private String toFolder(TradingPartner partner, Deliveries.Claimed c) throws IOException {
        Path folder = outbox.resolve(partner.code());
        Files.createDirectories(folder);
        String name = c.type() + "-" + c.controlNumber() + ".edi";
        Path part = folder.resolve("." + name + ".part");
        Files.writeString(part, c.body(), StandardCharsets.UTF_8);
        Path file = folder.resolve(name);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file.toString();
    }

    /** POSTs the interchange; any answer but 2xx is a failed attempt. */
    private String toEndpoint(TradingPartner partner, Deliveries.Claimed c) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(partner.deliveryUrl()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", (partner.standard() == TradingPartner.Standard.X12 ? "application/EDI-X12"
                        : "application/EDIFACT") + "; charset=UTF-8")
                .header("Idempotency-Key", c.id().toString())
                .header("X-Ordo-Edi-Type", c.type())
                .header("X-Ordo-Edi-Control-Number", String.valueOf(c.controlNumber()))
                .POST(HttpRequest.BodyPublishers.ofString(c.body(), StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(partner.deliveryUrl() + " answered " + response.statusCode());
        }
        return partner.deliveryUrl();
    }
}
