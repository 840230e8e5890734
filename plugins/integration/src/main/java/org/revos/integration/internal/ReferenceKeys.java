package org.revos.integration.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.revos.kernel.spi.objects.Field;
import org.revos.kernel.spi.objects.ObjectCollections;
import org.revos.kernel.spi.objects.ObjectSchema;

/**
 * Exported references name the referenced object by its key: its {@code externalId}, or its {@code id} when it has
 * none — the same key an import of that object's export gives it, so a deals file finds its accounts again in any
 * tenant the accounts file was imported into.
 */
final class ReferenceKeys {

    private static final int CACHED = 50_000;

    private final Map<String, String> keyById = new HashMap<>();
    private final ObjectCollections objects;

    ReferenceKeys(ObjectCollections objects) {
        this.objects = objects;
    }

    /** Replaces the ids in the reference cells of {@code rows} by keys. */
    void apply(EntityManager em, ObjectSchema<?> schema, List<Map<String, String>> rows) {
        for (Field<?> field : schema.fields()) {
            if (field.references() == null) {
                continue;
            }
            Set<String> missing = new HashSet<>();
            rows.forEach(r -> {
                String id = r.get(field.name());
                if (id != null && !keyById.containsKey(id)) {
                    missing.add(id);
                }
            });
            if (!missing.isEmpty()) {
                load(em, Transfers.of(objects, field.references()), missing);
            }
            rows.forEach(r -> r.computeIfPresent(field.name(), (k, id) -> keyById.getOrDefault(id, id)));
        }
    }

    private void load(EntityManager em, ObjectSchema<?> target, Set<String> ids) {
        if (keyById.size() > CACHED) {
            keyById.clear();
        }
        ids.forEach(id -> keyById.put(id, id));
        em.createQuery("SELECT e.id, e.externalId FROM " + target.entityName() + " e WHERE e.id IN :ids AND"
                + " e.externalId IS NOT NULL", Object[].class).setParameter("ids", List.copyOf(ids)).getResultList()
                .forEach(r -> keyById.put((String) r[0], (String) r[1]));
    }
}
