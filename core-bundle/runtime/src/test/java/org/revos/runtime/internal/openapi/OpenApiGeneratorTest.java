package org.revos.runtime.internal.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.Pages;
import org.revos.runtime.internal.objects.Catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The document of the core's own resource classes. */
class OpenApiGeneratorTest {

    private final ObjectNode doc = CoreResources.document();

    @Test
    void describesTheApiAsOneServerWithBearerKeys() {
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertEquals("1.2.3", doc.at("/info/version").asText());
        assertEquals("/api/v1", doc.at("/servers/0/url").asText());
        assertTrue(doc.at("/security/0/bearerAuth").isArray());
        assertEquals("http", doc.at("/components/securitySchemes/bearerAuth/type").asText());
        assertEquals("bearer", doc.at("/components/securitySchemes/bearerAuth/scheme").asText());
    }

    @Test
    void everyCollectionHasItsOperationsAndAppendOnlyOnesCannotChange() {
        for (ObjectSchema<?> schema : Catalog.all()) {
            String path = "/" + schema.path();
            assertEquals(Set.of("get", "post"), methods(path), path);
            assertEquals(schema.appendOnly() ? Set.of("get") : Set.of("get", "patch", "delete"),
                    methods(path + "/{id}"), path + "/{id}");
        }
        assertEquals(Set.of("get", "patch", "delete"), methods("/accounts/{id}"));
        assertEquals(Set.of("get"), methods("/revenue-events/{id}"));
        assertTrue(doc.at("/components/schemas/RevenueEventPatch").isMissingNode(), "nothing to patch");
    }

    @Test
    void adminPathsAndTheDocumentItselfAreListed() {
        assertEquals(Set.of("get", "post"), methods("/admin/tenants"));
        assertEquals(Set.of("get"), methods("/admin/tenants/{tenantId}"));
        assertEquals(Set.of("get", "post"), methods("/admin/tenants/{tenantId}/api-keys"));
        assertEquals(Set.of("delete"), methods("/admin/tenants/{tenantId}/api-keys/{keyId}"));
        assertEquals(Set.of("get"), methods("/admin/audit"));
        assertEquals(Set.of("get"), methods("/audit"));
        assertEquals(Set.of("get"), methods("/health"));
        assertEquals(Set.of("get"), methods("/openapi.json"));
        assertEquals("PLATFORM", op("/admin/tenants", "post").get("x-revos-access").asText());
        assertEquals("TENANT_ADMIN", op("/audit", "get").get("x-revos-access").asText());
    }

    @Test
    void moneyIsInMajorUnitsWithCents() {
        for (String pointer : List.of("/Account/properties/arr", "/Deal/properties/arr", "/DealCreate/properties/arr",
                "/RevenueEvent/properties/arrDelta", "/RevenueEventCreate/properties/arrDelta")) {
            JsonNode money = doc.at("/components/schemas" + pointer);
            assertEquals(0.01, money.get("multipleOf").asDouble(), pointer);
        }
        assertEquals(0, doc.at("/components/schemas/Deal/properties/arr/minimum").asInt(), "deal ARR is not negative");
        assertTrue(doc.at("/components/schemas/RevenueEvent/properties/arrDelta/minimum").isMissingNode(),
                "churn is a negative delta");
    }

    @Test
    void listsArePagedWithLimitAndCursorAndFilterOnFilterableFields() {
        JsonNode limit = doc.at("/components/parameters/limit");
        assertEquals("query", limit.get("in").asText());
        assertEquals(1, limit.at("/schema/minimum").asInt());
        assertEquals(Pages.MAX_LIMIT, limit.at("/schema/maximum").asInt());
        assertEquals(500, limit.at("/schema/maximum").asInt());
        assertEquals(Pages.DEFAULT_LIMIT, limit.at("/schema/default").asInt());

        List<String> params = new ArrayList<>();
        for (JsonNode p : op("/deals", "get").get("parameters")) {
            params.add(p.has("$ref") ? p.get("$ref").asText() : p.get("name").asText());
        }
        assertEquals(List.of("#/components/parameters/limit", "#/components/parameters/cursor", "externalId",
                "accountId", "ownerId", "type", "pipeline", "stage"), params);
        assertEquals("#/components/schemas/DealList", op("/deals", "get").at(
                "/responses/200/content/application~1json/schema/$ref").asText());
        JsonNode list = doc.at("/components/schemas/DealList");
        assertEquals("#/components/schemas/Deal", list.at("/properties/items/items/$ref").asText());
        assertTrue(list.at("/properties/next/type").toString().contains("null"));
        assertEquals("#/components/schemas/Page", op("/admin/tenants", "get").at(
                "/responses/200/content/application~1json/schema/$ref").asText());
        assertEquals(List.of("#/components/parameters/limit", "#/components/parameters/cursor", "objectType",
                "objectId", "action"), names(op("/admin/audit", "get").get("parameters")));
    }

