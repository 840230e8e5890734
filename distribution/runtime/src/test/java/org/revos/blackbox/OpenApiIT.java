package org.revos.blackbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.revos.blackbox.fuzz.SchemaValues;

import com.fasterxml.jackson.databind.JsonNode;

/** GET /api/v1/openapi.json describes the API the running jar serves, to any valid key. */
@ExtendWith(RevosExtension.class)
class OpenApiIT {

    private static final List<String> COLLECTIONS = List.of("users", "accounts", "contacts", "leads", "deals",
            "activities", "revenue-events", "goals");

    private final Revos revos;

    OpenApiIT(Revos revos) {
        this.revos = revos;
    }

    @Test
    void needsAKey() {
        Revos.Reply reply = revos.get(null, "/openapi.json");
        assertEquals(401, reply.status());
        assertTrue(reply.header("Content-Type").startsWith("application/problem+json"));
        assertEquals(401, revos.get("rvs_unknown-key", "/openapi.json").status());
    }

    @Test
    void anyValidKeyMayReadItAndAllReadTheSameDocument() {
        Revos.Tenant t = revos.newTenant("openapi-keys");
        JsonNode platform = revos.get(RevosProcess.ADMIN_KEY, "/openapi.json").expect(200);
        JsonNode readOnly = revos.get(t.readOnly(), "/openapi.json").expect(200);
        assertEquals(platform, readOnly);
        assertEquals(platform, revos.get(t.admin(), "/openapi.json").expect(200));
        assertEquals("3.1.0", platform.get("openapi").asText());
        assertEquals("/api/v1", platform.at("/servers/0/url").asText());
    }

    @Test
    void listsEveryCoreCollectionAndTheAdminPaths() {
        JsonNode paths = document().get("paths");
        for (String collection : COLLECTIONS) {
            assertEquals(Set.of("get", "post"), methods(paths, "/" + collection), collection);
            assertEquals(collection.equals("revenue-events") ? Set.of("get") : Set.of("delete", "get", "patch"),
                    methods(paths, "/" + collection + "/{id}"), collection);
        }
        assertEquals(Set.of("get", "post"), methods(paths, "/admin/tenants"));
        assertEquals(Set.of("get"), methods(paths, "/admin/tenants/{tenantId}"));
        assertEquals(Set.of("get", "post"), methods(paths, "/admin/tenants/{tenantId}/api-keys"));
        assertEquals(Set.of("delete"), methods(paths, "/admin/tenants/{tenantId}/api-keys/{keyId}"));
        assertEquals(Set.of("get"), methods(paths, "/admin/audit"));
        assertEquals(Set.of("get"), methods(paths, "/audit"));
        assertEquals(Set.of("get"), methods(paths, "/health"));
        assertEquals(Set.of("get"), methods(paths, "/openapi.json"));
    }

    @Test
    void aPluginUploadIsDocumentedAsTheJarItTakes() {
        JsonNode content = document().at("/paths/~1admin~1plugins/post/requestBody/content");
        assertTrue(content.has("application/java-archive"), content::toString);
        assertFalse(content.has("application/json"), content::toString);
        assertEquals("binary", content.at("/application~1java-archive/schema/format").asText(), content::toString);
    }

