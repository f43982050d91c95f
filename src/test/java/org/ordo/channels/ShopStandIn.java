package org.ordo.channels;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A shop platform's REST API standing in for the real one: records every call (method, path, authorization,
 * body) and answers from a script; {@code failNext} makes the next calls of a path answer 500.
 */
final class ShopStandIn implements AutoCloseable {

    record Call(String method, String path, String authorization, String shopifyToken, String body) {
    }

    /** The answer to a call: status and JSON body. */
    record Reply(int status, String body) {
    }

    interface Script {
        Reply answer(String method, String path);
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile String failingPath;

    ShopStandIn(Script script) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            calls.add(new Call(method, path, exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Reply reply = path.equals(failingPath) && failures.getAndDecrement() > 0
                    ? new Reply(500, "{\"errors\":\"Internal Server Error\"}") : script.answer(method, path);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
    }

    /** The next {@code times} calls to {@code path} answer 500. */
    void failNext(String path, int times) {
        failingPath = path;
        failures.set(times);
    }

    String url(String base) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + base;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method, String path) {
        return calls.stream().filter(c -> c.method().equals(method) && c.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
