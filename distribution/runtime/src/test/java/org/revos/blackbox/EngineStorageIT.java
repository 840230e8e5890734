package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An engine bundle brings a table of its own into the running kernel (no kernel change, no restart): its rows commit
 * with the kernel's audit entry, stay in their tenant, and are there again when the engine comes back after removal.
 */
@ExtendWith(RevosExtension.class)
class EngineStorageIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final String ENGINE = "org.revos.testengine";
    private static final Duration BOUND = Duration.ofSeconds(20);

    private final Revos revos;

    EngineStorageIT(Revos revos) {
        this.revos = revos;
    }

    private static byte[] engineJar() throws IOException {
        return Files.readAllBytes(Path.of(System.getProperty("revos.testengine.jar",
                "../test-engine/target/org.revos.testengine.jar")));
    }

    @AfterEach
    void removeEngine() {
        Revos.Reply reply = revos.delete(ADMIN, "/admin/plugins/" + ENGINE);
        assertTrue(reply.status() < 300 || reply.status() == 404, () -> "cleanup: " + reply.raw().body());
    }

    private JsonNode awaitNotes(String key, int status) {
        Set<Integer> seen = new TreeSet<>();
        Await.until(() -> {
            seen.add(revos.get(key, "/test-notes").status());
            return null;
        }, ignored -> seen.contains(status), BOUND);
        Revos.Reply last = revos.get(key, "/test-notes");
        assertEquals(status, last.status(), () -> "GET /test-notes answered " + seen + ", last " + last.body());
        return last.body();
    }

    @Test
    void anEngineBringsItsOwnTableAndFindsItsRowsWhenItComesBack() throws IOException {
        Revos.Tenant a = revos.newTenant("engine-a");
        Revos.Tenant b = revos.newTenant("engine-b");
        JsonNode installed = revos.sendBytes(ADMIN, "POST", "/admin/plugins", engineJar(), "application/java-archive")
                .expect(201);
        assertEquals("ACTIVE", installed.get("state").asText(), installed::toString);
        awaitNotes(a.member(), 200);

        JsonNode note = revos.post(a.member(), "/test-notes", Map.of("text", "renewal call on Monday")).expect(201);
        String id = note.get("id").asText();
        assertEquals(List.of(id), ids(revos.get(a.readOnly(), "/test-notes").expect(200)));
        assertEquals(List.of(), ids(revos.get(b.readOnly(), "/test-notes").expect(200)), "another tenant's rows");
        JsonNode audit = revos.get(a.admin(), "/audit?limit=500").expect(200);
        assertTrue(audit.get("items").findValuesAsText("objectId").contains(id),
                "the engine's row and the kernel's audit entry committed together: " + audit);

        Revos.Reply removed = revos.delete(ADMIN, "/admin/plugins/" + ENGINE);
        assertTrue(removed.status() < 300, () -> "uninstall answered " + removed.raw().body());
        JsonNode gone = awaitNotes(a.member(), 404);
        assertEquals("application/problem+json", revos.get(a.member(), "/test-notes").header("Content-Type"),
                gone::toString);
        assertEquals(200, revos.get(a.readOnly(), "/accounts").status(), "the kernel serves on without the engine");

        revos.sendBytes(ADMIN, "POST", "/admin/plugins", engineJar(), "application/java-archive").expect(201);
        assertEquals(List.of(id), ids(awaitNotes(a.readOnly(), 200)), "the engine's rows outlive its absence");
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("id");
    }
}
