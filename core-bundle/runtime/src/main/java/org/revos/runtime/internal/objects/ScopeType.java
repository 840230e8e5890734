package org.revos.runtime.internal.objects;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.FieldType;
import org.revos.kernel.spi.objects.FieldTypes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A goal's scope: {@code {"team": "..."}}, {@code {"userId": "..."}} or {@code {}} for the whole tenant. */
final class ScopeType implements FieldType {

    /** The scopes and how long each may be: a team name, or a user's id. */
    private static final Map<String, Integer> MAX = Map.of("team", 100, "userId", 40);

    @Override
    public Object parse(JsonNode node, String path, Violations v) {
        if (!node.isObject() || node.size() > 1) {
            v.add(path, "must be {\"team\": ...}, {\"userId\": ...} or {} for the whole tenant");
            return null;
        }
        Map<String, String> scope = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!MAX.containsKey(e.getKey())) {
                v.add(path + "." + e.getKey(), "is not a scope; use team or userId");
            } else if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()
                    || e.getValue().textValue().length() > MAX.get(e.getKey())) {
                v.add(path + "." + e.getKey(), "must be a non-blank string of at most " + MAX.get(e.getKey())
                        + " characters");
            } else if (!FieldTypes.refusesControls(e.getValue().textValue(), path + "." + e.getKey(), v)) {
                scope.put(e.getKey(), e.getValue().textValue());
            }
        }
        return scope;
    }

    @Override
    public JsonNode render(Object stored) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        if (stored instanceof Map<?, ?> map) {
            map.forEach((k, val) -> node.put((String) k, (String) val));
        }
        return node;
    }

    @Override
    public ObjectNode schema() {
        ObjectNode s = FieldTypes.jsonType("object").put("maxProperties", 1).put("additionalProperties", false);
        s.putObject("properties").set("team", FieldTypes.jsonType("string"));
        ((ObjectNode) s.get("properties")).set("userId", FieldTypes.jsonType("string"));
        return s;
    }
}
