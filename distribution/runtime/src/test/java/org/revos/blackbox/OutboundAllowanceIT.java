package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The outbound policy is checked at every call, not only when a URL is set: a webhook created while the platform
 * admin allowed its address is not called once the allowance is gone (a restart without {@code REVOS_OUTBOUND_ALLOW}
 * on the same data), and its delivery records why.
 */
class OutboundAllowanceIT {

    @Test
    void aWebhookSetWhileItsAddressWasAllowedIsNotCalledOnceTheAllowanceIsWithdrawn() throws Exception {
        try (WebhooksIT.Receiver receiver = new WebhooksIT.Receiver(0)) {
            String dataDir;
            Revos.Tenant t;
            String hook;
            try (RevosProcess allowing = RevosProcess.start(Map.of())) {
                Revos revos = new Revos(allowing);
                t = revos.newTenant("allowance withdrawn");
                hook = revos.post(t.admin(), "/webhooks", Map.of("url", receiver.url(), "events",
                        List.of("org/revos/object/*"), "maxAttempts", 1)).expect(201).get("id").asText();
                revos.post(t.member(), "/accounts", Map.of("name", "While allowed")).expect(201);
                Await.until(() -> Revos.JSON.valueToTree(receiver.accepted().size()), n -> n.asInt() >= 1,
                        Duration.ofSeconds(10));
                assertEquals(1, receiver.accepted().size(), "allowed: delivered");
                dataDir = allowing.workDir().resolve("data").toString();
            }
            try (RevosProcess strict = RevosProcess.start(Map.of("REVOS_DATA_DIR", dataDir,
                    "REVOS_OUTBOUND_ALLOW", ""))) {
                Revos revos = new Revos(strict);
                revos.post(t.member(), "/accounts", Map.of("name", "After")).expect(201);
                JsonNode dead = Await.until(() -> revos.get(t.readOnly(), "/webhooks/" + hook
                        + "/deliveries?status=DEAD").expect(200), d -> d.get("items").size() >= 1,
                        Duration.ofSeconds(15));
                String error = dead.get("items").get(0).get("lastError").asText();
                assertTrue(error.contains("was not called") && error.contains("loopback"), dead.toString());
                assertEquals(1, receiver.hits.size(), "nothing reached the receiver once it was no longer allowed");
                assertEquals(422, revos.post(t.admin(), "/webhooks", Map.of("url", receiver.url(), "events",
                        List.of("*"))).status(), "and it cannot be set again");
            }
        }
    }

    /**
     * The allowance is configuration (PID org.revos.runtime): a file in the deploy folder grants it to the running
     * runtime, and removing the file withdraws it, without a restart.
     */
    @Test
    void theAllowanceFollowsTheRuntimeConfigurationWhileItRuns() throws Exception {
        try (WebhooksIT.Receiver receiver = new WebhooksIT.Receiver(0);
                RevosProcess process = RevosProcess.start(Map.of("REVOS_OUTBOUND_ALLOW", ""))) {
            Revos revos = new Revos(process);
            Revos.Tenant t = revos.newTenant("allowance configured");
            Map<String, Object> hook = Map.of("url", receiver.url(), "events", List.of("*"));
            assertEquals(422, revos.post(t.admin(), "/webhooks", hook).status(), "loopback, not allowed");

            java.nio.file.Path file = process.deployDir().resolve("org.revos.runtime.cfg");
            java.nio.file.Files.writeString(file, "outboundAllow=127.0.0.1\n");
            JsonNode created = Await.until(() -> {
                Revos.Reply reply = revos.post(t.admin(), "/webhooks", hook);
                return reply.status() == 201 ? reply.body() : null;
            }, java.util.Objects::nonNull, Duration.ofSeconds(15));
            assertTrue(created != null && created.has("id"), "allowed once the configuration says so");

            java.nio.file.Files.delete(file);
            Revos.Reply refused = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline && (refused == null || refused.status() != 422)) {
                Thread.sleep(200);
                refused = revos.post(t.admin(), "/webhooks", hook);
            }
            assertEquals(422, refused.status(), "withdrawn with the file: " + refused.raw().body());
        }
    }
}
