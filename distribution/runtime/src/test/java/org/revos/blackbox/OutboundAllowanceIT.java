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
}