    @Test
    void objectsMarkWhatIsReadOnlyAndCreationsRequireWhatIsRequired() {
        JsonNode account = doc.at("/components/schemas/Account");
        assertTrue(account.at("/properties/arr/readOnly").asBoolean());
        assertTrue(account.at("/properties/id/readOnly").asBoolean());
        assertTrue(account.at("/properties/createdAt/readOnly").asBoolean());
        assertFalse(account.at("/properties/name/readOnly").asBoolean());
        assertEquals("^acc_[0-9A-HJKMNP-TV-Z]{26}$", account.at("/properties/id/pattern").asText());

        JsonNode create = doc.at("/components/schemas/AccountCreate");
        assertTrue(create.at("/properties/arr").isMissingNode(), "read-only fields cannot be sent");
        assertTrue(create.at("/properties/id").isMissingNode());
        assertFalse(create.at("/additionalProperties").asBoolean(true));
        assertEquals(List.of("name"), texts(create.get("required")));
        assertEquals(List.of("accountId", "name"), texts(doc.at("/components/schemas/DealCreate/required")));
        assertEquals(List.of("accountId", "occurredAt", "kind", "arrDelta"),
                texts(doc.at("/components/schemas/RevenueEventCreate/required")));

        for (String object : List.of("Deal", "Lead")) {
            JsonNode created = doc.at("/components/schemas/" + object + "Create");
            for (String field : List.of("pipeline", "stage")) {
                assertEquals("string", created.at("/properties/" + field + "/type/0").asText(created.at("/properties/"
                        + field + "/type").asText()), object + "Create." + field + " may be sent: " + created);
                assertTrue(created.at("/properties/" + field + "/description").asText().contains("stage engine"));
                assertFalse(doc.at("/components/schemas/" + object + "/properties/" + field + "/readOnly")
                        .asBoolean(), object + "." + field + " is no longer read-only: POST accepts it");
            }
        }
        JsonNode patch = doc.at("/components/schemas/DealPatch");
        assertTrue(patch.get("required") == null, "a merge patch requires nothing");
        assertTrue(patch.at("/properties/stage").isMissingNode(), "stage changes through transitions");
        assertTrue(patch.at("/properties/closeDate/type").toString().contains("null"), "null clears");
        assertEquals("string", patch.at("/properties/name/type").asText(), "required fields cannot be cleared");
        assertTrue(doc.at("/components/schemas/Deal/properties/type/enum").toString().contains("RENEWAL"));
    }

    @Test
    void creationsTakeAnIdempotencyKeyAndAnswer201WithLocation() {
        for (String path : List.of("/accounts", "/revenue-events", "/admin/tenants",
                "/admin/tenants/{tenantId}/api-keys")) {
            ObjectNode post = op(path, "post");
            assertTrue(names(post.get("parameters")).contains("#/components/parameters/IdempotencyKey"), path);
            assertEquals("#/components/headers/Location", post.at("/responses/201/headers/Location/$ref").asText());
            assertEquals("#/components/headers/Idempotent-Replayed",
                    post.at("/responses/201/headers/Idempotent-Replayed/$ref").asText());
            assertEquals("#/components/responses/Conflict", post.at("/responses/409/$ref").asText(), path);
        }
        assertEquals("Idempotency-Key", doc.at("/components/parameters/IdempotencyKey/name").asText());
        assertEquals("header", doc.at("/components/parameters/IdempotencyKey/in").asText());
        assertEquals("#/components/schemas/AccountCreate",
                op("/accounts", "post").at("/requestBody/content/application~1json/schema/$ref").asText());
        assertEquals("#/components/schemas/Account",
                op("/accounts", "post").at("/responses/201/content/application~1json/schema/$ref").asText());
    }