    @Test
    void everyListedReadWithoutTemplatesAnswers200ToTheKeysItNames() {
        Revos.Tenant t = revos.newTenant("openapi-reads");
        List<String> checked = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = document().get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            JsonNode get = path.getValue().get("get");
            if (get == null || path.getKey().contains("{")) {
                continue;
            }
            String key = switch (get.get("x-revos-access").asText()) {
                case "PUBLIC" -> null;
                case "PLATFORM" -> RevosProcess.ADMIN_KEY;
                case "TENANT_ADMIN" -> t.admin();
                default -> t.readOnly();
            };
            assertEquals(200, revos.get(key, path.getKey()).status(), path.getKey());
            checked.add(path.getKey());
        }
        assertTrue(checked.containsAll(List.of("/accounts", "/admin/tenants", "/audit", "/health")), checked.toString());
    }

    @Test
    void createdObjectsHaveExactlyTheMembersTheSchemasList() {
        Revos.Tenant t = revos.newTenant("openapi-shapes");
        JsonNode doc = document();
        JsonNode account = revos.post(t.member(), "/accounts", Map.of("name", "Acme", "country", "DE"))
                .expect(201);
        assertEquals(names(doc.at("/components/schemas/Account/properties")), names(account));
        JsonNode deal = revos.post(t.member(), "/deals", Map.of("accountId", account.get("id").asText(),
                "name", "Acme renewal", "arr", 12500.50)).expect(201);
        assertEquals(names(doc.at("/components/schemas/Deal/properties")), names(deal));
        assertTrue(deal.get("id").asText().matches(doc.at("/components/schemas/Deal/properties/id/pattern").asText()));
    }

    @Test
    void theQueryParametersEndpointsReadAreDocumentedAndAccepted() {
        JsonNode doc = document();
        Map<String, Set<String>> expected = Map.of(
                "post /imports", Set.of("object", "format", "mode", "map", "revenueEvents", "dryRun", "mapStage",
                        "mapLifecycleStage", "mapDealType", "mapLossReason", "mapOwner"),
                "get /imports/mappings/{format}", Set.of("format"),
                "get /exports", Set.of("object", "format"),
                "get /goal-matrix", Set.of("kpis", "periods", "asOf", "segment", "ownerId", "team", "source",
                        "country", "pipeline"),
                "get /revenue/summary", Set.of("period", "asOf", "segment", "ownerId", "team", "pipeline"),
                "get /kpis/{kpiId}", Set.of("kpiId", "period", "asOf", "segment", "country"),
                "get /{collection}/{id}/transitions", Set.of("collection", "id", "limit", "cursor"));
        expected.forEach((operation, names) -> {
            String[] methodAndPath = operation.split(" ", 2);
            JsonNode op = doc.get("paths").get(methodAndPath[1]).get(methodAndPath[0]);
            Set<String> documented = new java.util.HashSet<>();
            for (JsonNode p : op.path("parameters")) {
                JsonNode resolved = p.has("$ref") ? doc.at(p.get("$ref").asText().substring(1)) : p;
                documented.add(resolved.get("name").asText());
                assertTrue(resolved.hasNonNull("description") || resolved.get("in").asText().equals("path"),
                        operation + " " + resolved);
            }
            assertTrue(documented.containsAll(names), operation + " documents " + documented);
        });
        Revos.Tenant t = revos.newTenant("openapi-params");
        revos.get(t.readOnly(), "/goal-matrix?kpis=win_rate,won_revenue&periods=2026-Q1,2026-Q2&segment=SMB&asOf="
                + "2026-03-01T00:00:00Z").expect(200);
        revos.get(t.readOnly(), "/revenue/summary?period=2026&team=East").expect(200);
    }

    @Test
    void noRequestBodyOfTheServedDocumentIsAnObjectOfUnknownMembers() {
        JsonNode doc = document();
        List<String> untyped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(op -> op.getValue().at("/requestBody/content").forEach(media -> {
                if (untyped(doc, media.path("schema"))) {
                    untyped.add(op.getKey() + " " + path.getKey());
                }
            }));
        }
        assertEquals(List.of(), untyped);
    }

    /**
     * Bodies made from the document's schemas of the bodies that used to be free objects are not refused with 400:
     * every rule the server holds them to that a schema can state is in the document. What a schema cannot state is
     * let through by its message: an object type that already has its one inbound sync, a credit rule id the
     * tenant's plugins do not provide.
     */
    @Test
    void bodiesMadeFromTheDocumentAreNotRefusedWith400() {
        JsonNode doc = document();
        Revos.Tenant t = revos.newTenant("openapi-bodies");
        SchemaValues values = new SchemaValues(doc, new Random(20261207L), prefix -> Optional.empty());
        String user = revos.post(t.admin(), "/users", values.valid(schema(doc, "UserCreate"))).expect(201).get("id")
                .asText();
        values = new SchemaValues(doc, new Random(20261207L), prefix -> prefix.equals("usr") ? Optional.of(user)
                : Optional.empty());
        String plugin = revos.get(RevosProcess.ADMIN_KEY, "/admin/plugins").expect(200).at("/items/0/id").asText();
        String webhook = null;
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            check(refused, "POST /admin/tenants", revos.post(RevosProcess.ADMIN_KEY, "/admin/tenants",
                    values.valid(schema(doc, "TenantCreate"))));
            check(refused, "POST api-keys", revos.post(RevosProcess.ADMIN_KEY, "/admin/tenants/" + t.id()
                    + "/api-keys", values.valid(schema(doc, "ApiKeyCreate"))));
            check(refused, "PUT kpi-settings", revos.send(t.admin(), "PUT", "/kpi-settings",
                    values.valid(schema(doc, "KpiSettings")), Map.of()));
            Revos.Reply hook = revos.post(t.admin(), "/webhooks", values.valid(schema(doc, "WebhookCreate")));
            check(refused, "POST /webhooks", hook);
            if (hook.status() == 201) {
                webhook = hook.body().get("id").asText();
            }
            if (webhook != null) {
                check(refused, "PATCH /webhooks/{id}", revos.patch(t.admin(), "/webhooks/" + webhook,
                        values.valid(schema(doc, "WebhookPatch"))));
            }
            check(refused, "POST /credit/rules", revos.post(t.admin(), "/credit/rules",
                    values.valid(schema(doc, "CreditRuleVersion"))));
            check(refused, "POST /sync/definitions", revos.post(t.admin(), "/sync/definitions",
                    values.valid(schema(doc, "SyncDefinitionCreate"))));
            check(refused, "GET /credit/ledger", revos.get(t.readOnly(), "/credit/ledger?period="
                    + values.valid(doc.at("/paths/~1credit~1ledger/get/parameters/0/schema")).asText()));
        }
        // last: a setting may disable the plugin for the tenant
        check(refused, "PUT tenant plugin", revos.send(RevosProcess.ADMIN_KEY, "PUT", "/admin/tenants/" + t.id()
                + "/plugins/" + plugin, values.valid(schema(doc, "TenantPluginSetting")), Map.of()));
        assertEquals(List.of(), refused);
    }

    private static void check(List<String> refused, String what, Revos.Reply reply) {
        String text = reply.body() == null ? "" : reply.body().toString();
        // what no schema can state: state (one inbound sync per object type), and the set of credit rules the
        // installed plugins enable for the tenant (the document gives the shipped one as an example)
        if (reply.status() == 400 && !text.contains("already has an inbound sync")
                && !text.contains("is not a credit rule enabled for this tenant")) {
            refused.add(what + ": " + text);
        }
    }

    private static JsonNode schema(JsonNode doc, String name) {
        JsonNode schema = doc.at("/components/schemas/" + name);
        assertTrue(schema.isObject(), name);
        return schema;
    }

    private static boolean untyped(JsonNode doc, JsonNode raw) {
        JsonNode schema = raw;
        while (schema.has("$ref")) {
            schema = doc.at(schema.get("$ref").asText().substring(1));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            for (JsonNode option : schema.path(choice)) {
                if (untyped(doc, option)) {
                    return true;
                }
            }
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            return false;
        }
        return schema.isEmpty() || (schema.path("type").asText().equals("object") && !schema.has("properties")
                && !schema.path("additionalProperties").isObject());
    }

    private JsonNode document() {
        JsonNode doc = revos.get(RevosProcess.ADMIN_KEY, "/openapi.json").expect(200);
        assertNotNull(doc.get("paths"));
        return doc;
    }

    private static Set<String> methods(JsonNode paths, String path) {
        JsonNode item = paths.get(path);
        assertNotNull(item, path + " is not listed; paths: " + names(paths));
        return names(item);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
