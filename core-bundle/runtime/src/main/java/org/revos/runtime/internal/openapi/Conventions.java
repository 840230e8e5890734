package org.revos.runtime.internal.openapi;

import org.revos.kernel.spi.rest.Pages;
import org.revos.runtime.internal.rest.Idempotency;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The API-wide conventions as reusable components: bearer keys, {@code limit} and {@code cursor} paging, the list
 * envelope, {@code Idempotency-Key} and the headers that go with creations and replays.
 */
final class Conventions {

    static final String BEARER = "bearerAuth";
    static final String LIMIT = "limit";
    static final String CURSOR = "cursor";
    static final String IDEMPOTENCY_KEY = "IdempotencyKey";
    static final String PAGE = "Page";
    static final String LOCATION = "Location";
    static final String REPLAYED = "Idempotent-Replayed";

    private Conventions() {
    }

    static void register(Components components) {
        components.section("securitySchemes").putObject(BEARER).put("type", "http").put("scheme", "bearer")
                .put("description", "An API key: Authorization: Bearer rvs_... Tenant keys (ADMIN, MEMBER, "
                        + "READ_ONLY) work on their tenant's data; platform-admin keys manage tenants and keys");

        ObjectNode parameters = components.section("parameters");
        parameters.set(LIMIT, query(LIMIT, "How many items a page holds at most", Schemas.type("integer")
                .put("minimum", 1).put("maximum", Pages.MAX_LIMIT).put("default", Pages.DEFAULT_LIMIT)));
        parameters.set(CURSOR, query(CURSOR, "Where the page starts: the next value of the previous page; "
                + "omit it for the first page", Schemas.type("string")));
        ObjectNode key = Schemas.object().put("name", Idempotency.HEADER).put("in", "header").put("required", false)
                .put("description", "Makes a POST safe to retry: for 24 hours, a request with the same key and "
                        + "body gets the first answer again (with Idempotent-Replayed: true) and writes nothing; the "
                        + "same key with another request is a 409. Keys are scoped to the calling API key.");
        key.set("schema", Schemas.type("string").put("minLength", 1).put("maxLength", 255)
                .put("pattern", "^[\\x20-\\x7E]+$"));
        parameters.set(IDEMPOTENCY_KEY, key);

        ObjectNode headers = components.section("headers");
        headers.set(LOCATION, header("The URL of the created object", Schemas.type("string")
                .put("format", "uri-reference")));
        headers.set(REPLAYED, header("true when this is the stored answer to an earlier request with the same "
                + "Idempotency-Key", Schemas.type("string").put("const", "true")));

        ObjectNode page = Schemas.freeObject().put("description", "One page of a list");
        page.putArray("required").add("items").add("next");
        ObjectNode properties = page.putObject("properties");
        properties.set("items", Schemas.array(Schemas.freeObject()));
        properties.set("next", Schemas.nullable(Schemas.type("string")).put("description",
                "The cursor of the next page; null on the last page"));
        components.putSchema(components.name(PAGE, PAGE, PAGE), page);
    }

    private static ObjectNode query(String name, String description, ObjectNode schema) {
        ObjectNode parameter = Schemas.object().put("name", name).put("in", "query").put("required", false)
                .put("description", description);
        parameter.set("schema", schema);
        return parameter;
    }

    private static ObjectNode header(String description, ObjectNode schema) {
        ObjectNode header = Schemas.object().put("description", description);
        header.set("schema", schema);
        return header;
    }
}
