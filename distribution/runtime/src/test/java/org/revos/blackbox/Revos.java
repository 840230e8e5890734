package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.Map;

import org.revos.testkit.runtime.RevosClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An HTTP client of a running RevOS, speaking JSON with a chosen key per request; the requests go through the test
 * kit's {@link RevosClient}, the replies keep this suite's {@link Reply} with its JUnit assertion.
 */
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
        return reply(process.kit().client(key).send(method, path, body, headers));
    }

    /** Sends raw bytes (a plugin jar, say) with the given content type. */
    public Reply sendBytes(String key, String method, String path, byte[] body, String contentType) {
        return reply(process.kit().client(key).sendBytes(method, path, body, contentType));
    }

    private static Reply reply(RevosClient.Reply reply) {
        return new Reply(reply.status(), reply.body(), reply.raw());
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
