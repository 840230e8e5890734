package org.revos.runtime.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small builders of JSON Schema (2020-12, as OpenAPI 3.1 uses it) and OpenAPI nodes. */
final class Schemas {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Schemas() {
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ObjectNode type(String type) {
        return NODES.objectNode().put("type", type);
    }

    /** @return a JSON object of any members */
    static ObjectNode freeObject() {
        return type("object");
    }

    static ObjectNode array(JsonNode items) {
        ObjectNode array = type("array");
        array.set("items", items);
        return array;
    }

    static ObjectNode ref(String section, String name) {
        return NODES.objectNode().put("$ref", "#/components/" + section + "/" + name);
    }

    static ObjectNode schemaRef(String name) {
        return ref("schemas", name);
    }

    /**
     * @return {@code schema} also admitting JSON null: {@code "type": "x"} becomes {@code ["x", "null"]} (and an
     *         {@code enum} gains null); a schema without a single type is wrapped in {@code anyOf}
     */
    static ObjectNode nullable(ObjectNode schema) {
        ObjectNode copy = schema.deepCopy();
        JsonNode type = copy.get("type");
        if (type != null && type.isTextual()) {
            copy.putArray("type").add(type.textValue()).add("null");
            if (copy.get("enum") instanceof ArrayNode values) {
                values.addNull();
            }
            return copy;
        }
        if (type != null && type.isArray()) {
            boolean hasNull = false;
            for (JsonNode t : type) {
                hasNull |= t.asText().equals("null");
            }
            if (!hasNull) {
                ((ArrayNode) type).add("null");
            }
            return copy;
        }
        if (copy.isEmpty()) {
            return copy;
        }
        ObjectNode wrapper = object();
        wrapper.putArray("anyOf").add(copy).add(type("null"));
        return wrapper;
    }

    static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static String upperFirst(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
