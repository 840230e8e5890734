package org.revos.runtime.internal.plugins;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.revos.kernel.spi.Violations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A tenant's configuration of a plugin: a flat JSON object whose values become Configuration Admin properties.
 * Values are strings, numbers, booleans or lists of one of these; keys are property names that do not collide with
 * the framework's ({@code service.*}, {@code component.*}, {@code osgi.*}, {@code felix.*}) or with
 * {@value #TENANT_PROPERTY}, which RevOS sets itself.
 */
public final class PluginConfig {

    /** The property naming the tenant in every configuration RevOS writes for a plugin. */
    public static final String TENANT_PROPERTY = "revos.tenant";

    static final int MAX_KEYS = 100;
    static final int MAX_TEXT = 4000;
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]{0,99}");
    private static final List<String> RESERVED_PREFIXES = List.of("service.", "component.", "osgi.", "felix.",
            "revos.");

    private PluginConfig() {
    }

    /** @return the JSON Schema of what {@link #validate} accepts */
    public static ObjectNode schema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object")
                .put("description", "The tenant's settings of the plugin, as Configuration Admin properties")
                .put("maxProperties", MAX_KEYS);
        ObjectNode names = schema.putObject("propertyNames").put("pattern", "^" + KEY.pattern() + "$");
        StringBuilder reserved = new StringBuilder("^(objectClass$");
        for (String prefix : RESERVED_PREFIXES) {
            reserved.append('|');
            for (char c : prefix.toCharArray()) {
                reserved.append(Character.isLetter(c) ? "[" + Character.toUpperCase(c) + Character.toLowerCase(c) + "]"
                        : "\\" + c);
            }
        }
        names.putObject("not").put("pattern", reserved.append(')').toString());
        ArrayNode values = schema.putObject("additionalProperties").putArray("anyOf");
        values.addObject().put("type", "string").put("maxLength", MAX_TEXT);
        values.addObject().put("type", "number");
        values.addObject().put("type", "boolean");
        for (String kind : List.of("string", "number", "boolean")) {
            values.addObject().put("type", "array").putObject("items").put("type", kind);
        }
        return schema;
    }

    /** Adds a violation (field {@code config.<key>}) for every unusable key or value of {@code config}. */
    public static void validate(JsonNode config, Violations v) {
        if (!config.isObject()) {
            v.add("config", "must be a JSON object of settings, such as {\"greeting\": \"hi\"}");
            return;
        }
        if (config.size() > MAX_KEYS) {
            v.add("config", "has " + config.size() + " settings; at most " + MAX_KEYS + " are allowed");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            String path = "config." + key;
            if (!KEY.matcher(key).matches()) {
                v.add(path, "is not a usable setting name: use letters, digits, '_', '.' and '-', starting with a"
                        + " letter or '_', at most 100 characters");
            } else if (key.equals("objectClass")
                    || RESERVED_PREFIXES.stream().anyMatch(p -> key.regionMatches(true, 0, p, 0, p.length()))) {
                v.add(path, "is reserved: setting names must not be objectClass or start with service., component.,"
                        + " osgi., felix. or revos.");
            }
            JsonNode value = field.getValue();
            if (value.isArray()) {
                validateList(value, path, v);
            } else if (!isScalar(value)) {
                v.add(path, "must be a string, a number, a boolean or a list of one of these");
            } else if (value.isTextual() && value.textValue().length() > MAX_TEXT) {
                v.add(path, "is longer than " + MAX_TEXT + " characters");
            }
        }
    }

    /**
     * @param config a configuration {@link #validate valid} JSON object
     * @return the Configuration Admin properties: {@value #TENANT_PROPERTY} and the settings
     */
    public static Map<String, Object> properties(String tenantId, JsonNode config) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            properties.put(field.getKey(), value(field.getValue()));
        }
        properties.put(TENANT_PROPERTY, tenantId);
        return properties;
    }

    private static void validateList(JsonNode list, String path, Violations v) {
        String kind = null;
        for (JsonNode item : list) {
            if (!isScalar(item)) {
                v.add(path, "must list only strings, numbers or booleans");
                return;
            }
            String itemKind = kind(item);
            if (kind != null && !kind.equals(itemKind)) {
                v.add(path, "must list values of one kind: all strings, all numbers or all booleans");
                return;
            }
            kind = itemKind;
        }
    }

    private static boolean isScalar(JsonNode node) {
        return node.isTextual() || node.isNumber() || node.isBoolean();
    }

    private static String kind(JsonNode node) {
        return node.isTextual() ? "string" : node.isNumber() ? "number" : "boolean";
    }

    private static Object value(JsonNode node) {
        if (node.isArray()) {
            return list(node);
        }
        return scalar(node);
    }

    private static Object scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        return node.doubleValue();
    }

    private static Object list(JsonNode array) {
        if (array.isEmpty()) {
            return new String[0];
        }
        JsonNode first = array.get(0);
        if (first.isTextual()) {
            List<String> out = new ArrayList<>();
            array.forEach(n -> out.add(n.textValue()));
            return out.toArray(String[]::new);
        }
        if (first.isBoolean()) {
            Boolean[] out = new Boolean[array.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = array.get(i).booleanValue();
            }
            return out;
        }
        boolean integral = true;
        for (JsonNode n : array) {
            integral &= n.isIntegralNumber() && n.canConvertToLong();
        }
        if (integral) {
            Long[] out = new Long[array.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = array.get(i).longValue();
            }
            return out;
        }
        Double[] out = new Double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).doubleValue();
        }
        return out;
    }
}
