package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** Cursor pagination through 1,000 rows, every validation error listed, idempotent retries. */
@ExtendWith(RevosExtension.class)
class ListsAndErrorsIT {

    private final Revos revos;

    ListsAndErrorsIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void pagesThroughAThousandRowsWithoutLossOrRepeat() throws Exception {
        Revos.Tenant t = revos.newTenant("pages");
        Set<String> created = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var futures = new java.util.ArrayList<Future<String>>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                futures.add(pool.submit(() -> revos.post(t.member(), "/leads", Map.of("email", "l" + n + "@x.io"))
                        .expect(201).get("id").asText()));
            }
            for (Future<String> f : futures) {
                created.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        String previous = "";
        do {
            JsonNode page = revos.get(t.readOnly(), "/leads?limit=137" + (cursor == null ? "" : "&cursor=" + cursor))
                    .expect(200);
            for (JsonNode item : page.get("items")) {
                String id = item.get("id").asText();
                assertTrue(id.compareTo(previous) > 0, "stable id order");
                previous = id;
                assertTrue(seen.add(id), "no repeats");
            }
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null);
        assertEquals(created, seen);
        assertEquals(8, pages);
        assertEquals(50, revos.get(t.readOnly(), "/leads").expect(200).get("items").size(), "default limit is 50");
    }

    @Test
    void aRequestRefusedBeforeItsBodyWasReadLeavesTheConnectionUsable() {
        Revos.Tenant t = revos.newTenant("refused bodies");
        String event = revos.post(t.member(), "/revenue-events", Map.of("accountId", revos.post(t.member(),
                "/accounts", Map.of("name", "Globex")).expect(201).get("id").asText(), "occurredAt",
                "2026-07-15T10:00:00Z", "kind", "NEW", "arrDelta", 3000)).expect(201).get("id").asText();
        // Each PATCH is answered 405 before its body is read, then the next request reuses the connection. With the
        // body left unread, Jetty closed such connections after answering, and about one request in twenty on them
        // failed with no answer at all (the client retries only GET and HEAD on its own).
        for (int i = 0; i < 200; i++) {
            assertEquals(405, revos.patch(t.member(), "/revenue-events/" + event, Map.of("arrDelta", i)).status());
            assertEquals(405, revos.delete(t.member(), "/revenue-events/" + event).status());
        }
        assertEquals(401, revos.post(null, "/accounts", Map.of("name", "No key")).status());
        assertEquals(201, revos.post(t.member(), "/accounts", Map.of("name", "After")).status());
    }

    @Test
    void limitsAboveFiveHundredAreRefusedNotClamped() {
        Revos.Tenant t = revos.newTenant("limits");
        JsonNode problem = revos.get(t.readOnly(), "/accounts?limit=501").expect(400);
        assertEquals("limit", problem.get("errors").get(0).get("field").asText());
        assertEquals(400, revos.get(t.readOnly(), "/accounts?cursor=garbage").status());
        assertEquals(400, revos.get(t.readOnly(), "/accounts?colour=red").status());
    }

    @Test
    void everyValidationErrorIsListedAndNothingIsWritten() {
        Revos.Tenant t = revos.newTenant("validation");
        Revos.Reply reply = revos.post(t.member(), "/deals", "{\"name\": 7, \"arr\": 10.999, \"type\": \"HUGE\","
                + " \"closeDate\": \"tomorrow\", \"accountId\": \"acc_nope\", \"extra\": true}");
        JsonNode problem = reply.expect(400);
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
        Set<String> fields = new HashSet<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(Set.of("name", "arr", "type", "closeDate", "accountId", "extra"), fields);
        assertEquals(0, revos.get(t.readOnly(), "/deals").expect(200).get("items").size());
        assertEquals(400, revos.post(t.member(), "/deals", "{not json").status());
        assertEquals(400, revos.post(t.member(), "/deals", "[1, 2]").status());
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyWritesOnce() {
        Revos.Tenant t = revos.newTenant("idempotency");
        String body = "{\"name\": \"Once\"}";
        Map<String, String> key = Map.of("Idempotency-Key", "order-42");
        Revos.Reply first = revos.send(t.member(), "POST", "/accounts", body, key);
        Revos.Reply retry = revos.send(t.member(), "POST", "/accounts", body, key);
        assertEquals(201, first.status());
        assertEquals(201, retry.status());
        assertEquals(first.body(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(1, revos.get(t.readOnly(), "/accounts").expect(200).get("items").size());
        assertEquals(409, revos.send(t.member(), "POST", "/accounts", "{\"name\": \"Other\"}", key).status(),
                "same key, different body");
        assertEquals(201, revos.send(t.admin(), "POST", "/accounts", body, key).status(),
                "keys are scoped to the calling API key");
    }
}
