package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** An HTTP client of a running RevOS, speaking JSON with a chosen key. */
public final class Revos {

    public static final ObjectMapper JSON = new ObjectMapper();

    /** A response: status, headers and the body parsed as JSON (null when empty). */
    public record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** @return the body, after asserting the status */
        public JsonNode expect(int expected) {
            assertEquals(expected, status, () -> "HTTP " + status + ": " + raw.body());
            return body;
        }
    }

    /** A tenant created for one test, with an API key of each role. */
    public record Tenant(String id, String admin, String member, String readOnly) {
    }

    private final RevosProcess process;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Revos(RevosProcess process) {
        this.process = process;
    }

    public RevosProcess process() {
        return process;
    }

    public Reply get(String key, String path) {
        return send(key, "GET", path, null, Map.of());
    }

    public Reply post(String key, String path, Object body) {
        return send(key, "POST", path, body, Map.of());
    }

    public Reply patch(String key, String path, Object body) {
        return send(key, "PATCH", path, body, Map.of());
    }

    public Reply delete(String key, String path) {
        return send(key, "DELETE", path, null, Map.of());
    }

    /**
     * @param body a JSON string, a Jackson node or any object Jackson writes; {@code null} sends no body
     */
    public Reply send(String key, String method, String path, Object body, Map<String, String> headers) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(process.uri("/api/v1" + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), json(response), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the body as JSON; null when it is empty or not JSON (the raw reply still has it) */
    private static JsonNode json(HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Sends raw bytes (a plugin jar, say) with the given content type. */
    public Reply sendBytes(String key, String method, String path, byte[] body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(process.uri("/api/v1" + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                    .header("Content-Type", contentType);
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), json(response), response);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a tenant with an ADMIN, a MEMBER and a READ_ONLY key. */
    public Tenant newTenant(String name) {
        String id = post(RevosProcess.ADMIN_KEY, "/admin/tenants", Map.of("name", name)).expect(201).get("id").asText();
        return new Tenant(id, key(id, "ADMIN"), key(id, "MEMBER"), key(id, "READ_ONLY"));
    }

    private String key(String tenantId, String role) {
        return post(RevosProcess.ADMIN_KEY, "/admin/tenants/" + tenantId + "/api-keys",
                Map.of("name", role.toLowerCase() + " key", "role", role)).expect(201).get("key").asText();
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }
}
