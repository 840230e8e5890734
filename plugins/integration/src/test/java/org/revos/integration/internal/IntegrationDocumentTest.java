package org.revos.integration.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.revos.runtime.internal.openapi.DiscoveredResource;
import org.revos.runtime.internal.openapi.OpenApiGenerator;
import org.revos.runtime.internal.persistence.Store;
import org.revos.runtime.internal.persistence.TestStores;
import org.revos.runtime.internal.rest.Collections;
import org.revos.runtime.internal.rest.Idempotency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The engine's resources state in the kernel's OpenAPI document what their parsers read: the objects imports and
 * exports take, the closed bodies of a sync definition (one shape per inbound object type, its writable fields) and
 * of the value mappings, and the values of the sync errors' status and of a dry run.
 */
class IntegrationDocumentTest {

    private static Store store;
    private static ObjectNode doc;

    @BeforeAll
    static void document() {
        store = new TestStores().store;
        SyncResource.documented = new Collections(store, new Idempotency(store));
        doc = OpenApiGenerator.generate("1.0.0", List.of(ImportsResource.class, ImportMappingsResource.class,
                ExportsResource.class, SyncResource.class).stream()
                .map(c -> new DiscoveredResource(c, "org.revos.integration")).toList());
    }

    @AfterAll
    static void close() {
        SyncResource.documented = null;
        store.close();
    }

    @Test
    void queryParametersStateTheirRules() {
        assertTrue(parameter("/exports", "get", "object").at("/schema/enum").toString().contains("revenue-events"));
        assertEquals("[\"GAVE_UP\",\"RESOLVED\",\"RETRYING\"]", parameter("/sync/errors", "get", "status")
                .at("/schema/enum").toString());
        assertEquals("[\"false\",\"true\"]", parameter("/imports", "post", "dryRun").at("/schema/enum")
                .toString());
    }

    @Test
    void theBodiesAreNamedAndClosed() {
        JsonNode schemas = doc.at("/components/schemas");
        for (String name : List.of("SyncDefinitionCreate", "ImportMappings")) {
            JsonNode schema = schemas.path(name);
            assertTrue(schema.isObject(), name + " is listed: " + schemas);
            List<JsonNode> shapes = new ArrayList<>();
            schema.path("oneOf").forEach(shapes::add);
            if (shapes.isEmpty()) {
                shapes.add(schema);
            }
            shapes.forEach(shape -> assertEquals(false, shape.path("additionalProperties").asBoolean(true),
                    name + " admits no member it does not list: " + shape));
        }
        assertEquals(Transfers.PATHS.size() + 1, schemas.at("/SyncDefinitionCreate/oneOf").size(),
                "one inbound shape per object type and one outbound shape");
    }

    private static JsonNode parameter(String path, String method, String name) {
        for (JsonNode p : doc.at("/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method
                + "/parameters")) {
            JsonNode resolved = resolve(p);
            if (resolved.path("name").asText().equals(name)) {
                return resolved;
            }
        }
        throw new AssertionError(method + " " + path + " has no parameter " + name);
    }

    private static JsonNode resolve(JsonNode node) {
        JsonNode n = node;
        while (n.has("$ref")) {
            n = doc.at(n.get("$ref").asText().substring(1));
        }
        return n;
    }
}
