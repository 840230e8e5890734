package org.revos.integration.internal.mapping;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.revos.kernel.spi.Violations;
import org.revos.kernel.spi.rest.JsonSchemas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads value mappings from where a request gives them: a mappings document (the body of {@code PUT
 * /api/v1/imports/mappings/{format}}), or the {@code mapStage=}, {@code mapDealType=}, ... query parameters of one
 * import, each {@code Source value=target}.
 */
public final class MappingDocuments {

    /** Members of a document a GET shows that a PUT may send back unchanged: they are not the tenant's to set. */
    private static final Set<String> READ_ONLY = Set.of("format", "defaults");

    private MappingDocuments() {
    }

    /** @return what {@link #fromDocument} accepts */
    public static ObjectNode schema() {
        JsonSchemas document = JsonSchemas.object("The tenant's value mappings for the format: per kind, source value"
                + " to target; \"*\" maps every value nothing else maps. The format and defaults a GET shows may be"
                + " sent back; they are not the tenant's to set");
        for (ValueKind kind : ValueKind.values()) {
            ObjectNode target = JsonSchemas.type("string").put("pattern", "\\S");
            ObjectNode entries = JsonSchemas.type("object").put("description", "Source " + kind.words()
                    + " to target");
            entries.putObject("propertyNames").put("pattern", "\\S");
            entries.set("additionalProperties", kind == ValueKind.OWNERS ? JsonSchemas.nullable(target) : target);
            document.member(kind.key(), entries);
        }
        return document.member("format", JsonSchemas.type("string"))
                .member("defaults", JsonSchemas.type("object").put("description", "The format's own mappings,"
                        + " as a GET shows them; ignored")).build();
    }

    /** @return where each kind sits in a document: its own member */
    public static Map<ValueKind, String> documentFields() {
        Map<ValueKind, String> out = new EnumMap<>(ValueKind.class);
        for (ValueKind kind : ValueKind.values()) {
            out.put(kind, kind.key());
        }
        return out;
    }

    /** @return where each kind sits in a query: its parameter */
    public static Map<ValueKind, String> queryFields() {
        Map<ValueKind, String> out = new EnumMap<>(ValueKind.class);
        for (ValueKind kind : ValueKind.values()) {
            out.put(kind, kind.parameter());
        }
        return out;
    }

    /** @return the mappings of a document, every structural problem added to {@code v} */
    public static ValueMappings fromDocument(JsonNode body, Violations v) {
        Map<ValueKind, Map<String, String>> values = new EnumMap<>(ValueKind.class);
        if (body == null || !body.isObject()) {
            v.add("body", "must be a JSON object such as {\"stages\": {\"Contract Sent\": \"NEGOTIATION\"},"
                    + " \"owners\": {\"Jane Doe\": \"jane@example.com\"}}");
            return ValueMappings.none();
        }
        Map<String, ValueKind> byKey = new LinkedHashMap<>();
        for (ValueKind kind : ValueKind.values()) {
            byKey.put(kind.key(), kind);
        }
        body.fields().forEachRemaining(member -> {
            ValueKind kind = byKey.get(member.getKey());
            if (kind == null) {
                if (!READ_ONLY.contains(member.getKey())) {
                    v.add(member.getKey(), "is not a kind of mapping; use " + String.join(", ", byKey.keySet()));
                }
                return;
            }
            values.put(kind, entries(member.getKey(), member.getValue(), v));
        });
        return new ValueMappings(values);
    }

    /** @return the mappings of the {@code mapStage=Source=TARGET}, ... parameters of a query, by kind */
    public static ValueMappings fromQuery(Map<ValueKind, List<String>> query, Violations v) {
        Map<ValueKind, Map<String, String>> values = new EnumMap<>(ValueKind.class);
        for (ValueKind kind : ValueKind.values()) {
            Map<String, String> m = new LinkedHashMap<>();
            List<String> pairs = query.get(kind);
            for (String pair : pairs == null ? List.<String>of() : pairs) {
                int eq = pair.lastIndexOf('=');
                if (eq <= 0) {
                    v.add(kind.parameter(), "'" + pair + "' must be Source value=target, such as "
                            + kind.parameter() + "=" + example(kind));
                    continue;
                }
                String target = pair.substring(eq + 1).trim();
                m.put(pair.substring(0, eq).trim(), target.isEmpty() && kind == ValueKind.OWNERS ? null : target);
            }
            values.put(kind, m);
        }
        return new ValueMappings(values);
    }

    private static Map<String, String> entries(String key, JsonNode members, Violations v) {
        Map<String, String> m = new LinkedHashMap<>();
        if (!members.isObject()) {
            v.add(key, "must be an object of source value to target, such as {\"Closed Won\": \"CLOSED_WON\"}");
            return m;
        }
        members.fields().forEachRemaining(e -> {
            if (e.getKey().isBlank()) {
                v.add(key, "a source value must not be blank; \"*\" maps every value nothing else maps");
            } else if (e.getValue().isNull()) {
                m.put(e.getKey().trim(), null);
            } else if (!e.getValue().isTextual() || e.getValue().textValue().isBlank()) {
                v.add(key + "." + e.getKey(), "must be a text target (or null for no owner)");
            } else {
                m.put(e.getKey().trim(), e.getValue().textValue().trim());
            }
        });
        return m;
    }

    private static String example(ValueKind kind) {
        return switch (kind) {
        case STAGES -> "Contract%20Sent=NEGOTIATION";
        case LIFECYCLE_STAGES -> "Marketing%20Qualified%20Lead=MQL";
        case DEAL_TYPES -> "existingbusiness=RENEWAL";
        case LOSS_REASONS -> "Went%20dark=NO_DECISION";
        case OWNERS -> "Jane%20Doe=jane@example.com";
        };
    }
}
