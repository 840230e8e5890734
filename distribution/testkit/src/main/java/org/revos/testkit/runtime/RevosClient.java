package org.revos.testkit.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An HTTP client of a running RevOS bound to one API key, speaking JSON to {@code /api/v1}: paths are given without
 * that prefix ({@code get("/accounts")}).
 */
public final class RevosClient {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final RevosProcess process;
    private final String key;

    RevosClient(RevosProcess process, String key) {
        this.process = process;
        this.key = key;
    }

    /** A response: its status, the body parsed as JSON ({@code null} when empty or not JSON) and the raw reply. */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /**
         * @return the body, after checking the status
         * @throws AssertionError naming the status and body when the status is another
         */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " but got " + status + ": " + raw.body());
            }
            return body;
        }
    }

    /** @return the key this client sends */
    public String key() {
        return key;
    }

    /** @return a client of the same runtime with another key */
    public RevosClient withKey(String otherKey) {
        return new RevosClient(process, otherKey);
    }

    public Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    /** @param body a JSON string, a Jackson node or any object Jackson writes */
    public Reply post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Reply put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Reply patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** @param body a JSON string, a Jackson node or any object Jackson writes; {@code null} sends no body */
    public Reply send(String method, String path, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = request(method, path, text == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(text), Duration.ofSeconds(30));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            headers.forEach(request::header);
            return exchange(request, method, path);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }

    /** Sends raw bytes (a plugin jar, say) with the given content type. */
    public Reply sendBytes(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = request(method, path, HttpRequest.BodyPublishers.ofByteArray(body),
                Duration.ofSeconds(60)).header("Content-Type", contentType);
        return exchange(request, method, path);
    }

    private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body,
            Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(process.uri("/api/v1" + path)).timeout(timeout)
                .method(method, body);
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return request;
    }

    private static Reply exchange(HttpRequest.Builder request, String method, String path) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), json(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }

    private static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
