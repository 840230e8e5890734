package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every engine the distribution ships can be removed while the runtime serves: the kernel and every other capability
 * keep answering, the removed capability's paths answer 404 problem JSON, and restoring the shipped engine brings it
 * back with its data.
 */
@ExtendWith(RevosExtension.class)
class EngineRemovalIT {

    private static final String ADMIN = RevosProcess.ADMIN_KEY;
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** An engine, one of its paths, and how to leave data behind in it (answering the path that reads it back). */
    private record Engine(String id, String path, DataWriter data) {
    }

    @FunctionalInterface
    private interface DataWriter {
        /** @return a path that answers the data once the engine is back */
        String write(Revos revos, Revos.Tenant tenant);
    }

    private static final List<Engine> ENGINES = List.of(new Engine("org.revos.adoption", "/adoption/initiatives",
            (revos, t) -> {
                String owner = revos.post(t.admin(), "/users", Map.of("name", "Ana", "email", "ana@example.com", "role", "AE"))
                        .expect(201).get("id").asText();
                String id = revos.post(t.member(), "/adoption/initiatives", Map.of("name", "Log every call",
                        "objectType", "DEAL", "property", "budget", "ownerId", owner)).expect(201).get("id")
                        .asText();
                revos.post(t.member(), "/adoption/items", Map.of("initiativeId", id, "tactic", "DEFINE", "text",
                        "Write the call policy")).expect(201);
                return "/adoption/initiatives/" + id + "/checklist";
            }), new Engine("org.revos.webhooks", "/webhooks", (revos, t) -> {
                String id = revos.post(t.admin(), "/webhooks", Map.of("url", "http://127.0.0.1:9/hooks", "events",
                        List.of("org/revos/deal/*"), "maxAttempts", 2)).expect(201).get("id").asText();
                return "/webhooks/" + id;
            }));

    /** One path of every capability and of the kernel, which must answer whatever engine is away. */
    private static final List<String> EVERY_CAPABILITY = List.of("/accounts", "/users", "/kpis",
            "/kpis/win_rate?period=2026", "/revenue/summary?period=2026", "/pipelines", "/credit/rules",
            "/adoption/initiatives", "/exports?object=accounts&format=hubspot", "/webhooks", "/properties/usage",
            "/audit");

    private final Revos revos;

    EngineRemovalIT(Revos revos) {
        this.revos = revos;
    }

    /** @return the first answer of {@code path} with {@code status}, or the last one after {@link #BOUND} */
    private Revos.Reply poll(String key, String path, int status) {
        long deadline = System.nanoTime() + BOUND.toNanos();
        Revos.Reply reply = revos.get(key, path);
        while (reply.status() != status && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            reply = revos.get(key, path);
        }
        Revos.Reply last = reply;
        assertEquals(status, last.status(), () -> path + ": " + last.raw().body());
        return last;
    }

    @Test
    void eachEngineLeavesAndComesBackWithItsDataWhileTheOthersServe() {
        Revos.Tenant tenant = revos.newTenant("engine-removal");
        for (Engine engine : ENGINES) {
            String readBack = engine.data().write(revos, tenant);
            JsonNode before = revos.get(tenant.readOnly(), readBack).expect(200);

            Revos.Reply removed = revos.delete(ADMIN, "/admin/plugins/" + engine.id());
            assertEquals(204, removed.status(), () -> "uninstall of " + engine.id() + ": " + removed.raw().body());
            Revos.Reply gone = poll(tenant.readOnly(), engine.path(), 404);
            assertEquals("application/problem+json", gone.header("Content-Type"), () -> engine.id() + " removed: "
                    + gone.raw().body());
            assertEquals(404, revos.get(tenant.readOnly(), readBack).status(), readBack);
            for (String path : EVERY_CAPABILITY) {
                if (!path.startsWith(engine.path())) {
                    Revos.Reply reply = revos.get(tenant.admin(), path);
                    assertEquals(200, reply.status(), () -> path + " without " + engine.id() + ": "
                            + reply.raw().body());
                }
            }
            assertTrue(revos.get(ADMIN, "/admin/plugins").expect(200).get("items").findValuesAsText("id").stream()
                    .noneMatch(engine.id()::equals), engine.id() + " is no longer listed");

            JsonNode restored = revos.post(ADMIN, "/admin/plugins/" + engine.id() + "/restore", null).expect(201);
            assertEquals("ACTIVE", restored.get("state").asText(), restored::toString);
            JsonNode after = poll(tenant.readOnly(), readBack, 200).body();
            assertEquals(before, after, "its data is back");
        }
    }
}
