package org.revos.integration.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.revos.integration.internal.mapping.EngineJson;
import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Text of a CSV cell to the JSON value the object's REST API takes, and back. A cell that does not read as its field's
 * JSON type is passed on as text, so the field's own type reports it in the words a REST client would get.
 */
final class CellValues {

    private final Map<String, String> jsonTypes = new HashMap<>();

    CellValues(ObjectSchema<?> schema) {
        for (Field<?> field : schema.fields()) {
            jsonTypes.put(field.name(), field.type().schema().path("type").asText("string"));
        }
    }

    /** @return the JSON value of a non-empty cell of {@code field} */
    JsonNode json(String field, String text) {
        String type = jsonTypes.getOrDefault(field, "string");
        try {
            switch (type) {
            case "integer", "number":
                return DecimalNode.valueOf(new BigDecimal(text.trim()));
            case "object", "array", "boolean":
                return EngineJson.MAPPER.readTree(text);
            default:
                return TextNode.valueOf(text);
            }
        } catch (NumberFormatException | IOException notThatType) {
            return TextNode.valueOf(text);
        }
    }

    /** @return the cell text of a rendered JSON value; {@code null} for JSON null */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toPlainString();
        }
        if (value.isContainerNode()) {
            return value.size() == 0 && value.isObject() ? null : value.toString();
        }
        return value.asText();
    }
}
