package org.revos.integration.internal.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts, for a dry run, every distinct source value an import maps and what it became. Bounded: past
 * {@value #MAX_VALUES} distinct values of one kind, further ones are only counted as {@link #overflow}.
 */
public final class MappingTally {

    /** distinct values kept per kind */
    static final int MAX_VALUES = 10_000;

    /** One distinct value of one kind: what it became and how many rows carry it. */
    public record Seen(ValueKind kind, String value, Resolution resolution, long count) {
    }

    private final Map<ValueKind, Map<String, Seen>> seen = new LinkedHashMap<>();
    private final Map<ValueKind, Long> overflow = new LinkedHashMap<>();

    void record(ValueKind kind, String value, Resolution resolution) {
        Map<String, Seen> ofKind = seen.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        Seen before = ofKind.get(value);
        if (before != null) {
            ofKind.put(value, new Seen(kind, value, before.resolution(), before.count() + 1));
        } else if (ofKind.size() < MAX_VALUES) {
            ofKind.put(value, new Seen(kind, value, resolution, 1));
        } else {
            overflow.merge(kind, 1L, Long::sum);
        }
    }

    /** @return every distinct value seen, by kind, in the order first seen */
    public List<Seen> all() {
        List<Seen> out = new ArrayList<>();
        seen.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    /** @return rows whose value was not kept because its kind had {@value #MAX_VALUES} distinct values already */
    public Map<ValueKind, Long> overflow() {
        return Map.copyOf(overflow);
    }
}
