package org.revos.runtime.internal.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code components} of a document being built. Each described thing (a collection, a Java type) gets one schema
 * name; when two things want the same name, the later one takes its qualified fallback.
 */
final class Components {

    private final ObjectNode root = Schemas.object();
    private final Map<Object, String> names = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** @return the section {@code name} ({@code schemas}, {@code responses}, ...), created on first use */
    ObjectNode section(String name) {
        return root.has(name) ? (ObjectNode) root.get(name) : root.putObject(name);
    }

    /** @return the schema name given to {@code owner}, if any */
    Optional<String> nameOf(Object owner) {
        return Optional.ofNullable(names.get(owner));
    }

    /**
     * Gives {@code owner} a schema name: {@code preferred} when free, else {@code fallback}, else the fallback with a
     * number.
     */
    String name(Object owner, String preferred, String fallback) {
        String name = taken.contains(preferred) ? fallback : preferred;
        for (int i = 2; taken.contains(name); i++) {
            name = fallback + i;
        }
        taken.add(name);
        names.put(owner, name);
        return name;
    }

    /** Puts a schema under a name given by {@link #name}. */
    void putSchema(String name, ObjectNode schema) {
        section("schemas").set(name, schema);
    }

    /** @return the components node with its schemas in name order */
    ObjectNode finish() {
        ObjectNode schemas = section("schemas");
        List<String> sorted = new ArrayList<>();
        schemas.fieldNames().forEachRemaining(sorted::add);
        sorted.sort(null);
        ObjectNode ordered = Schemas.object();
        sorted.forEach(n -> ordered.set(n, schemas.get(n)));
        root.set("schemas", ordered);
        return root;
    }
}
