package org.revos.integration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.revos.api.model.ObjectType;
import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;
import org.revos.kernel.spi.rest.JsonSchemas;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Query parameters imports and exports share: which objects, in which format. */
final class Transfers {

    /** What can be imported and exported, in dependency order: the kernel's object model. */
    static final List<ObjectType> TYPES = List.of(ObjectType.USER, ObjectType.ACCOUNT, ObjectType.CONTACT,
            ObjectType.LEAD, ObjectType.DEAL, ObjectType.ACTIVITY, ObjectType.REVENUE_EVENT);
    /**
     * The collections' paths, in the order of {@link #TYPES}, for the OpenAPI document, which is written without a
     * running kernel ({@code TransfersTest} holds them to the kernel's collections).
     */
    static final List<String> PATHS = List.of("users", "accounts", "contacts", "leads", "deals", "activities",
            "revenue-events");

    private Transfers() {
    }

    /**
     * @param text {@code deals}, {@code deal}, {@code DEAL}, {@code revenue-events}, {@code revenue_event}...
     * @return the collection, or {@code null} after adding a violation
     */
    static ObjectSchema<?> object(ObjectCollections objects, String text, Violations v) {
        if (text == null) {
            v.add("object", "is required: one of " + names());
            return null;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ObjectSchema<?> schema : objects(objects)) {
            String type = schema.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
            if (t.equals(schema.path()) || t.equals(type)) {
                return schema;
            }
        }
        v.add("object", "'" + text + "' is not an object that can be imported or exported; use one of " + names());
        return null;
    }

    /** @return the {@code object} parameter as {@link #object} reads it: the collections' paths */
    static ObjectNode objectSchema() {
        return JsonSchemas.oneOf(PATHS);
    }

    /** @return the collections that can be imported and exported, in dependency order */
    static List<ObjectSchema<?>> objects(ObjectCollections objects) {
        return TYPES.stream().<ObjectSchema<?>>map(type -> of(objects, type)).toList();
    }

    /** @return the kernel's collection of {@code type} */
    static ObjectSchema<?> of(ObjectCollections objects, ObjectType type) {
        return objects.schema(type).orElseThrow(() -> new IllegalStateException("The kernel serves no " + type));
    }

    /** @return a {@code format} parameter: native, or one a plugin provides */
    static ObjectNode formatSchema() {
        ObjectNode format = JsonSchemas.type("string").put("pattern", "\\S").put("maxLength", 40);
        format.putArray("examples").add("native");
        return format;
    }

    static void unknownParameters(Map<String, List<String>> query, Set<String> known, Violations v) {
        List<String> unknown = new ArrayList<>(query.keySet());
        unknown.removeAll(known);
        unknown.forEach(k -> v.add(k, "is not a parameter here; use " + String.join(", ", new TreeSet<>(known))));
    }

    /** @return a query parameter's value trimmed, {@code null} when absent or blank */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** @return a format parameter's value, {@code native} when absent or blank */
    static String format(String value) {
        String text = text(value);
        return text == null ? "native" : text;
    }

    private static String names() {
        return String.join(", ", PATHS);
    }
}
