package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** 401, 403 and 404 as API.md defines them. */
@ExtendWith(RevosExtension.class)
class AccessRulesIT {

    private final Revos revos;

    AccessRulesIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void healthNeedsNoKey() {
        assertEquals("UP", revos.get(null, "/health").expect(200).get("status").asText());
    }

    @Test
    void missingWrongOrMalformedKeysAre401WithProblemJson() {
        for (String key : new String[] { null, "rvs_not-a-key", "garbage" }) {
            Revos.Reply reply = revos.get(key, "/accounts");
            assertEquals(401, reply.status(), String.valueOf(key));
            assertTrue(reply.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(401, reply.body().get("status").asInt());
            assertNotNull(reply.header("WWW-Authenticate"));
        }
        Revos.Reply basic = revos.send(null, "GET", "/accounts", null, Map.of("Authorization", "Basic Zm9vOmJhcg=="));
        assertEquals(401, basic.status());
    }

    @Test
    void rolesDecideWhatAKeyMayDo() {
        Revos.Tenant t = revos.newTenant("roles");
        assertEquals(403, revos.post(t.readOnly(), "/accounts", Map.of("name", "X")).status());
        assertEquals(200, revos.get(t.readOnly(), "/accounts").status());
        assertEquals(201, revos.post(t.member(), "/accounts", Map.of("name", "X")).status());
        assertEquals(403, revos.get(t.member(), "/audit").status(), "audit is for tenant ADMIN keys");
        assertEquals(200, revos.get(t.admin(), "/audit").status());
        assertEquals(403, revos.post(t.admin(), "/admin/tenants", Map.of("name", "nope")).status(),
                "tenant keys cannot manage the platform");
        assertEquals(403, revos.get(RevosProcess.ADMIN_KEY, "/accounts").status(),
                "platform keys see no tenant data");
    }

    @Test
    void revokedKeysStopWorkingAtOnce() {
        Revos.Tenant t = revos.newTenant("revoke");
        JsonNode key = revos.post(RevosProcess.ADMIN_KEY, "/admin/tenants/" + t.id() + "/api-keys",
                Map.of("name", "temp", "role", "MEMBER")).expect(201);
        String secret = key.get("key").asText();
        assertEquals(200, revos.get(secret, "/accounts").status());
        revos.delete(RevosProcess.ADMIN_KEY, "/admin/tenants/" + t.id() + "/api-keys/" + key.get("id").asText())
                .expect(204);
        assertEquals(401, revos.get(secret, "/accounts").status());
    }

    @Test
    void keyListsNeverShowSecrets() {
        Revos.Tenant t = revos.newTenant("secrets");
        JsonNode keys = revos.get(RevosProcess.ADMIN_KEY, "/admin/tenants/" + t.id() + "/api-keys").expect(200);
        assertEquals(3, keys.get("items").size());
        for (JsonNode k : keys.get("items")) {
            assertTrue(k.path("key").isMissingNode(), k.toString());
            assertEquals(10, k.get("prefix").asText().length());
        }
        assertTrue(!revos.process().logText().contains(t.admin()), "secrets never reach the log");
    }

    @Test
    void unknownRoutesAreProblemJson404() {
        Revos.Tenant t = revos.newTenant("routes");
        Revos.Reply reply = revos.get(t.admin(), "/no-such-collection");
        assertEquals(404, reply.status());
        assertEquals(404, reply.body().get("status").asInt());
    }
}