    @Test
    void patchesAreMergePatchesAndDeletesAnswer204() {
        ObjectNode patch = op("/deals/{id}", "patch");
        for (String mediaType : List.of("application~1json", "application~1merge-patch+json")) {
            assertEquals("#/components/schemas/DealPatch",
                    patch.at("/requestBody/content/" + mediaType + "/schema/$ref").asText(), mediaType);
        }
        ObjectNode delete = op("/deals/{id}", "delete");
        assertEquals("No content", delete.at("/responses/204/description").asText());
        assertTrue(delete.at("/responses/204/content").isMissingNode());
        assertTrue(op("/admin/tenants/{tenantId}/api-keys/{keyId}", "delete").at("/responses/204").isObject());
    }

    @Test
    void errorsAreProblemDocuments() {
        JsonNode problem = doc.at("/components/schemas/Problem");
        assertEquals(List.of("type", "title", "status", "detail", "errors"), texts(problem.get("required")));
        assertEquals(List.of("field", "message"), texts(problem.at("/properties/errors/items/required")));
        for (String name : List.of("BadRequest", "Unauthorized", "Forbidden", "NotFound", "Conflict",
                "Unprocessable", "Error")) {
            JsonNode response = doc.at("/components/responses/" + name);
            assertEquals("#/components/schemas/Problem",
                    response.at("/content/application~1problem+json/schema/$ref").asText(), name);
        }
        assertEquals(404, doc.at("/components/responses/NotFound/content/application~1problem+json/example/status")
                .asInt());
        assertEquals(Set.of("204", "401", "403", "404", "409", "default"),
                fieldNames(op("/accounts/{id}", "delete").get("responses")));
        assertEquals(Set.of("200", "400", "401", "403", "default"), fieldNames(op("/accounts", "get")
                .get("responses")));
        assertEquals(Set.of("200", "401", "403", "404", "default"), fieldNames(op("/accounts/{id}", "get")
                .get("responses")));
        assertEquals(Set.of("200", "400", "401", "403", "404", "409", "default"),
                fieldNames(op("/accounts/{id}", "patch").get("responses")));
    }

    @Test
    void onlyHealthIsPublicAndAnyKeyMayReadTheDocument() {
        assertTrue(op("/health", "get").get("security").isEmpty());
        assertEquals(Set.of("200", "default"), fieldNames(op("/health", "get").get("responses")));
        ObjectNode openapi = op("/openapi.json", "get");
        assertEquals("AUTHENTICATED", openapi.get("x-revos-access").asText());
        assertEquals(Set.of("200", "401", "default"), fieldNames(openapi.get("responses")));
        doc.get("paths").forEach(item -> item.forEach(operation -> {
            if (operation != op("/health", "get")) {
                assertNotNull(operation.get("responses").get("401"), operation.get("operationId").asText());
                assertTrue(operation.get("security") == null, "the global bearer requirement applies");
            }
        }));
    }

    @Test
    void everyOperationIsTaggedWithADeclaredTagAndHasAUniqueId() {
        Set<String> tags = new HashSet<>();
        doc.get("tags").forEach(t -> tags.add(t.get("name").asText()));
        assertTrue(tags.containsAll(List.of("accounts", "revenue-events", "tenants", "api-keys", "audit", "health")));
        Set<String> ids = new HashSet<>();
        doc.get("paths").forEach(item -> item.forEach(operation -> {
            assertTrue(tags.contains(operation.at("/tags/0").asText()), operation.toString());
            assertTrue(ids.add(operation.get("operationId").asText()), operation.get("operationId").asText());
        }));
        assertEquals("accountsList", op("/accounts", "get").get("operationId").asText());
        assertEquals("health", op("/health", "get").get("operationId").asText());
    }

    @Test
    void theSameResourcesInAnyOrderGiveTheSameDocument() {
        List<DiscoveredResource> shuffled = new ArrayList<>(CoreResources.discovered());
        Collections.shuffle(shuffled, new Random(7));
        assertEquals(doc, OpenApiGenerator.generate("1.2.3", shuffled));
        assertEquals(doc.toString(), CoreResources.document().toString());
    }

    private Set<String> methods(String path) {
        JsonNode item = doc.get("paths").get(path);
        assertNotNull(item, path + " is missing; paths: " + fieldNames(doc.get("paths")));
        return fieldNames(item);
    }

    private ObjectNode op(String path, String method) {
        JsonNode operation = doc.get("paths").path(path).get(method);
        assertNotNull(operation, method + " " + path);
        return (ObjectNode) operation;
    }

    static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(t -> texts.add(t.asText()));
        return texts;
    }

    static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.has("$ref") ? p.get("$ref").asText() : p.get("name").asText()));
        return names;
    }
}
