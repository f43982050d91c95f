package org.ordo.channels.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON calls to a shop's REST API with time limits; an error answer or no answer throws {@link ShopPlatformClient.CallFailed}. */
final class ShopCalls {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ShopCalls() {
    }

    /** The answer's status and body. */
    record Answer(int status, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** Sends {@code body} (null: none) as JSON with the given headers; answers any status (the caller decides). */
    static Answer send(String method, String url, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Accept", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new ShopPlatformClient.CallFailed(method + " " + url + ": no answer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopPlatformClient.CallFailed(method + " " + url + ": interrupted");
        }
    }

    /** Like {@link #send}, but anything other than 2xx throws with the status and the start of the answer. */
    static Answer ok(String method, String url, Object body, String... headers) {
        Answer answer = send(method, url, body, headers);
        if (answer.status() / 100 != 2) {
            throw failed(method, url, answer);
        }
        return answer;
    }

    static ShopPlatformClient.CallFailed failed(String method, String url, Answer answer) {
        String text = answer.body() == null ? "" : answer.body();
        return new ShopPlatformClient.CallFailed(method + " " + url + ": " + answer.status() + " "
                + (text.length() > 300 ? text.substring(0, 300) + "…" : text));
    }
}
