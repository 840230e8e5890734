package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** Create, read, change, list and delete every tenant collection over HTTP. */
@ExtendWith(RevosExtension.class)
class CollectionsIT {

    private final Revos revos;

    CollectionsIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void everyCollectionSupportsCrud() {
        Revos.Tenant t = revos.newTenant("crud");
        String key = t.member();
        String user = crud(key, "users", Map.of("name", "Ada", "email", "ada@example.com", "role", "AE"),
                Map.of("team", "EMEA"), "team");
        String account = crud(key, "accounts", Map.of("name", "Globex", "country", "DE", "ownerId", user),
                Map.of("segment", "ENTERPRISE"), "segment");
        crud(key, "contacts", Map.of("name", "Bob", "accountId", account), Map.of("title", "CFO"), "title");
        crud(key, "leads", Map.of("email", "lead@example.com", "company", "Initech"), Map.of("source", "webinar"),
                "source");
        crud(key, "deals", Map.of("accountId", account, "name", "Globex expansion", "arr", 12500.5),
                Map.of("seats", 25), "seats");
        crud(key, "activities", Map.of("type", "CALL", "accountId", account), Map.of("subject", "Discovery"),
                "subject");
        crud(key, "goals", Map.of("kpi", "won_revenue", "period", "2026-Q3", "target", 100000),
                Map.of("pacing", java.util.List.of(0.25, 0.25, 0.5)), "pacing");
    }

    /** @return the id of a second object left in place */
    private String crud(String key, String path, Map<String, Object> create, Map<String, Object> change,
            String changed) {
        Revos.Reply created = revos.post(key, "/" + path, create);
        JsonNode body = created.expect(201);
        String id = body.get("id").asText();
        assertTrue(created.header("Location").endsWith("/api/v1/" + path + "/" + id), created.header("Location"));
        assertEquals(body, revos.get(key, "/" + path + "/" + id).expect(200));
        JsonNode patched = revos.patch(key, "/" + path + "/" + id, change).expect(200);
        assertEquals(Revos.JSON.valueToTree(change.get(changed)).toString(), patched.get(changed).toString());
        assertEquals(0, revos.get(key, "/" + path + "?externalId=none").expect(200).get("items").size());
        revos.delete(key, "/" + path + "/" + id).expect(204);
        assertEquals(404, revos.get(key, "/" + path + "/" + id).status());
        Map<String, Object> again = new LinkedHashMap<>(create);
        if (again.containsKey("email")) {
            again.put("email", "second." + again.get("email"));
        }
        return revos.post(key, "/" + path, again).expect(201).get("id").asText();
    }

    @Test
    void revenueEventsAreAppendOnlyAndMoveAccountArr() {
        Revos.Tenant t = revos.newTenant("revenue");
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Globex")).expect(201).get("id").asText();
        String event = revos.post(t.member(), "/revenue-events", Map.of("accountId", account, "occurredAt",
                "2026-07-15T10:00:00Z", "kind", "NEW", "arrDelta", 3000, "seatsDelta", 10)).expect(201).get("id")
                .asText();
        assertEquals(405, revos.patch(t.member(), "/revenue-events/" + event, Map.of("arrDelta", 1)).status());
        assertEquals(405, revos.delete(t.member(), "/revenue-events/" + event).status());
        JsonNode acc = revos.get(t.member(), "/accounts/" + account).expect(200);
        assertEquals(0, acc.get("arr").decimalValue().compareTo(new java.math.BigDecimal("3000")));
        assertEquals(10, acc.get("seats").asInt());
        assertEquals(409, revos.delete(t.member(), "/accounts/" + account).status(),
                "an account with revenue history cannot be deleted");
    }

    @Test
    void theAuditLogRecordsWhoChangedWhat() {
        Revos.Tenant t = revos.newTenant("audit");
        String account = revos.post(t.member(), "/accounts", Map.of("name", "Before")).expect(201).get("id").asText();
        revos.patch(t.member(), "/accounts/" + account, Map.of("name", "After")).expect(200);
        JsonNode log = revos.get(t.admin(), "/audit?objectId=" + account).expect(200).get("items");
        assertEquals(2, log.size());
        JsonNode update = log.get(1);
        assertEquals("UPDATE", update.get("action").asText());
        assertEquals("member key", update.get("actor").asText());
        assertEquals("Before", update.get("before").get("name").asText());
        assertEquals("After", update.get("after").get("name").asText());
        assertNotNull(update.get("at").asText());
    }
}
