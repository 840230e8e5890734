package org.revos.kernel.spi.rest;

import java.util.Collection;

import org.revos.kernel.spi.objects.FieldTypes;
import org.revos.kernel.spi.objects.ObjectSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Small builders of the JSON Schemas (2020-12, as OpenAPI 3.1 reads them) that resources state for their
 * {@code JsonNode} bodies and text parameters through {@link SchemaFrom}: an object's members, required or not, and
 * the leaf rules the parsers enforce.
 */
public final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /**
     * An ISO-8601 instant with an offset, as {@code Instant.parse} and {@code OffsetDateTime.parse} read it: the
     * {@code date-time} format without what they refuse (lower-case separators, a leap second).
     */
    public static final String INSTANT_PATTERN = "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):"
            + "[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)$";
    /** A year, quarter or month as {@code org.revos.api.model.Period#parse} reads it. */
    public static final String PERIOD_PATTERN = "^\\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$";

    private final ObjectNode schema;
    private final ObjectNode properties;
    private final ArrayNode required;

    private JsonSchemas(String description, boolean closed) {
        schema = NODES.objectNode().put("type", "object");
        if (description != null) {
            schema.put("description", description);
        }
        properties = schema.putObject("properties");
        required = NODES.arrayNode();
        if (closed) {
            schema.put("additionalProperties", false);
        }
    }

    /** @return an object whose members are the ones {@link #member added}, and no others */
    public static JsonSchemas object(String description) {
        return new JsonSchemas(description, true);
    }

    /** @return an object whose members are the ones {@link #member added}, and any others */
    public static JsonSchemas openObject(String description) {
        return new JsonSchemas(description, false);
    }

    /** Adds a member the object must have. */
    public JsonSchemas required(String name, ObjectNode value) {
        properties.set(name, value);
        required.add(name);
        return this;
    }

    /** Adds a member the object may have. */
    public JsonSchemas member(String name, ObjectNode value) {
        properties.set(name, value);
        return this;
    }

    public ObjectNode build() {
        if (!required.isEmpty()) {
            schema.set("required", required);
        }
        return schema;
    }

    public static ObjectNode type(String type) {
        return NODES.objectNode().put("type", type);
    }

    /** @return free text as {@link FieldTypes#text(int)} reads it: not blank, no control characters */
    public static ObjectNode text(int max) {
        return FieldTypes.textSchema(max);
    }

    /** @return one of {@code values}, spelled exactly */
    public static ObjectNode oneOf(Collection<String> values) {
        ObjectNode s = type("string");
        ArrayNode e = s.putArray("enum");
        values.stream().sorted().forEach(e::add);
        return s;
    }

    /** @return a whole number in [min, max] */
    public static ObjectNode integer(long min, long max) {
        return type("integer").put("minimum", min).put("maximum", max);
    }

    /** @return an ISO-8601 instant with an offset, such as 2026-07-15T10:00:00Z */
    public static ObjectNode instant() {
        return type("string").put("format", "date-time").put("pattern", INSTANT_PATTERN);
    }

    /** @return a year, quarter or month such as 2026, 2026-Q3 or 2026-07 */
    public static ObjectNode period() {
        return type("string").put("pattern", PERIOD_PATTERN);
    }

    /** @return a calendar date such as 2026-07-15 */
    public static ObjectNode date() {
        return type("string").put("format", "date").put("pattern", "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$");
    }

    /** @return the id of one of the tenant's objects of {@code target}, described as the fuzz and readers expect */
    public static ObjectNode reference(ObjectSchema<?> target) {
        return reference(target.idPrefix(), target.path());
    }

    /** @return the id of one of the tenant's objects with the id prefix {@code idPrefix}, listed at {@code path} */
    public static ObjectNode reference(String idPrefix, String path) {
        return type("string").put("pattern", "^" + idPrefix + "_" + FieldTypes.ID_CHARACTERS + "$")
                .put("description", "The id of one of the tenant's " + path + " (" + idPrefix + "_...)");
    }

    /** @return an array of {@code items}, {@code min} to {@code max} of them */
    public static ObjectNode array(JsonNode items, int min, int max) {
        ObjectNode s = type("array");
        s.set("items", items);
        if (min > 0) {
            s.put("minItems", min);
        }
        return s.put("maxItems", max);
    }

    /** @return {@code schema} also admitting null */
    public static ObjectNode nullable(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        JsonNode type = copy.get("type");
        if (type != null && type.isTextual()) {
            copy.putArray("type").add(type.textValue()).add("null");
            if (copy.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
            return copy;
        }
        ObjectNode wrapper = NODES.objectNode();
        wrapper.putArray("anyOf").add(copy).add(type("null"));
        return wrapper;
    }

    /** @return {@code schema} with a description */
    public static ObjectNode described(ObjectNode schema, String description) {
        return schema.put("description", description);
    }
}
