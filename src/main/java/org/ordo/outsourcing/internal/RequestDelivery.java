package org.ordo.outsourcing.internal;

import java.io.IOException;
import java.math.BigDecimal;
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
import java.util.ArrayList;
import java.util.List;

import org.ordo.outsourcing.FulfilmentPartner;
import tools.jackson.databind.JsonNode;

import org.ordo.edi.WarehouseShippingOrders;
import org.ordo.outsourcing.PartnerDraft;
import org.ordo.platform.Address;
import org.ordo.platform.Json;
import org.ordo.platform.WebhookSignature;
import org.ordo.purchasing.DropshipPurchase;
import org.ordo.purchasing.PurchaseOrder;
import org.ordo.purchasing.PurchasingManagement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Hands one fulfilment request to its partner, outside any transaction. HTTP: a POST of the JSON body signed like
 * Ordo's webhooks ({@code X-Ordo-Signature: t=…,v1=…}, HMAC-SHA256 with the partner's secret) and the request's id
 * as {@code Idempotency-Key}, so a request delivered twice (a node died before recording the answer) is one request
 * to the partner; any answer but 2xx is a failed attempt. FOLDER: one file per request named after the order in the
 * partner's exchange folder, written aside and renamed at once (a partner polling the folder never reads half a
 * file; a second delivery replaces it). MAIL: a purchase order by mail to a dropship supplier's supplier (see
 * {@link #order}). A partner that wants EDI gets the same request as an X12 940 (HTTP with
 * {@code Content-Type: application/EDI-X12}, or a {@code .edi} file), with the request's own control number.
 */
@Component
public class RequestDelivery {

    private final Clock clock;
    private final Path exchange;
    private final WarehouseShippingOrders shippingOrders;
    private final Json json;
    private final PurchasingManagement purchasing;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    RequestDelivery(Clock clock, @Value("${ordo.outsourcing.exchange}") Path exchange,
            WarehouseShippingOrders shippingOrders, Json json, PurchasingManagement purchasing) {
        this.clock = clock;
        this.exchange = exchange;
        this.shippingOrders = shippingOrders;
        this.json = json;
        this.purchasing = purchasing;
    }

    /** The request as the partner gets it: the JSON body, or the X12 940 written from it. */
    public String content(Partners.Registered partner, FulfilmentRequests.Due due) {
        FulfilmentPartner p = partner.partner();
        if (p.format() != PartnerDraft.Format.X12_940) {
            return due.body();
        }
        JsonNode body = json.read(due.body(), JsonNode.class);
        List<WarehouseShippingOrders.Line> lines = new ArrayList<>();
        for (JsonNode line : body.get("lines")) {
            lines.add(new WarehouseShippingOrders.Line(line.get("lineNo").asInt(), line.get("sku").asString(),
                    line.path("name").asString(""), line.get("quantity").asLong()));
        }
        Address shipTo = body.hasNonNull("shipTo") ? json.read(body.get("shipTo").toString(), Address.class) : null;
        return shippingOrders.x12(p.ediSenderId(), p.ediReceiverId(), due.controlNumber(), clock.instant(),
                due.orderNumber(), due.orderNumber(), shipTo, lines);
    }

    /** Delivers the request; answers where it went; throws when the partner did not take it. */
    public String deliver(Partners.Registered partner, FulfilmentRequests.Due due)
            throws IOException, InterruptedException {
        return switch (partner.partner().delivery()) {
            case HTTP -> post(partner, due);
            case FOLDER -> write(partner, due);
            case MAIL -> order(partner, due);
        };
    }

    /**
     * A dropship supplier without an endpoint: the request becomes a purchase order to the partner's supplier,
     * delivered to the customer's address and mailed as PDF in the supplier's language through purchasing (its
     * outbox mail is written with the order). Once per request: sent again, it finds the order placed before.
     */
    private String order(Partners.Registered partner, FulfilmentRequests.Due due) {
        JsonNode body = json.read(due.body(), JsonNode.class);
        List<DropshipPurchase.Line> lines = new ArrayList<>();
        for (JsonNode line : body.get("lines")) {
            lines.add(new DropshipPurchase.Line(line.get("sku").asString(), line.get("quantity").asLong(),
                    line.hasNonNull("unitCost") ? new BigDecimal(line.get("unitCost").asString()) : null));
        }
        Address shipTo = json.read(body.get("shipTo").toString(), Address.class);
        PurchaseOrder order = purchasing.placeDropship(new DropshipPurchase(due.id(), partner.partner().supplier(),
                due.location(), due.orderNumber(), body.get("currency").asString(), shipTo, lines));
        return order.number() + " to " + partner.partner().supplier();
    }

    /** The folder a partner's requests are written to (it reads them there). */
    public Path folderOf(String location) {
        return exchange.resolve(location).resolve("requests");
    }

    private String post(Partners.Registered partner, FulfilmentRequests.Due due)
            throws IOException, InterruptedException {
        byte[] body = content(partner, due).getBytes(StandardCharsets.UTF_8);
        boolean x12 = partner.partner().format() == PartnerDraft.Format.X12_940;
        long at = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(partner.partner().url()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", x12 ? "application/EDI-X12" : "application/json")
                .header("Idempotency-Key", due.id().toString())
                .header("X-Ordo-Signature", "t=" + at + ",v1=" + WebhookSignature.sign(partner.secret(), at, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(partner.partner().url() + " answered " + response.statusCode());
        }
        return partner.partner().url();
    }

    private String write(Partners.Registered partner, FulfilmentRequests.Due due) throws IOException {
        Path folder = folderOf(partner.partner().location());
        Files.createDirectories(folder);
        boolean x12 = partner.partner().format() == PartnerDraft.Format.X12_940;
        String name = due.orderNumber() + (x12 ? ".edi" : ".json");
        Path part = folder.resolve("." + name + ".part");
        Files.writeString(part, content(partner, due), StandardCharsets.UTF_8);
        Path file = folder.resolve(name);
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return file.toString();
    }
}
