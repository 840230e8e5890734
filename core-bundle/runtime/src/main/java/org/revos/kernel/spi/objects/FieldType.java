package org.revos.kernel.spi.objects;

import org.revos.kernel.spi.Violations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON type of a field and its stored form.
 */
public interface FieldType {

    /** Parses a JSON value into its stored form, or adds a violation and answers {@code null}. */
    @FunctionalInterface
    interface Parser {
        Object parse(JsonNode node, String path, Violations violations);
    }

    /**
     * @param node a non-null JSON value (not JSON null)
     * @param path the field's JSON path for error messages
     * @return the stored value, or {@code null} after adding a violation
     */
    Object parse(JsonNode node, String path, Violations violations);

    /** @return the JSON form of a stored value ({@code null} renders as JSON null) */
    JsonNode render(Object stored);

    /** @return the field's JSON Schema as OpenAPI 3.1 uses it */
    ObjectNode schema();

    /**
     * Parses a query-parameter filter value; by default as the JSON string {@code text}.
     */
    default Object parseQuery(String text, String path, Violations violations) {
        return parse(com.fasterxml.jackson.databind.node.TextNode.valueOf(text), path, violations);
    }
}
