package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One-way sync over HTTP: a definition names an external system as the source of truth of accounts and a CSV file it
 * drops; every bad row is a sync error, retried with back-off (the harness sets it to 300 ms) and, when it gives up,
 * assigned to the definition's owner; REST writes of the synced fields are refused while the sync owns them; fixing
 * the source resolves the errors.
 */
@ExtendWith(RevosExtension.class)
class SyncIT {

    private final Revos revos;

    SyncIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void badRowsAreRecordedRetriedAndAssignedToTheOwnerWhenRetriesGiveUp() throws IOException {
        try (WebhooksIT.Receiver ops = new WebhooksIT.Receiver(0)) {
            badRowsAreRecordedRetriedAndAssigned(ops);
        }
    }

    private void badRowsAreRecordedRetriedAndAssigned(WebhooksIT.Receiver ops) throws IOException {
        Revos.Tenant t = revos.newTenant("sync");
        revos.post(t.admin(), "/webhooks", Map.of("url", ops.url(), "events", List.of("org/revos/sync/*")))
                .expect(201);
        String owner = revos.post(t.admin(), "/users", Map.of("name", "Olga Ops", "role", "OPS")).expect(201)
                .get("id").asText();
        Path file = revos.process().tenantFiles(t.id()).resolve("erp-accounts.csv");
        Files.writeString(file, """
                externalId,name,domain,country,employees
                erp-1,Good Co,good.example,DE,10
                erp-2,Bad Country Co,bad.example,XX,20
                ,No Key Co,nokey.example,FR,30
                """);
        JsonNode def = revos.post(t.admin(), "/sync/definitions", Map.<String, Object>of("objectType", "ACCOUNT",
                "source", "ERP", "direction", "ONE_WAY_IN", "intervalMinutes", 60, "location", "erp-accounts.csv",
                "ownerId", owner,
                "maxAttempts", 3, "fields", List.of("name", "domain", "country", "employees"))).expect(201);
        String id = def.get("id").asText();
        assertEquals(List.of("name", "domain", "country", "employees"), fields(def));
        JsonNode second = revos.post(t.admin(), "/sync/definitions", Map.of("objectType", "ACCOUNT", "source", "CRM",
                "direction", "ONE_WAY_IN", "intervalMinutes", 60, "location", "erp-accounts.csv", "ownerId", owner))
                .expect(400);
        assertTrue(second.get("errors").get(0).get("message").asText().contains(id), "one source of truth: "
                + second);

        JsonNode gaveUp = Await.until(() -> revos.get(t.readOnly(), "/sync/errors?definitionId=" + id).expect(200),
                page -> page.get("items").size() == 2 && allStatus(page, "GAVE_UP"), Duration.ofSeconds(30));
        assertEquals(2, gaveUp.get("items").size(), gaveUp.toString());
        Map<String, JsonNode> byLine = new HashMap<>();
        gaveUp.get("items").forEach(e -> byLine.put(e.get("object").get("line").asText(), e));
        JsonNode badCountry = byLine.get("3");
        assertEquals("GAVE_UP", badCountry.get("status").asText(), gaveUp.toString());
        assertEquals(3, badCountry.get("attempts").asInt(), "retried until maxAttempts");
        assertEquals(owner, badCountry.get("assignedTo").asText());
        assertEquals("erp-2", badCountry.get("object").get("externalId").asText());
        assertEquals("ACCOUNT", badCountry.get("object").get("objectType").asText());
        assertTrue(badCountry.get("error").asText().contains("country"), badCountry.toString());
        JsonNode noKey = byLine.get("4");
        assertTrue(noKey.get("error").asText().contains("externalId"), noKey.toString());
        assertEquals(owner, noKey.get("assignedTo").asText());
        assertEquals(2, revos.get(t.readOnly(), "/sync/errors?status=GAVE_UP").expect(200).get("items").size());
        Await.until(() -> Revos.JSON.valueToTree(ops.accepted().size()), n -> n.asInt() >= 2, Duration.ofSeconds(10));
        assertEquals(2, ops.accepted().size(), "the owner is told once per error that gave up: " + ops.hits);
        assertTrue(ops.accepted().stream().allMatch(h -> "org/revos/sync/GAVE_UP".equals(h.event())
                && h.body().contains("assigned to you")), ops.hits.toString());

        JsonNode accounts = revos.get(t.readOnly(), "/accounts").expect(200).get("items");
        assertEquals(1, accounts.size(), "the good row was written once, whatever the number of runs");
        JsonNode good = accounts.get(0);
        assertEquals("erp-1", good.get("externalId").asText());
        JsonNode refused = revos.patch(t.member(), "/accounts/" + good.get("id").asText(), Map.of("country", "FR",
                "segment", "ENTERPRISE")).expect(409);
        assertEquals("country", refused.get("errors").get(0).get("field").asText(), refused.toString());
        assertTrue(refused.get("errors").get(0).get("message").asText().contains("ERP"));
        revos.patch(t.member(), "/accounts/" + good.get("id").asText(), Map.of("segment", "ENTERPRISE"))
                .expect(200);
        revos.post(t.member(), "/accounts", Map.of("name", "Typed in", "domain", "typed.example")).expect(409);

        Revos.Tenant other = revos.newTenant("sync: no definition");
        revos.post(other.member(), "/accounts", Map.of("name", "Typed in", "domain", "typed.example")).expect(201);
        assertEquals(0, revos.get(other.readOnly(), "/sync/errors").expect(200).get("items").size());

        Files.writeString(file, """
                externalId,name,domain,country,employees
                erp-1,Good Co,good.example,DE,10
                erp-2,Bad Country Co,bad.example,AT,20
                erp-3,No Key Co,nokey.example,FR,30
                """);
        revos.post(t.admin(), "/sync/definitions/" + id + "/run", null).expect(202);
        JsonNode resolved = Await.until(() -> revos.get(t.readOnly(), "/sync/errors?definitionId=" + id + "&status"
                + "=RESOLVED").expect(200), page -> page.get("items").size() == 2, Duration.ofSeconds(15));
        assertEquals(2, resolved.get("items").size(), "a run that no longer meets an error resolves it");
        assertEquals(0, revos.get(t.readOnly(), "/sync/errors?status=GAVE_UP").expect(200).get("items").size());
        assertEquals(3, revos.get(t.readOnly(), "/accounts").expect(200).get("items").size());
        JsonNode after = revos.get(t.readOnly(), "/sync/definitions/" + id).expect(200);
        assertEquals("OK", after.get("lastStatus").asText(), after.toString());
        assertEquals("3 rows written, 0 failed", after.get("lastDetail").asText());
    }

