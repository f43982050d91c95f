package org.ordo.outsourcing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A 3PL's or supplier's endpoint for fulfilment requests, standing in for the real one: records every request
 * (headers and body) and answers 202; {@code failNext} makes the next calls answer 500.
 */
final class PartnerStandIn implements AutoCloseable {

    record Received(String idempotencyKey, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();

    PartnerStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(headers.getFirst("Idempotency-Key"), headers.getFirst("X-Ordo-Signature"),
                    headers.getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(failures.getAndDecrement() > 0 ? 500 : 202, -1);
            exchange.close();
        });
        server.start();
    }

    void failNext(int times) {
        failures.set(times);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/ordo/requests";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
