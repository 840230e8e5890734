package org.revos.integration.internal.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Source value → target, per {@link ValueKind}: {@code "Closed Won" → CLOSED_WON}, {@code "Jane Doe" →
 * jane@acme.com}. Source values match case-insensitively and trimmed; the source value {@value #ANY} maps every value
 * nothing else maps. An owner may map to {@code null}: the deal or account is imported without one, on purpose.
 *
 * @param values targets by kind and source value, in the order they were given
 */
public record ValueMappings(Map<ValueKind, Map<String, String>> values) {

    /** The source value that stands for every value nothing else maps. */
    public static final String ANY = "*";

    public ValueMappings {
        Map<ValueKind, Map<String, String>> copy = new EnumMap<>(ValueKind.class);
        values.forEach((kind, map) -> {
            if (!map.isEmpty()) {
                copy.put(kind, Collections.unmodifiableMap(new LinkedHashMap<>(map)));
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** @return no mappings at all */
    public static ValueMappings none() {
        return new ValueMappings(Map.of());
    }

    /** @return the mappings of one kind; empty when there are none */
    public Map<String, String> of(ValueKind kind) {
        return values.getOrDefault(kind, Map.of());
    }

    /** @return whether there is no mapping of any kind */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return these mappings with {@code over}'s replacing those of the same source value */
    public ValueMappings overriddenBy(ValueMappings over) {
        Map<ValueKind, Map<String, String>> merged = new EnumMap<>(ValueKind.class);
        for (ValueKind kind : ValueKind.values()) {
            Map<String, String> m = new LinkedHashMap<>(of(kind));
            over.of(kind).forEach((source, target) -> {
                m.keySet().removeIf(s -> key(s).equals(key(source)));
                m.put(source, target);
            });
            merged.put(kind, m);
        }
        return new ValueMappings(merged);
    }

    /** @return the entry whose source value is {@code value} (not {@value #ANY}), if any */
    public Optional<Map.Entry<String, String>> find(ValueKind kind, String value) {
        String wanted = key(value);
        return of(kind).entrySet().stream().filter(e -> !e.getKey().equals(ANY) && key(e.getKey()).equals(wanted))
                .findFirst();
    }

    /** @return the {@value #ANY} entry of {@code kind}, if any */
    public Optional<Map.Entry<String, String>> fallback(ValueKind kind) {
        return of(kind).entrySet().stream().filter(e -> e.getKey().equals(ANY)).findFirst();
    }

    /** @return the document form: one object per kind, each source value to its target (or null) */
    public ObjectNode toJson() {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (ValueKind kind : ValueKind.values()) {
            ObjectNode members = out.putObject(kind.key());
            of(kind).forEach((source, target) -> {
                if (target == null) {
                    members.putNull(source);
                } else {
                    members.put(source, target);
                }
            });
        }
        return out;
    }

    /** @return the mappings of a document written by {@link #toJson} (stored, so already checked) */
    public static ValueMappings fromJson(JsonNode json) {
        Map<ValueKind, Map<String, String>> values = new EnumMap<>(ValueKind.class);
        for (ValueKind kind : ValueKind.values()) {
            Map<String, String> m = new LinkedHashMap<>();
            json.path(kind.key()).fields().forEachRemaining(e -> m.put(e.getKey(),
                    e.getValue().isNull() ? null : e.getValue().asText()));
            values.put(kind, m);
        }
        return new ValueMappings(values);
    }

    static String key(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