    @Test
    void theFirstRunBringsHistoryQuietlyAndLaterRunsAreAnnounced() throws Exception {
        Revos.Tenant t = revos.newTenant("sync quiet first run");
        try (WebhooksIT.Receiver hook = new WebhooksIT.Receiver(0)) {
            revos.post(t.admin(), "/webhooks", Map.of("url", hook.url(), "events", List.of("org/revos/object/*")))
                    .expect(201);
            String owner = revos.post(t.admin(), "/users", Map.of("name", "Olga Ops", "role", "OPS")).expect(201)
                    .get("id").asText();
            Path file = revos.process().tenantFiles(t.id()).resolve("erp-quiet.csv");
            Files.writeString(file, "externalId,name\nerp-1,Acme\nerp-2,Globex\nerp-3,Initech\n");
            String id = revos.post(t.admin(), "/sync/definitions", Map.<String, Object>of("objectType", "ACCOUNT",
                    "source", "ERP", "direction", "ONE_WAY_IN", "intervalMinutes", 60, "location", "erp-quiet.csv",
                    "ownerId", owner, "fields", List.of("name"))).expect(201).get("id").asText();
            JsonNode first = Await.until(() -> revos.get(t.readOnly(), "/sync/definitions/" + id).expect(200),
                    d -> "OK".equals(d.path("lastStatus").asText()), Duration.ofSeconds(15));
            assertEquals("3 rows written, 0 failed", first.get("lastDetail").asText());

            Files.writeString(file, "externalId,name\nerp-1,Acme\nerp-2,Globex Corp\nerp-3,Initech\nerp-4,Hooli\n");
            revos.post(t.admin(), "/sync/definitions/" + id + "/run", null).expect(202);
            Await.until(() -> revos.get(t.readOnly(), "/accounts?externalId=erp-4").expect(200),
                    page -> page.get("items").size() == 1, Duration.ofSeconds(15));
            Map<String, String> idOf = new HashMap<>();
            revos.get(t.readOnly(), "/accounts").expect(200).get("items").forEach(a -> idOf.put(a.get("externalId")
                    .asText(), a.get("id").asText()));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (announced(hook).size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(500); // time for anything else to arrive
            assertEquals(List.of(owner, idOf.get("erp-2"), idOf.get("erp-4")).stream().sorted().toList(),
                    announced(hook).stream().sorted().toList(), "the owner's creation and the second run's two"
                            + " changes; nothing of the first run's history");
        }
    }

    private static List<String> announced(WebhooksIT.Receiver hook) {
        List<String> ids = new ArrayList<>();
        for (WebhooksIT.Receiver.Hit hit : hook.accepted()) {
            try {
                ids.add(Revos.JSON.readTree(hit.body()).at("/revos/data/objectId").asText());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return ids;
    }

    @Test
    void anOutboundSyncWritesTheObjectsToItsTargetAndAnUnwritableTargetGivesUpToTheOwner() throws IOException {
        Revos.Tenant t = revos.newTenant("sync out");
        String owner = revos.post(t.admin(), "/users", Map.of("name", "Olga Ops", "role", "OPS")).expect(201)
                .get("id").asText();
        String acme = revos.post(t.member(), "/accounts", Map.of("name", "Acme", "externalId", "crm-1"))
                .expect(201).get("id").asText();
        revos.post(t.member(), "/accounts", Map.of("name", "Globex")).expect(201);
        Path target = revos.process().tenantFiles(t.id()).resolve("out/accounts.csv");
        String id = revos.post(t.admin(), "/sync/definitions", Map.of("objectType", "accounts", "source",
                "Warehouse", "direction", "ONE_WAY_OUT", "intervalMinutes", 60, "location", "out/accounts.csv",
                "ownerId", owner)).expect(201).get("id").asText();
        JsonNode done = Await.until(() -> revos.get(t.readOnly(), "/sync/definitions/" + id).expect(200),
                d -> "OK".equals(d.path("lastStatus").asText()), Duration.ofSeconds(15));
        assertEquals("2 rows written, 0 failed", done.get("lastDetail").asText(), done.toString());
        String csv = Files.readString(target);
        assertTrue(csv.startsWith("id,externalId,name"), csv);
        assertTrue(csv.contains(acme + ",crm-1,Acme") && csv.contains("Globex"), csv);
        revos.patch(t.member(), "/accounts/" + acme, Map.of("country", "FR")).expect(200);

        Path folder = Files.createDirectories(revos.process().tenantFiles(t.id()).resolve("a-folder"));
        Files.writeString(folder.resolve("keep.txt"), "a folder is not a file an export can replace");
        String broken = revos.post(t.admin(), "/sync/definitions", Map.of("objectType", "ACCOUNT", "source",
                "Warehouse", "direction", "ONE_WAY_OUT", "intervalMinutes", 60, "location", "a-folder", "ownerId",
                owner, "maxAttempts", 2)).expect(201).get("id").asText();
        JsonNode gaveUp = Await.until(() -> revos.get(t.readOnly(), "/sync/errors?definitionId=" + broken)
                .expect(200), p -> p.get("items").size() == 1 && allStatus(p, "GAVE_UP"), Duration.ofSeconds(15));
        JsonNode error = gaveUp.get("items").get(0);
        assertEquals("GAVE_UP", error.get("status").asText(), gaveUp.toString());
        assertEquals(2, error.get("attempts").asInt());
        assertEquals(owner, error.get("assignedTo").asText());
        assertTrue(error.get("object").get("externalId").isNull());
        assertEquals("FAILED", revos.get(t.readOnly(), "/sync/definitions/" + broken).expect(200)
                .get("lastStatus").asText());
    }

    @Test
    void aBadDefinitionIsRefusedListingEveryProblemAndNothingIsWritten() {
        Revos.Tenant t = revos.newTenant("sync validation");
        JsonNode problem = revos.post(t.admin(), "/sync/definitions", Map.of("objectType", "planets",
                "direction", "BOTH_WAYS", "intervalMinutes", 0, "ownerId", "usr_nobody", "colour", "red"))
                .expect(400);
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asText()));
        for (String field : List.of("objectType", "direction", "intervalMinutes", "source", "location", "colour")) {
            assertTrue(fields.contains(field), field + " in " + problem);
        }
        assertEquals(403, revos.post(t.member(), "/sync/definitions", Map.of()).status());
        assertEquals(0, revos.get(t.readOnly(), "/sync/definitions").expect(200).get("items").size());
        assertEquals(404, revos.get(t.readOnly(), "/sync/definitions/syd_nope").status());
    }

    private static boolean allStatus(JsonNode page, String status) {
        for (JsonNode e : page.get("items")) {
            if (!status.equals(e.get("status").asText())) {
                return false;
            }
        }
        return true;
    }

    private static List<String> fields(JsonNode def) {
        List<String> out = new ArrayList<>();
        def.get("fields").forEach(f -> out.add(f.asText()));
        return out;
    }
}
